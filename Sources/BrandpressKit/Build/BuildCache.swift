import Foundation

/// What the last build made, and from what, so that the next one redoes only what changed:
///
/// - per output file, a key of all it was made from and a digest of its template variables (or
///   its bytes, for a copied file), so a file whose key or digest is the same is kept from the
///   previous output instead of written;
/// - the search index with a digest of each document (in a file of its own, `SearchStateLog`), so that a rebuild patches the index where
///   pages changed and keeps the index files those changes do not touch.
///
/// Each page's rendered Markdown, under a key of its text and of everything its links resolve
/// against (the site's file names), so that a page whose text did not change is not parsed again,
/// is kept beside it (`RenderedMarkdownCache`), in the `MarkdownEntry` defined here.
///
/// Digests come from content, not file times, so a rebuild gives byte for byte what a full build
/// gives. The previous output is only reused when its files' metadata still match what this
/// build recorded after writing them; a cache written by another brandpress binary is ignored.
struct BuildCache {
    struct MarkdownEntry: Sendable {
        /// `MarkdownCacheKeys.pages`: the text and every name of the site.
        var key: UInt64
        /// `MarkdownCacheKeys.content`: the text and what its links resolved to.
        var contentKey: UInt64
        var rendered: RenderedMarkdown
    }

    /// The print view's HTML of one handbook page.
    struct PrintEntry: Sendable {
        var key: UInt64
        var html: String
    }

    /// The print view's version of handbook pages, by content path.
    var printViews: [String: PrintEntry] = [:]
    /// What one output file was made from: the key of its inputs (`JobInputKeys`, or the bytes of a
    /// copied file) and the digest of its template variables (`TemplateInputDigest`).
    struct OutputRecord: Sendable, Equatable {
        var key: UInt64
        var digest: UInt64
    }

    /// Site path of every file the build wrote or copied → what it was made from.
    var outputs: [String: OutputRecord] = [:]
    /// The index the files under `search/` were made from.
    var search: SearchState?
    /// The same, as read from its own file (`SearchStateLog`), to which the next state is appended.
    var searchFromFile: SearchStateLog.Loaded?
    /// `BuildFingerprint.output` of the output folder right after the build that wrote this cache.
    var outputFingerprint: UInt64 = 0

    static let formatVersion = "brandpress-build-cache-9"

    init() {}

    static func file(in folder: URL, output: URL) -> URL {
        CacheFile.file("build", in: folder, for: output)
    }

    /// The search index's state is read from `searchFile` (`SearchStateLog`), when given and of the
    /// generation this cache recorded.
    static func load(from file: URL, searchFile: URL? = nil) -> BuildCache? {
        guard var reader = CacheFile.reader(file, format: formatVersion) else { return nil }
        var cache = BuildCache()
        guard let printViews = reader.dictionary({ reader -> (String, PrintEntry)? in
                  guard let path = reader.string(), let key = reader.uint64(), let html = reader.string() else { return nil }
                  return (path, PrintEntry(key: key, html: html))
              }),
              let outputs = reader.dictionary({ reader -> (String, OutputRecord)? in
                  guard let path = reader.string(), let key = reader.uint64(), let digest = reader.uint64() else { return nil }
                  return (path, OutputRecord(key: key, digest: digest))
              }),
              let hasSearch = reader.bool() else { return nil }
        if hasSearch {
            guard let generation = reader.uint64() else { return nil }
            if let searchFile, let loaded = SearchStateLog.load(from: searchFile, generation: generation) {
                cache.search = loaded.state
                cache.searchFromFile = loaded
            }
        }
        guard let fingerprint = reader.uint64(), reader.isAtEnd else { return nil }
        cache.outputFingerprint = fingerprint
        cache.printViews = printViews
        cache.outputs = outputs
        return cache
    }

    static func remove(_ file: URL) {
        try? FileManager.default.removeItem(at: file)
    }

    // MARK: - Rendered Markdown in bytes

    /// The HTML and plain text are in the text file, at `location`.
    static func write(_ rendered: RenderedMarkdown, at location: (html: (offset: Int, length: Int), plainText: (offset: Int, length: Int)),
                      to writer: inout ByteWriter) {
        writer.write(location.html.offset)
        writer.write(location.html.length)
        writer.write(location.plainText.offset)
        writer.write(location.plainText.length)
        writer.write(rendered.plainTextDigest)
        writer.write(rendered.headingsDigest)
        writer.write(rendered.firstParagraphDigest)
        writer.write(rendered.linksToFragments)
        rendered.details.write(to: &writer)
        writer.write(rendered.diagnostics) { writer, diagnostic in diagnostic.write(to: &writer) }
    }

    static func readRendered(_ reader: inout ByteReader, texts: TextFile) -> RenderedMarkdown? {
        func text(_ reader: inout ByteReader) -> CachedText? {
            guard let offset = reader.int(), let length = reader.int(), offset >= 0, length >= 0, offset + length <= texts.size else { return nil }
            return CachedText(file: texts, offset: offset, length: length)
        }
        guard let html = text(&reader), let plainText = text(&reader), let plainTextDigest = reader.uint64(),
              let headingsDigest = reader.uint64(), let firstParagraphDigest = reader.uint64(), let linksToFragments = reader.bool(), let details = DecodedOnDemand<RenderedMarkdown.Details>.read(&reader),
              let diagnostics = reader.array(Diagnostic.read)
        else { return nil }
        return RenderedMarkdown(htmlText: html, details: details, headingsDigest: headingsDigest, firstParagraphDigest: firstParagraphDigest,
                                linksToFragments: linksToFragments, plainTextContent: plainText, plainTextDigest: plainTextDigest, diagnostics: diagnostics)
    }
}

