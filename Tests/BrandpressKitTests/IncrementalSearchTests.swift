import Foundation
import Testing
@testable import BrandpressKit

/// The search index a rebuild patches must be the index a full build makes, file for file, and the
/// files it keeps from the previous build must be the ones that did not change.
@Suite struct IncrementalSearchTests {
    static let publications = ["手册", "标识"]

    static func documents(count: Int, body: (Int) -> String = { "第\($0)篇正文，安全生产与技术创新。" }) -> [SearchDocument] {
        (0..<count).map { number in
            SearchDocument(title: "榜样\(number)", url: "stories/s\(number).html", publication: number % 2, headings: ["事迹"],
                           meta: "综采一区 作者\(number % 7)", body: String(repeating: body(number), count: 12))
        }
    }

    /// The files a search build writes (from any core).
    final class WrittenFiles: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [String: Data] = [:]
        var files: [String: Data] { lock.withLock { storage } }

        func write(_ path: String, _ data: Data) {
            lock.withLock {
                #expect(storage[path] == nil, "\(path) written twice")
                storage[path] = data
            }
        }
    }

    static func build(_ documents: [SearchDocument], previous: SearchState?, earlier: [SearchDocument]? = nil) -> (files: [String: Data], build: SearchBuild) {
        let written = WrittenFiles()
        let build = SearchBuild(source: SearchDocumentSource(documents: documents, publications: publications), previous: previous,
                                earlier: earlier.map { EarlierSearchDocuments(pages: SearchDocumentSource(documents: $0, publications: publications)) },
                                chunkBytes: 2_000,
                                write: written.write)
        #expect(build.failure == nil)
        #expect(Set(build.written) == Set(written.files.keys))
        return (written.files, build)
    }

    /// Files of a build from scratch.
    static func full(_ documents: [SearchDocument]) -> (files: [String: Data], state: SearchState) {
        let (files, build) = Self.build(documents, previous: nil)
        #expect(build.kept.isEmpty)
        return (files, build.state)
    }

    /// What a patching build leaves in `search/`: what it wrote plus the kept files of `previous`.
    static func patched(_ documents: [SearchDocument], previous: (files: [String: Data], state: SearchState),
                        earlier: [SearchDocument]? = nil) -> (files: [String: Data], build: SearchBuild) {
        var (files, build) = Self.build(documents, previous: previous.state, earlier: earlier)
        for path in build.kept {
            #expect(files[path] == nil, "\(path) is both written and kept")
            files[path] = previous.files[path]
        }
        return (files, build)
    }

    static func expectSameFiles(_ actual: [String: Data], _ expected: [String: Data]) {
        #expect(Set(actual.keys) == Set(expected.keys))
        for (path, data) in expected where actual[path] != data {
            Issue.record("\(path) differs from a full build")
        }
    }

    @Test func editingOneDocumentRewritesOnlyWhatItTouches() {
        let before = Self.documents(count: 60)
        let previous = Self.full(before)
        var after = before
        after[17].body += "新增一句：瓦斯"
        let (files, build) = Self.patched(after, previous: previous)
        Self.expectSameFiles(files, Self.full(after).files)
        // Made again: the chunk holding document 17, and the shards of the tokens it gained
        // (句：is not a token; 新增, 增一, 一句, 瓦斯 are); everything else is kept.
        let shardCount = SearchIndexFiles.shardCount(tokens: previous.state.tokens, postings: previous.state.postings)
        let gained = ["新增", "增一", "一句", "瓦斯"].map { SearchIndexFiles.shardPath(SearchShards.shard(of: $0, count: shardCount), count: shardCount) }
        #expect(Set(build.written.filter { $0.contains("/shard-") }) == Set(gained))
        #expect(build.written.filter { $0.contains("/text-") }.count == 1)
        #expect(build.kept.contains { $0.contains("/text-") })
    }

    @Test func tokensOnlyOneDocumentHadDisappearAndNewOnesAppear() {
        var before = Self.documents(count: 30)
        before[4].body += "独有词甲乙丙"
        let previous = Self.full(before)
        var after = before
        after[4].body = "改写后的正文：瓦斯抽采达标"
        after[9].title = "新标题 Word42"
        let (files, _) = Self.patched(after, previous: previous)
        Self.expectSameFiles(files, Self.full(after).files)
        #expect(!Self.tokens(in: files).contains("甲乙"))
        #expect(Self.tokens(in: files).isSuperset(of: ["瓦斯", "word42"]))
    }

    /// Under `serve` the documents the previous index was made from are known, and a changed
    /// document is taken out of the lists of its old tokens without reading every list; documents
    /// that are not the ones indexed (their digests differ) are not trusted.
    @Test(arguments: [true, false])
    func theDocumentsThePreviousIndexWasMadeFromGiveTheSameIndex(earlierIsRight: Bool) {
        var before = Self.documents(count: 50)
        before[4].body += "独有词甲乙丙"
        before[31].headings = ["旧的小标题"]
        let previous = Self.full(before)
        var after = before
        after[4].body = "改写后的正文：瓦斯抽采达标"
        after[9].title = "新标题 Word42"
        after[31].headings = ["新的小标题"]
        // Documents that were never indexed: trusting them would leave 甲乙 and 旧的 where they were.
        var wrong = after
        wrong[4].body = "另一种正文"
        wrong[31].headings = []
        let (files, _) = Self.patched(after, previous: previous, earlier: earlierIsRight ? before : wrong)
        Self.expectSameFiles(files, Self.full(after).files)
        #expect(!Self.tokens(in: files).contains("甲乙"))
        #expect(!Self.tokens(in: files).contains("旧的"))
    }

    @Test func aChangeThatMovesChunkEndsOrTheShardCountStillMatchesAFullBuild() {
        let before = Self.documents(count: 80)
        let previous = Self.full(before)
        var after = before
        // Much longer texts: chunk ends move and the postings need more shards.
        for number in stride(from: 0, to: 80, by: 3) {
            after[number].body += String(repeating: "第\(number)号新增长文，含有许多不同的词语：" + (0..<40).map { "词\($0 * number)" }.joined(), count: 3)
        }
        let (files, build) = Self.patched(after, previous: previous)
        Self.expectSameFiles(files, Self.full(after).files)
        #expect(build.state.tokens.count == Self.full(after).state.tokens.count)
    }

    @Test func unchangedDocumentsKeepEveryFile() {
        let documents = Self.documents(count: 25)
        let previous = Self.full(documents)
        let same = Self.patched(documents, previous: previous)
        #expect(same.build.written.isEmpty)
        #expect(Set(same.build.kept) == Set(previous.files.keys))
    }

    /// A new story is a document near the end: the documents before it keep their numbers, and only
    /// the shards of its tokens, the last chunks and the meta file are written.
    @Test func aDocumentAddedAtTheEndWritesOnlyWhatItTouches() {
        let before = Self.documents(count: 60)
        let previous = Self.full(before)
        var after = before
        after.append(SearchDocument(title: "新的榜样", url: "stories/new.html", publication: 1, headings: [], meta: "掘进队", body: "瓦斯治理的带头人"))
        let (files, build) = Self.patched(after, previous: previous)
        Self.expectSameFiles(files, Self.full(after).files)
        let shardCount = SearchIndexFiles.shardCount(tokens: previous.state.tokens, postings: previous.state.postings)
        let written = Set(build.written.filter { $0.contains("/shard-") })
        let tokens = SearchIndex.tokenCodes(of: after[60])
        let itsShards = Set((tokens.han.map { SearchTokenCodes.string(of: $0.0) } + tokens.words.map(\.key))
            .map { SearchIndexFiles.shardPath(SearchShards.shard(of: $0, count: shardCount), count: shardCount) })
        #expect(!written.isEmpty)
        #expect(written.isSubset(of: itsShards))
        #expect(build.written.filter { $0.contains("/text-") }.count <= 2)
        #expect(build.kept.filter { $0.contains("/text-") }.count >= 3)
    }

    /// One document changed and one added after all the others: no number moves, and the added
    /// document's postings go after the changed one's in lists that hold both and more.
    @Test func aDocumentChangedAndOneAddedAtTheEndGiveTheIndexOfAFullBuild() {
        let before = Self.documents(count: 30)
        let previous = Self.full(before)
        var after = before
        after[12].title = "改过的标题"
        after.append(SearchDocument(title: "末尾的榜样", url: "stories/zz.html", publication: 1, headings: [], meta: "综采一区", body: "安全生产与技术创新"))
        let (files, _) = Self.patched(after, previous: previous)
        Self.expectSameFiles(files, Self.full(after).files)
    }

    /// Documents added and removed anywhere, some of the others changed at the same time: those after
    /// them are numbered again, and the index is still the one a full build makes.
    @Test(arguments: [false, true])
    func documentsAddedAndRemovedAnywhereGiveTheIndexOfAFullBuild(withEarlier: Bool) {
        let before = Self.documents(count: 70)
        let previous = Self.full(before)
        var after = before
        after[50].body = "改写后的正文：综采工作面"
        after[10].title = "新标题 Word42"
        after.remove(at: 65)
        after.remove(at: 30)
        after.insert(SearchDocument(title: "插入的榜样", url: "stories/inserted.html", publication: 0, headings: ["小标题"], meta: "机电科",
                                    body: String(repeating: "设备检修能手，独有词丁戊己。", count: 20)), at: 20)
        after.append(SearchDocument(title: "末尾", url: "stories/zz.html", publication: 1, headings: [], meta: "", body: "最后一篇"))
        let (files, build) = Self.patched(after, previous: previous, earlier: withEarlier ? before : nil)
        Self.expectSameFiles(files, Self.full(after).files)
        #expect(!build.kept.isEmpty)
        #expect(build.state.tokens.count == Self.full(after).state.tokens.count)
        #expect(Self.tokens(in: files).contains("丁戊"))
    }

    @Test func documentsRemovedFromTheEndOrTheStartGiveTheIndexOfAFullBuild() {
        let before = Self.documents(count: 40)
        let previous = Self.full(before)
        // The last: a later document changed whose number now is below a removed one's number before.
        var changedAfterRemoved = Array(before.dropFirst(10))
        changedAfterRemoved.remove(at: 15)
        changedAfterRemoved[19].body += "补充一句"
        for after in [Array(before.dropLast()), Array(before.dropFirst()), Array(before.dropFirst(3).dropLast(3)), changedAfterRemoved] {
            let (files, _) = Self.patched(after, previous: previous)
            Self.expectSameFiles(files, Self.full(after).files)
        }
    }

    /// Documents whose order changed cannot keep sorted lists by being numbered again, and new
    /// publications change every document's publication number: the index is made anew.
    @Test func reorderedDocumentsOrOtherPublicationsRebuildEverything() {
        let documents = Self.documents(count: 25)
        let previous = Self.full(documents)
        var swapped = documents
        swapped.swapAt(3, 12)
        let rebuilt = Self.build(swapped, previous: previous.state)
        #expect(rebuilt.build.kept.isEmpty)
        Self.expectSameFiles(rebuilt.files, Self.full(swapped).files)

        let written = WrittenFiles()
        let other = SearchBuild(source: SearchDocumentSource(documents: documents, publications: ["手册"]), previous: previous.state,
                                chunkBytes: 2_000, write: written.write)
        #expect(other.kept.isEmpty)
        #expect(Set(other.written) == Set(previous.files.keys))
    }

    @Test func theFilesAreTheFilesOfTheWholeIndexAndAFailedWriteIsReported() {
        let documents = Self.documents(count: 40)
        let whole = SearchIndexFiles(SearchIndex(documents: documents, publications: Self.publications), chunkBytes: 2_000)
        Self.expectSameFiles(Self.full(documents).files, whole.files)

        struct DiskFull: Error {}
        let failed = SearchBuild(source: SearchDocumentSource(documents: documents, publications: Self.publications), previous: nil) { path, _ in
            if path.hasSuffix("meta.js") { throw DiskFull() }
        }
        #expect(failed.failure?.message.hasPrefix("search/meta.js") == true)
    }

    @Test func theNumberingFollowsTheDocumentsTheTwoBuildsShare() throws {
        let same = try #require(SearchRenumbering(previous: [10, 20, 30], current: [10, 20, 30]))
        #expect(same.isIdentity && same.firstMoved == 3)

        let appended = try #require(SearchRenumbering(previous: [10, 20, 30], current: [10, 20, 30, 40]))
        #expect(!appended.isIdentity && appended.firstMoved == 3 && appended.previous == [0, 1, 2, nil])

        let changed = try #require(SearchRenumbering(previous: [10, 20, 30, 40], current: [10, 25, 30, 40, 50]))
        #expect(changed.firstMoved == 1)
        #expect(changed.current == [0, nil, 2, 3])
        #expect(changed.previous == [0, nil, 2, 3, nil])

        let shifted = try #require(SearchRenumbering(previous: [10, 20, 30], current: [5, 10, 30]))
        #expect(shifted.firstMoved == 0 && shifted.current == [1, nil, 2])

        #expect(SearchRenumbering(previous: [10, 20, 30], current: [10, 30, 20]) == nil, "two documents changed places")
        #expect(SearchRenumbering(previous: [10, 20], current: [10, 20, 20]) == nil, "two addresses with one digest")
    }

    static func lists(_ state: SearchState) -> [String: PostingList] {
        Dictionary(uniqueKeysWithValues: zip(state.tokens, state.postings))
    }

    static func expectSameState(_ read: SearchState?, _ state: SearchState, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(read?.publicationsDigest == state.publicationsDigest, sourceLocation: sourceLocation)
        #expect(read?.urlDigests == state.urlDigests && read?.documentDigests == state.documentDigests && read?.rowSizes == state.rowSizes,
                sourceLocation: sourceLocation)
        #expect(read.map(Self.lists) == Self.lists(state), sourceLocation: sourceLocation)
    }

    /// The state kept in its own file: a rebuild appends the lists that changed, and the file is
    /// used only with the generation the build cache recorded.
    @Test func theStateIsKeptAsBlocksOfChangedLists() throws {
        let project = try TemporaryProject([:], templates: [:])
        try FileManager.default.createDirectory(at: project.root, withIntermediateDirectories: true)
        let file = project.root.appendingPathComponent("search.bin")
        // Bodies of their own, as a site's pages have: an edit touches the lists of a few tokens.
        let before = Self.documents(count: 200) { "编号\($0) 条目\($0 * 7)" }
        let first = Self.full(before)
        let wholeGeneration = try #require(SearchStateLog.store(first.state, previous: nil, to: file))
        let loaded = try #require(SearchStateLog.load(from: file, generation: wholeGeneration))
        #expect(loaded.appendedBlocks == 0)
        Self.expectSameState(loaded.state, first.state)
        #expect(SearchStateLog.load(from: file, generation: wholeGeneration &+ 1) == nil, "another build's generation")

        var after = before
        after[7].body = "改写后的正文：瓦斯抽采达标"
        let patched = Self.patched(after, previous: first).build.state
        let changes = SearchStateLog.changedLists(from: loaded.state, to: patched)
        #expect(!changes.isEmpty && changes.count * 4 <= patched.tokens.count)
        let size = try #require(FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        let appendedGeneration = try #require(SearchStateLog.store(patched, previous: loaded, to: file))
        let appended = try #require(SearchStateLog.load(from: file, generation: appendedGeneration))
        #expect(appended.appendedBlocks == 1 && appended.appendedLists == changes.count)
        #expect(try #require(FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) > size)
        Self.expectSameState(appended.state, patched)
        #expect(SearchStateLog.load(from: file, generation: wholeGeneration) == nil, "the state before the last block")

        // Most lists changed: written whole.
        let other = Self.full(Self.documents(count: 200) { "另一批\($0 + 1000)" }).state
        #expect(SearchStateLog.changedLists(from: appended.state, to: other).count * 4 > other.tokens.count)
        let rewritten = try #require(SearchStateLog.store(other, previous: appended, to: file))
        let whole = try #require(SearchStateLog.load(from: file, generation: rewritten))
        #expect(whole.appendedBlocks == 0)
        Self.expectSameState(whole.state, other)

        // Cut short, it is refused rather than misread.
        let bytes = try Data(contentsOf: file)
        try bytes.dropLast(3).write(to: file)
        #expect(SearchStateLog.load(from: file, generation: rewritten) == nil)
    }

    static func tokens(in files: [String: Data]) -> Set<String> {
        var tokens: Set<String> = []
        for (path, data) in files where path.contains("/shard-") {
            let text = String(decoding: data, as: UTF8.self)
            guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"),
                  let object = try? JSONSerialization.jsonObject(with: Data(text[open...close].utf8)) as? [String: Any] else { continue }
            tokens.formUnion(object.keys)
        }
        return tokens
    }
}
