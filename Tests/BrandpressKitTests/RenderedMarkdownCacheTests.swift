import Foundation
import Testing
@testable import BrandpressKit

/// The pages' rendered Markdown kept between builds: a rebuild appends what changed, many changes
/// write it whole, and what a stopped build leaves is refused or harmless.
@Suite struct RenderedMarkdownCacheTests {
    typealias Pages = [(path: String, entry: BuildCache.MarkdownEntry)]

    static func entry(_ key: UInt64, _ text: String) -> BuildCache.MarkdownEntry {
        let links = key % 2 == 0 ? [LinkReference(destination: "other.md#标题\(key)", isImage: false, altText: "", line: 1, column: 1)] : []
        return BuildCache.MarkdownEntry(key: key, contentKey: key + 1000, rendered: RenderedMarkdown(
            html: "<p>\(text)</p>", headings: [Heading(level: 2, id: "h\(key)", text: "标题\(key)")], firstParagraph: key % 3 == 0 ? nil : text,
            plainText: text, references: links, diagnostics: []))
    }

    static func pages(_ count: Int) -> Pages {
        (0..<count).map { ("stories/\($0).md", entry(UInt64($0), "榜样的力量第\($0)篇。")) }
    }

    /// The next build's pages as a build that reused every rendering from `cache` has them.
    static func reused(_ pages: Pages, from cache: RenderedMarkdownCache) throws -> Pages {
        try pages.map { ($0.path, try #require(cache.entries[$0.path])) }
    }

    static func expectEntries(_ cache: RenderedMarkdownCache, _ pages: Pages, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(cache.entries.count == pages.count, sourceLocation: sourceLocation)
        for (path, entry) in pages {
            let kept = cache.entries[path]
            #expect(kept?.key == entry.key && kept?.contentKey == entry.contentKey, "\(path)", sourceLocation: sourceLocation)
            #expect(kept?.rendered.html == entry.rendered.html && kept?.rendered.plainText == entry.rendered.plainText, "\(path)", sourceLocation: sourceLocation)
            #expect(kept?.rendered.references == entry.rendered.references, "\(path)", sourceLocation: sourceLocation)
            #expect(kept?.rendered.headings == entry.rendered.headings && kept?.rendered.firstParagraph == entry.rendered.firstParagraph, "\(path)",
                    sourceLocation: sourceLocation)
            // What is known of the headings, the first paragraph and the links before they are decoded.
            #expect(kept?.rendered.headingsDigest == RenderedMarkdown.headingsDigest(of: entry.rendered.headings), "\(path)", sourceLocation: sourceLocation)
            #expect(kept?.rendered.firstParagraphDigest == StableHash.of(entry.rendered.firstParagraph ?? ""), "\(path)", sourceLocation: sourceLocation)
            #expect(kept?.rendered.linksToFragments == entry.rendered.linksToFragments, "\(path)", sourceLocation: sourceLocation)
        }
    }

    static func size(_ file: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
    }

    static func textFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".text-") }
    }

    /// Twelve pages' entries written whole into a new cache folder of a new project (kept alive by the caller).
    static func storedCache() throws -> (project: TemporaryProject, folder: URL, file: URL, first: Pages) {
        let project = try TemporaryProject([:], templates: [:])
        let folder = project.root.appendingPathComponent("cache")
        let file = RenderedMarkdownCache.file(in: folder, output: project.root.appendingPathComponent("Output"))
        let first = pages(12)
        RenderedMarkdownCache().store(first, to: file)
        return (project, folder, file, first)
    }

    @Test func aRebuildAppendsWhatChangedAndManyChangesWriteTheCacheWhole() throws {
        let (project, folder, file, first) = try Self.storedCache()
        defer { withExtendedLifetime(project) {} }
        let loaded = try #require(RenderedMarkdownCache.load(from: file))
        #expect(loaded.appendedChanges == 0)
        Self.expectEntries(loaded, first)

        let written = try Self.size(file)
        var next = try Self.reused(first, from: loaded)
        loaded.store(next, to: file)
        #expect(try Self.size(file) == written, "nothing changed: nothing written")

        next[3] = (next[3].path, Self.entry(300, "改写后的第三篇。"))
        next.remove(at: 5)
        loaded.store(next, to: file)
        #expect(try Self.size(file) > written)
        let appended = try #require(RenderedMarkdownCache.load(from: file))
        #expect(appended.appendedChanges == 2, "one entry changed, one gone")
        Self.expectEntries(appended, next)
        #expect(try Self.textFiles(in: folder).count == 1, "the new texts went to the same text file")

        var many = try Self.reused(next, from: appended)
        for index in 0..<4 { many[index] = (many[index].path, Self.entry(UInt64(500 + index), "新的第\(index)篇。")) }
        appended.store(many, to: file)
        let whole = try #require(RenderedMarkdownCache.load(from: file))
        #expect(whole.appendedChanges == 0, "the appended changes would reach a quarter of the entries")
        Self.expectEntries(whole, many)
        #expect(try Self.textFiles(in: folder).count == 1)
    }

    @Test func aBlockCutShortIsRefusedAndTextsAStoppedBuildLeftAreOnlySpace() throws {
        let (project, folder, file, first) = try Self.storedCache()
        defer { withExtendedLifetime(project) {} }
        let textFile = folder.appendingPathComponent(try #require(Self.textFiles(in: folder).first))

        // A build stopped after appending its texts, before appending its entries.
        let handle = try FileHandle(forWritingTo: textFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("半截".utf8))
        try handle.close()
        let loaded = try #require(RenderedMarkdownCache.load(from: file))
        Self.expectEntries(loaded, first)

        var next = try Self.reused(first, from: loaded)
        next[0] = (next[0].path, Self.entry(900, "再次改写。"))
        loaded.store(next, to: file)
        Self.expectEntries(try #require(RenderedMarkdownCache.load(from: file)), next)

        // A build stopped while appending its entries.
        let bytes = try Data(contentsOf: file)
        try bytes.dropLast(3).write(to: file)
        #expect(RenderedMarkdownCache.load(from: file) == nil)
    }
}