extension RenderedMarkdown.Details: DecodableOnDemand {
    func write(to writer: inout ByteWriter) {
        writer.write(headings) { writer, heading in
            writer.write(heading.level)
            writer.write(heading.id)
            writer.write(heading.text)
        }
        writer.write(firstParagraph)
        writer.write(references) { writer, reference in
            writer.write(reference.destination)
            writer.write(reference.isImage)
            writer.write(reference.altText)
            writer.write(reference.line)
            writer.write(reference.column)
        }
    }

    static func read(_ reader: inout ByteReader) -> Self? {
        guard let headings = reader.array({ reader -> Heading? in
                  guard let level = reader.int(), let id = reader.string(), let text = reader.string() else { return nil }
                  return Heading(level: level, id: id, text: text)
              }),
              let firstParagraph = reader.optionalString(),
              let references = reader.array({ reader -> LinkReference? in
                  guard let destination = reader.string(), let isImage = reader.bool(), let altText = reader.string(),
                        let line = reader.int(), let column = reader.int() else { return nil }
                  return LinkReference(destination: destination, isImage: isImage, altText: altText, line: line, column: column)
              })
        else { return nil }
        return Self(headings: headings, firstParagraph: firstParagraph, references: references)
    }

    static func skip(_ reader: inout ByteReader) -> Bool {
        reader.skipArray { $0.int() != nil && $0.skipString() && $0.skipString() }
            && reader.skipOptionalString()
            && reader.skipArray { $0.skipString() && $0.bool() != nil && $0.skipString() && $0.int() != nil && $0.int() != nil }
    }
}

extension BuildCache {
    /// What a finished build keeps for the next, in the tables the build has: written by `store` in
    /// the format `load` reads, without first gathering them into one cache's tables (merging
    /// 10,000 pages' records into new tables took a one-page rebuild milliseconds).
    struct Made {
        /// Per handbook.
        var printViews: [[String: PrintEntry]]
        /// Of pages, and of copied files.
        var outputs: [[String: OutputRecord]]
        var search: SearchState?

        /// The cache `BuildCache.load` would read back after `store`, made in memory.
        var cache: BuildCache {
            var cache = BuildCache()
            cache.printViews = Self.merged(printViews)
            cache.outputs = Self.merged(outputs)
            cache.search = search
            return cache
        }

        /// One table of all of `tables`, whose keys never coincide (see `write`).
        private static func merged<Value>(_ tables: [[String: Value]]) -> [String: Value] {
            var merged = tables.first ?? [:]
            merged.reserveCapacity(tables.reduce(0) { $0 + $1.count })
            for table in tables.dropFirst() { merged.merge(table) { $1 } }
            return merged
        }

        /// `outputFingerprint` is asked for last, so that the output can be walked while the rest is
        /// written; without it (nil) no cache is kept, as the next build could not trust the output.
        /// `searchGeneration` is that of the search state the build stored (`SearchStateLog`), nil when none.
        func store(to file: URL, searchGeneration: UInt64?, outputFingerprint: () -> UInt64?) {
            let stored = CacheFile.replace(file, format: BuildCache.formatVersion) { writer, flush in
                try write(to: &writer, flush: flush, searchGeneration: searchGeneration)
                guard let fingerprint = outputFingerprint() else { throw CocoaError(.fileWriteUnknown) }
                writer.write(fingerprint)
            }
            if !stored { BuildCache.remove(file) }
            // Up to format 7, the pages' texts were in a file beside this one; they are the rendered Markdown's now.
            let folder = file.deletingLastPathComponent().path, oldTexts = file.deletingPathExtension().lastPathComponent + ".text-"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(oldTexts) {
                unlink(folder + "/" + name)
            }
        }

        /// The tables one after another, under their total count: the paths of pages, copied files and
        /// print views never coincide (the build stops at such clashes before it writes anything).
        private func write(to writer: inout ByteWriter, flush: (inout ByteWriter) throws -> Void, searchGeneration: UInt64?) throws {
            try Self.write(printViews, to: &writer, flush: flush) { writer, entry in
                writer.write(entry.key)
                writer.write(entry.html)
            }
            try Self.write(outputs, to: &writer, flush: flush) { writer, record in
                writer.write(record.key)
                writer.write(record.digest)
            }
            writer.write(searchGeneration != nil)
            if let searchGeneration { writer.write(searchGeneration) }
        }

        /// What `ByteReader.dictionary` reads back as one table: the count of all entries, then each
        /// entry's path and what `value` writes of it.
        private static func write<Value>(_ tables: [[String: Value]], to writer: inout ByteWriter, flush: (inout ByteWriter) throws -> Void,
                                         value: (inout ByteWriter, Value) -> Void) throws {
            writer.write(tables.reduce(0) { $0 + $1.count })
            for table in tables {
                for (path, entry) in table {
                    writer.write(path)
                    value(&writer, entry)
                    try flush(&writer)
                }
            }
        }
    }
}
