import Foundation
import Testing
@testable import BrandpressKit

/// A page read with the front matter kept from the last build must be the page a fresh read gives.
@Suite struct PageSourceCacheTests {
    static let page = """
    ---
    title: 夜班里的"守夜人"
    date: 2024-05-01T08:30:00+08:00
    weight: 3
    draft: false
    tags: [安全生产, 技术创新]
    unit: 综采一区
    score: 9.5
    active: true
    empty:
    plan:
      what: 党员先锋岗
      who: [张三, 李四]
    ---
    正文第一段，
    接着一行。
    """

    static func expectSame(_ cached: PageSource, _ fresh: PageSource) {
        #expect(cached.body == fresh.body)
        #expect(cached.bodyFirstLine == fresh.bodyFirstLine)
        #expect(cached.frontMatterDigest == fresh.frontMatterDigest)
        let a = cached.frontMatter, b = fresh.frontMatter
        #expect(a.title == b.title && a.date == b.date && a.weight == b.weight && a.draft == b.draft && a.tags == b.tags)
        #expect(a.summary == b.summary && a.template == b.template && a.slug == b.slug && a.kind == b.kind)
        #expect(a.fields == b.fields)
        #expect(a.lines.map(\.key) == b.lines.map(\.key) && a.lines.map(\.line) == b.lines.map(\.line))
    }

    @Test func aPageFromTheCacheEqualsAFreshReadAndAChangedFileIsReadAgain() throws {
        let project = try TemporaryProject(["Content/stories/night.md": Self.page, "Content/stories/crlf.md": "---\r\ntitle: 换行\r\n---\r\n正文\r\n"])
        let content = project.root.appendingPathComponent("Content")
        let cacheFile = project.root.appendingPathComponent("pages.bin")
        var entries: [String: PageSourceCache.Entry] = [:]
        for path in ["stories/night.md", "stories/crlf.md"] {
            let fresh = try #require(PageSource.load(path: path, contentDirectory: content, displayPrefix: "Content/").0)
            entries[path] = fresh.cacheEntry
        }
        PageSourceCache(entries: entries).store(to: cacheFile)
        let loaded = try #require(PageSourceCache.load(from: cacheFile))
        #expect(loaded.hasSameFiles(as: PageSourceCache(entries: entries)))

        for path in ["stories/night.md", "stories/crlf.md"] {
            let fresh = try #require(PageSource.load(path: path, contentDirectory: content, displayPrefix: "Content/").0)
            let cached = try #require(PageSource.load(path: path, contentFolder: content.path, displayPrefix: "Content/", cached: loaded.entries[path]).0)
            Self.expectSame(cached, fresh)
        }
        #expect(loaded.entries["stories/night.md"]?.frontMatter.fields["plan"] == .map(["what": .string("党员先锋岗"), "who": .list([.string("张三"), .string("李四")])]))
        #expect(loaded.entries["stories/night.md"]?.frontMatter.fields["score"] == .double(9.5))

        // Same length, other bytes: the cached front matter must not be used.
        try project.write("Content/stories/night.md", Self.page.replacingOccurrences(of: "综采一区", with: "综掘二区"))
        let changed = try #require(PageSource.load(path: "stories/night.md", contentFolder: content.path, displayPrefix: "Content/", cached: loaded.entries["stories/night.md"]).0)
        #expect(changed.frontMatter.string("unit") == "综掘二区")
        #expect(changed.fileDigest != loaded.entries["stories/night.md"]?.fileDigest)
    }

    static func identity(_ url: URL) throws -> FileIdentity {
        var info = stat()
        try #require(lstat(url.path, &info) == 0)
        return FileIdentity(info)
    }

