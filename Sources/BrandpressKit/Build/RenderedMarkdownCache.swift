import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every page's rendered Markdown as the last build left it, under its keys
/// (`BuildCache.MarkdownEntry`), in a file of its own beside the build cache, with the pages' HTML
/// and plain text in a text file beside that (`TextFile`).
///
/// The file holds blocks of changes, the first of them every entry, as `PageSourceCache` does: a
/// rebuild appends the entries that changed, and their texts to the text file (writing all 10,000
/// entries anew was two thirds of what recording a one-page rebuild cost), until the appended
/// entries reach a quarter of all of them or the texts no entry uses a quarter of the text file;
/// then both are written whole.
struct RenderedMarkdownCache: Sendable {
    /// By content path.
    private(set) var entries: [String: BuildCache.MarkdownEntry] = [:]
    /// The text file the entries' texts are in, and how many entries were appended to the file since
    /// it was written whole; nil when the cache was not loaded from a file.
    private var loaded: (texts: TextFile, appended: Int)?

    /// Entries appended to the file since it was written whole; nil when not loaded from one.
    var appendedChanges: Int? { loaded?.appended }

    static let formatVersion = "brandpress-rendered-markdown-2"

    init() {}

    static func file(in folder: URL, output: URL) -> URL {
        CacheFile.file("markdown", in: folder, for: output)
    }

    static func load(from file: URL) -> RenderedMarkdownCache? {
        guard var reader = CacheFile.reader(file, format: formatVersion), let textName = reader.string(),
              let texts = TextFile(path: file.deletingLastPathComponent().path + "/" + textName) else { return nil }
        var cache = RenderedMarkdownCache()
        guard let appended = ChangeBlocks.read(&reader, into: &cache.entries, entry: { readEntry(&$0, texts: texts) }) else { return nil }
        cache.loaded = (texts, appended)
        return cache
    }

    /// Keeps `pages` (every rendered page's entry, in the pages' order) in `file`: by appending what
    /// changed since this cache was loaded from it, or else by writing them all.
    func store(_ pages: [(path: String, entry: BuildCache.MarkdownEntry)], to file: URL) {
        if let loaded, let changes = changes(to: pages, texts: loaded.texts) {
            if changes.isEmpty { return }
            if (loaded.appended + changes.count) * 4 <= pages.count, Self.textFileToExtend(pages.lazy.map(\.entry)) === loaded.texts,
               Self.append(changes, texts: loaded.texts, to: file) { return }
        }
        Self.storeWhole(pages, to: file)
    }

    /// The entries of `pages` that are not as loaded, and the paths loaded that are gone (nil
    /// entries); nil when some text is not in `texts` or in memory (it cannot be appended).
    private func changes(to pages: [(path: String, entry: BuildCache.MarkdownEntry)], texts: TextFile) -> [(path: String, entry: BuildCache.MarkdownEntry?)]? {
        var changes: [(path: String, entry: BuildCache.MarkdownEntry?)] = []
        var stillThere = 0
        for index in pages.indices {
            let path = pages[index].path, entry = pages[index].entry
            let old = entries[path]
            if old != nil { stillThere += 1 }
            if let old, old.key == entry.key, old.contentKey == entry.contentKey,
               Self.isSame(old.rendered.htmlText, entry.rendered.htmlText), Self.isSame(old.rendered.plainTextContent, entry.rendered.plainTextContent) {
                continue
            }
            for text in [entry.rendered.htmlText, entry.rendered.plainTextContent] {
                if case .inFile(let holder, _, _) = text.storage, holder !== texts { return nil }
            }
            changes.append((path, entry))
        }
        if stillThere < entries.count {
            let paths = Set(pages.map(\.path))
            for path in entries.keys where !paths.contains(path) { changes.append((path, nil)) }
        }
        return changes
    }

    /// Whether both are the same range of the same text file: a rendering taken from the cache as it was.
    private static func isSame(_ a: CachedText, _ b: CachedText) -> Bool {
        guard case .inFile(let fileA, let offsetA, let lengthA) = a.storage, case .inFile(let fileB, let offsetB, let lengthB) = b.storage else { return false }
        return fileA === fileB && offsetA == offsetB && lengthA == lengthB
    }

    /// The text file the texts kept from the last build are in, when it is worth appending the new
    /// ones to it instead of writing all of them into a new file (copying 50 MB at 10,000 pages
    /// was most of the time a one-page rebuild took to store its cache): when every kept text is in
    /// that one file and at most a quarter of it is texts no entry uses any more.
    static func textFileToExtend(_ entries: some Sequence<BuildCache.MarkdownEntry>) -> TextFile? {
        var file: TextFile?
        var used = 0
        // False when `text` is in another file than the texts before it.
        func count(_ text: CachedText) -> Bool {
            guard case .inFile(let holder, _, let length) = text.storage else { return true }
            if file == nil { file = holder }
            used += length
            return holder === file
        }
        for entry in entries {
            guard count(entry.rendered.htmlText), count(entry.rendered.plainTextContent) else { return nil }
        }
        guard let file, (file.size - used) * 4 <= file.size else { return nil }
        return file
    }

    /// Appends `changes` to `file`, their texts to `texts`; false when either could not be written
    /// (a block cut short makes the next build refuse the file, and one not appended leaves texts
    /// that no entry names, which are only space).
    private static func append(_ changes: [(path: String, entry: BuildCache.MarkdownEntry?)], texts: TextFile, to file: URL) -> Bool {
        guard var textWriter = TextFileWriter(appendingTo: texts) else { return false }
        var writer = ByteWriter()
        do {
            try ChangeBlocks.write(changes, to: &writer, entry: { writer, entry in
                let location = (html: try textWriter.append(entry.rendered.htmlText), plainText: try textWriter.append(entry.rendered.plainTextContent))
                writeEntry(entry, at: location, to: &writer)
            }, flush: { _ in })
            try textWriter.finish()
        } catch {
            return false
        }
        return CacheFile.append(writer.bytes, to: file)
    }

    /// Writes `pages` into `file` in one block, their texts appended to the text file they are in
    /// when `textFileToExtend` allows, else into a new one; the text files no entry names any more
    /// are removed.
    private static func storeWhole(_ pages: [(path: String, entry: BuildCache.MarkdownEntry)], to file: URL) {
        let folder = file.deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let textPrefix = file.deletingPathExtension().lastPathComponent + ".text-"
        let newFile = { TextFileWriter(path: folder + "/" + textPrefix + String(UInt64.random(in: 0...UInt64.max), radix: 16)) }
        guard var texts = textFileToExtend(pages.lazy.map(\.entry)).flatMap(TextFileWriter.init(appendingTo:)) ?? newFile() else {
            return remove(file)
        }
        let textName = SitePath.fileName(of: texts.path)
        var locations: [(html: (offset: Int, length: Int), plainText: (offset: Int, length: Int))] = []
        locations.reserveCapacity(pages.count)
        do {
            // By index, here and below: a loop over the entries copied each (a retain and a release of every field).
            for index in pages.indices {
                locations.append((try texts.append(pages[index].entry.rendered.htmlText), try texts.append(pages[index].entry.rendered.plainTextContent)))
            }
            try texts.finish()
        } catch {
            unlink(texts.path)
            return remove(file)
        }
        let stored = CacheFile.replace(file, format: formatVersion) { writer, flush in
            writer.write(textName)
            try ChangeBlocks.write(pages.indices.lazy.map { (path: pages[$0].path, entry: Optional($0)) }, to: &writer, entry: { writer, index in
                writeEntry(pages[index].entry, at: locations[index], to: &writer)
            }, flush: flush)
        }
        // The text files of earlier caches (and this one's, when the cache could not be written).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        where name.hasPrefix(textPrefix) && (name != textName || !stored) {
            unlink(folder + "/" + name)
        }
        if !stored { remove(file) }
    }

    private static func remove(_ file: URL) {
        try? FileManager.default.removeItem(at: file)
    }

    private static func writeEntry(_ entry: BuildCache.MarkdownEntry, at location: (html: (offset: Int, length: Int), plainText: (offset: Int, length: Int)),
                                   to writer: inout ByteWriter) {
        writer.write(entry.key)
        writer.write(entry.contentKey)
        BuildCache.write(entry.rendered, at: location, to: &writer)
    }

    private static func readEntry(_ reader: inout ByteReader, texts: TextFile) -> BuildCache.MarkdownEntry? {
        guard let key = reader.uint64(), let contentKey = reader.uint64(), let rendered = BuildCache.readRendered(&reader, texts: texts) else { return nil }
        return BuildCache.MarkdownEntry(key: key, contentKey: contentKey, rendered: rendered)
    }
}