    /// Recognised by its metadata, a file is not read: its front matter and title come from the
    /// cache, and its body is read only when asked for.
    @Test func aFileWithTheRecordedMetadataIsNotReadUntilItsBodyIsAskedFor() throws {
        let text = "\n# 安全标兵\n\n正文，\n第二行。\n"
        let project = try TemporaryProject(["Content/a.md": text])
        let content = project.root.appendingPathComponent("Content")
        let file = content.appendingPathComponent("a.md")
        let identity = try Self.identity(file)
        let later = Date().timeIntervalSince1970 + 60
        let fresh = try #require(PageSource.load(path: "a.md", contentFolder: content.path, displayPrefix: "Content/", cached: nil,
                                                 identity: identity, trustedBefore: later).0)
        #expect(fresh.headingTitle == "安全标兵")
        #expect(fresh.body == "\n\n\n正文，\n第二行。\n")
        #expect(fresh.cacheEntry.identity == identity)
        let cacheFile = project.root.appendingPathComponent("pages.bin")
        PageSourceCache(entries: ["a.md": fresh.cacheEntry]).store(to: cacheFile)
        let entry = try #require(PageSourceCache.load(from: cacheFile)?.entries["a.md"])

        // Other bytes behind the same metadata (a real edit changes it, here the size): the cache answers
        // for everything but the body, which is read when asked for.
        try Data(text.replacingOccurrences(of: "第二行", with: "改过的一行").utf8).write(to: file)
        let trusted = try #require(PageSource.load(path: "a.md", contentFolder: content.path, displayPrefix: "Content/", cached: entry,
                                                   identity: identity, trustedBefore: later).0)
        #expect(trusted.headingTitle == "安全标兵")
        #expect(trusted.bodyDigest == fresh.bodyDigest && trusted.fileDigest == fresh.fileDigest && trusted.bodyFirstLine == fresh.bodyFirstLine)
        #expect(trusted.body == "\n\n\n正文，\n改过的一行。\n")

        // With its new metadata the file is read again.
        let reread = try #require(PageSource.load(path: "a.md", contentFolder: content.path, displayPrefix: "Content/", cached: entry,
                                                  identity: try Self.identity(file), trustedBefore: later).0)
        #expect(reread.fileDigest != fresh.fileDigest && reread.bodyDigest != fresh.bodyDigest)
    }

    /// After loading the site, the cache holds an entry for every file read and no other: the last
    /// build's table itself when nothing changed, else that table with the changed files' entries
    /// replaced, a new file's added and a deleted or unreadable file's gone.
    @Test func loadingTheSiteLeavesAnEntryForEveryFileReadAndNoOther() throws {
        let project = try TemporaryProject(["Content/a.md": "# 甲\n", "Content/b.md": "# 乙\n", "Content/c.md": "# 丙\n"])
        let layout = ProjectLayout(root: project.root)
        var sources = PageSourceCache()
        _ = SiteLoader.load(layout, includeDrafts: false, sources: &sources, settleSeconds: -60)
        #expect(Set(sources.entries.keys) == ["a.md", "b.md", "c.md"])
        let first = sources

        _ = SiteLoader.load(layout, includeDrafts: false, sources: &sources, settleSeconds: -60)
        #expect(sources.hasSameFiles(as: first))

        try project.write("Content/a.md", "# 甲（改）\n")
        try project.remove("Content/b.md")
        try project.write("Content/d.md", "# 丁\n")
        try project.write("Content/e.md", "")
        let (model, problems) = SiteLoader.load(layout, includeDrafts: false, sources: &sources, settleSeconds: -60)
        #expect(problems.map(\.file) == ["Content/e.md"], "the empty file is an error")
        #expect(Set(model?.pages.map(\.title) ?? []) == ["丙", "丁", "甲（改）"])
        #expect(Set(sources.entries.keys) == ["a.md", "c.md", "d.md"])
        #expect(sources.entries["a.md"]?.fileDigest != first.entries["a.md"]?.fileDigest)
        #expect(sources.entries["c.md"]?.fileDigest == first.entries["c.md"]?.fileDigest)
        #expect(sources.entries["d.md"]?.headingTitle == "丁")
    }

    /// A body let go by one copy of a source is let go by all; asked for again, it is read again.
    @Test func aForgottenBodyIsReadAgainWhenAskedFor() throws {
        let project = try TemporaryProject(["Content/a.md": "---\ntitle: 标题\n---\n旧正文\n"])
        let content = project.root.appendingPathComponent("Content")
        let source = try #require(PageSource.load(path: "a.md", contentDirectory: content, displayPrefix: "Content/").0)
        let copy = source
        try project.write("Content/a.md", "---\ntitle: 标题\n---\n新正文\n")
        #expect(source.body == "旧正文\n")
        copy.forgetBody()
        #expect(source.body == "新正文\n")
    }

    /// Metadata that changed moments ago could hide a second change in the same clock tick.
    @Test func metadataThatChangedJustNowIsNotRecorded() throws {
        let project = try TemporaryProject(["Content/a.md": "# 标题\n"])
        let content = project.root.appendingPathComponent("Content")
        let identity = try Self.identity(content.appendingPathComponent("a.md"))
        let source = try #require(PageSource.load(path: "a.md", contentFolder: content.path, displayPrefix: "Content/", cached: nil,
                                                  identity: identity, trustedBefore: Date().timeIntervalSince1970 - 60).0)
        #expect(source.cacheEntry.identity == nil)
    }

    /// A store after a few files changed appends just their entries (and the removal of those gone)
    /// to the file; once the appended changes pass a quarter of the entries, the file is written
    /// whole again. Either way the file loads as the cache that was stored.
    @Test func fewChangesAreAppendedAndManyRewriteTheFile() throws {
        let names = (0..<20).map { "p\($0).md" }
        let project = try TemporaryProject(Dictionary(uniqueKeysWithValues: names.map { ("Content/\($0)", "# 第\($0)页\n") }))
        let content = project.root.appendingPathComponent("Content")
        let cacheFile = project.root.appendingPathComponent("pages.bin")
        func entry(_ path: String, _ text: String) throws -> PageSourceCache.Entry {
            try project.write("Content/\(path)", text)
            return try #require(PageSource.load(path: path, contentDirectory: content, displayPrefix: "Content/").0).cacheEntry
        }
        var entries: [String: PageSourceCache.Entry] = [:]
        for name in names { entries[name] = try entry(name, "# 第\(name)页\n") }
        PageSourceCache(entries: entries).store(to: cacheFile)
        let wholeSize = try #require(try cacheFile.resourceValues(forKeys: [.fileSizeKey]).fileSize)

        // One changed and one gone: 2 changes for 19 entries are appended.
        var cache = try #require(PageSourceCache.load(from: cacheFile))
        entries["p0.md"] = try entry("p0.md", "# 改过的标题\n")
        entries["p1.md"] = nil
        cache.set(entries["p0.md"], for: "p0.md")
        cache.set(nil, for: "p1.md")
        cache.storeChanges(to: cacheFile)
        let appendedSize = try #require(try cacheFile.resourceValues(forKeys: [.fileSizeKey]).fileSize)
        #expect(appendedSize > wholeSize && appendedSize - wholeSize < wholeSize / 5, "only the changes were added")
        cache = try #require(PageSourceCache.load(from: cacheFile))
        #expect(cache.hasSameFiles(as: PageSourceCache(entries: entries)))
        #expect(cache.entries["p0.md"]?.headingTitle == "改过的标题" && cache.entries["p1.md"] == nil)
        #expect(cache.appendedChanges == 2)

        // Nothing changed: the file is left as it is.
        cache.storeChanges(to: cacheFile)
        #expect(try cacheFile.resourceValues(forKeys: [.fileSizeKey]).fileSize == appendedSize)

        // Four more make six appended changes for 21 entries, more than a quarter: written whole.
        for (name, title) in [("p2.md", "又一个标题"), ("p3.md", "再一个标题"), ("new.md", "新页"), ("new2.md", "新页二")] {
            entries[name] = try entry(name, "# \(title)\n")
            cache.set(entries[name], for: name)
        }
        cache.storeChanges(to: cacheFile)
        cache = try #require(PageSourceCache.load(from: cacheFile))
        #expect(cache.hasSameFiles(as: PageSourceCache(entries: entries)))
        #expect(cache.entries["new.md"]?.headingTitle == "新页" && cache.entries["p2.md"]?.headingTitle == "又一个标题")
        #expect(cache.appendedChanges == 0)
        let rewrittenSize = try #require(try cacheFile.resourceValues(forKeys: [.fileSizeKey]).fileSize)

        // An appended block cut short makes the whole file unusable, never half of it.
        cache.set(try entry("p4.md", "# 最后一改\n"), for: "p4.md")
        cache.storeChanges(to: cacheFile)
        #expect(try cacheFile.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 > rewrittenSize)
        #expect(PageSourceCache.load(from: cacheFile)?.appendedChanges == 1)
        try Data(contentsOf: cacheFile).dropLast(3).write(to: cacheFile)
        #expect(PageSourceCache.load(from: cacheFile) == nil)
    }

    /// A cache that was not loaded from a file is stored whole, even for one change.
    @Test func aCacheNotLoadedFromTheFileIsWrittenWhole() throws {
        let project = try TemporaryProject(["Content/a.md": "# 甲\n", "Content/b.md": "# 乙\n"])
        let content = project.root.appendingPathComponent("Content")
        let cacheFile = project.root.appendingPathComponent("pages.bin")
        var cache = PageSourceCache()
        for path in ["a.md", "b.md"] {
            cache.set(try #require(PageSource.load(path: path, contentDirectory: content, displayPrefix: "Content/").0).cacheEntry, for: path)
        }
        cache.storeChanges(to: cacheFile)
        let loaded = try #require(PageSourceCache.load(from: cacheFile))
        #expect(loaded.appendedChanges == 0 && loaded.hasSameFiles(as: cache))
    }

    /// Tags, fields and key lines come back from the cache as bytes, decoded when first asked for:
    /// written again untouched they are the same bytes, and bytes that would not decode are refused
    /// when the cache is read, not when a template asks for a field.
    @Test func frontMatterDetailsKeptAsBytesAreWrittenBackAsTheyWereAndCheckedWhenRead() throws {
        var matter = FrontMatter()
        matter.title = "标题"
        matter.fields = ["k": .string("v")]
        var writer = ByteWriter()
        matter.write(to: &writer)
        let written = writer.bytes

        var reader = ByteReader(written)
        let untouched = try #require(FrontMatter.read(&reader))
        var again = ByteWriter()
        untouched.write(to: &again)
        #expect(again.bytes == written)
        #expect(untouched.fields == ["k": .string("v")] && untouched.tags.isEmpty && untouched.lines.isEmpty)

        var changed = untouched
        changed.tags = ["安全生产"]
        #expect(untouched.tags.isEmpty, "a copy's change stays in the copy")
        var changedWriter = ByteWriter()
        changed.write(to: &changedWriter)
        var changedReader = ByteReader(changedWriter.bytes)
        let reread = try #require(FrontMatter.read(&changedReader))
        #expect(reread.tags == ["安全生产"] && reread.fields == ["k": .string("v")])

        // The details are last: tags (a count), fields (a count, the key "k", the value's kind, "v"), lines (a count).
        let details = 8 + 8 + (8 + 1) + 8 + (8 + 1) + 8
        var badKind = written
        badKind[written.count - details + 8 + 8 + 9] = 7
        var badReader = ByteReader(badKind)
        #expect(FrontMatter.read(&badReader) == nil, "a value of no known kind")
        var shortCount = written
        shortCount[written.count - details - 8] -= 1
        var shortReader = ByteReader(shortCount)
        #expect(FrontMatter.read(&shortReader) == nil, "details one byte short of what they hold")
    }

    @Test func aDamagedCacheFileIsIgnored() throws {
        let project = try TemporaryProject(["Content/a.md": Self.page])
        let cacheFile = project.root.appendingPathComponent("pages.bin")
        let fresh = try #require(PageSource.load(path: "a.md", contentDirectory: project.root.appendingPathComponent("Content"), displayPrefix: "Content/").0)
        PageSourceCache(entries: ["a.md": fresh.cacheEntry]).store(to: cacheFile)
        let bytes = try Data(contentsOf: cacheFile)
        try bytes.dropLast(5).write(to: cacheFile)
        #expect(PageSourceCache.load(from: cacheFile) == nil)
    }
}

extension PageSourceCache {
    /// Whether both hold the same paths with the same bytes and metadata.
    func hasSameFiles(as other: PageSourceCache) -> Bool {
        entries.count == other.entries.count && entries.allSatisfy { path, entry in
            guard let old = other.entries[path] else { return false }
            return old.fileDigest == entry.fileDigest && old.identity == entry.identity
        }
    }
}
