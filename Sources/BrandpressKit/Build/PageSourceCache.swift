import Foundation

/// The decoded front matter of every page the last build read, under a digest of the file's bytes:
/// a file whose bytes did not change is not parsed as YAML again (parsing is most of the time spent
/// reading 10,000 pages), and a file whose metadata (`FileIdentity`) did not change is not even
/// read. Kept apart from `BuildCache`, whose rendered HTML takes longer to load, so that reading
/// the pages need not wait for it.
public struct PageSourceCache: Sendable {
    struct Entry: Sendable {
        var fileDigest: UInt64
        var frontMatter: FrontMatter
        /// Where the body starts in the decoded text, in UTF-8 bytes.
        var bodyOffset: Int
        var bodyFirstLine: Int
        var frontMatterDigest: UInt64
        var headingTitle: String?
        var bodyDigest: UInt64
        var encoding: SourceEncoding
        /// Nil when the file had changed too recently to be recognised by its metadata.
        var identity: FileIdentity?
    }

    /// By content path.
    private(set) var entries: [String: Entry] = [:]
    /// How many changes have been appended to the file this cache was loaded from since it was
    /// last written whole; nil when it was not loaded from a file, or has since changed too much for
    /// appending the changes to be worth it.
    private(set) var appendedChanges: Int?
    /// The changes made since the cache was loaded, in order, while they are few enough to append
    /// to its file (else the whole cache is written, and they are not kept).
    private var unsaved: [(path: String, entry: Entry?)] = []
    private var changedSinceLoad = false

    public init() {}

    init(entries: [String: Entry]) {
        self.entries = entries
    }

    /// The entries `set` replaced or removed since they were last taken (`takeReplaced`): what the
    /// files this build read anew were when the last build read them.
    private var replaced: [String: Entry] = [:]

    /// Records `entry` (nil: none) for `path`, changing the table in place when nothing else holds it.
    mutating func set(_ entry: Entry?, for path: String) {
        if replaced[path] == nil, let old = entries[path] { replaced[path] = old }
        entries[path] = entry
        changedSinceLoad = true
        if let appended = appendedChanges, (appended + unsaved.count + 1) * 4 <= entries.count {
            unsaved.append((path, entry))
        } else {
            appendedChanges = nil
            unsaved = []
        }
    }

    /// The entries replaced or removed since this was last asked, by path; none are kept after.
    mutating func takeReplaced() -> [String: Entry] {
        defer { replaced = [:] }
        return replaced
    }

    static let formatVersion = "brandpress-page-sources-5"

    static func file(in folder: URL) -> URL {
        folder.appendingPathComponent("pages.bin")
    }

    /// The file holds blocks of changes, the first of them every entry: a rebuild that read a few
    /// changed files appends a block with just those (rewriting all 10,000 entries, 7 MB, was a tenth
    /// of a one-page rebuild's work), until the appended changes reach a quarter of the entries and
    /// the file is written whole again.
    static func load(from file: URL) -> PageSourceCache? {
        guard var reader = CacheFile.reader(file, format: formatVersion) else { return nil }
        var cache = PageSourceCache()
        guard let appended = ChangeBlocks.read(&reader, into: &cache.entries, entry: { readEntry(&$0) }) else { return nil }
        cache.appendedChanges = appended
        return cache
    }

    /// Stores the changes made since this cache was loaded by appending them to the file it was
    /// loaded from, or the whole cache when it was not loaded from one or the changes appended
    /// since it was written whole would reach a quarter of the entries. Nothing, when nothing changed.
    func storeChanges(to file: URL) {
        guard changedSinceLoad else { return }
        if appendedChanges != nil {
            var writer = ByteWriter()
            ChangeBlocks.write(unsaved, to: &writer, entry: Self.write, flush: { _ in })
            if CacheFile.append(writer.bytes, to: file) { return }
        }
        store(to: file)
    }

    func store(to file: URL) {
        CacheFile.replace(file, format: Self.formatVersion) { writer, flush in
            try ChangeBlocks.write(entries.lazy.map { (path: $0.key, entry: Optional($0.value)) }, to: &writer, entry: Self.write, flush: flush)
        }
    }

    private static func write(_ writer: inout ByteWriter, _ entry: Entry) {
        writer.write(entry.fileDigest)
        entry.frontMatter.write(to: &writer)
        writer.write(entry.bodyOffset)
        writer.write(entry.bodyFirstLine)
        writer.write(entry.frontMatterDigest)
        writer.write(entry.headingTitle)
        writer.write(entry.bodyDigest)
        writer.write(entry.encoding.rawValue)
        writer.write(entry.identity != nil)
        entry.identity?.write(to: &writer)
    }

    private static func readEntry(_ reader: inout ByteReader) -> Entry? {
        guard let fileDigest = reader.uint64(), let frontMatter = FrontMatter.read(&reader),
              let bodyOffset = reader.int(), let bodyFirstLine = reader.int(), let frontMatterDigest = reader.uint64(),
              let headingTitle = reader.optionalString(), let bodyDigest = reader.uint64(),
              let encoding = reader.string().flatMap(SourceEncoding.init(rawValue:)), let hasIdentity = reader.bool() else { return nil }
        var identity: FileIdentity?
        if hasIdentity {
            guard let read = FileIdentity.read(&reader) else { return nil }
            identity = read
        }
        return Entry(fileDigest: fileDigest, frontMatter: frontMatter, bodyOffset: bodyOffset, bodyFirstLine: bodyFirstLine,
                     frontMatterDigest: frontMatterDigest, headingTitle: headingTitle, bodyDigest: bodyDigest,
                     encoding: encoding, identity: identity)
    }
}

// MARK: - Front matter in bytes

extension FrontMatter {
    func write(to writer: inout ByteWriter) {
        writer.write(title)
        writer.write(date != nil)
        if let date {
            writer.write(date.year)
            writer.write(date.month)
            writer.write(date.day)
            writer.write(date.secondsOfDay)
            writer.write(date.zone)
        }
        writer.write(draft)
        writer.write(weight)
        writer.write(summary)
        writer.write(template)
        writer.write(slug)
        writer.write(kind)
        details.write(to: &writer)
    }

    static func read(_ reader: inout ByteReader) -> FrontMatter? {
        var matter = FrontMatter()
        guard let title = reader.optionalString(), let hasDate = reader.bool() else { return nil }
        matter.title = title
        if hasDate {
            guard let year = reader.int(), let month = reader.int(), let day = reader.int(), let seconds = reader.int(),
                  let zone = reader.optionalString() else { return nil }
            matter.date = PageDate(year: year, month: month, day: day, secondsOfDay: seconds, zone: zone)
        }
        guard let draft = reader.bool(), let weight = reader.optionalInt(), let summary = reader.optionalString(),
              let template = reader.optionalString(), let slug = reader.optionalString(), let kind = reader.optionalString(),
              let details = DecodedOnDemand<Details>.read(&reader) else { return nil }
        matter.draft = draft
        matter.weight = weight
        matter.summary = summary
        matter.template = template
        matter.slug = slug
        matter.kind = kind
        matter.details = details
        return matter
    }
}

extension FrontMatter.Details: DecodableOnDemand {
    func write(to writer: inout ByteWriter) {
        writer.write(tags) { $0.write($1) }
        writer.write(Array(fields)) { writer, field in
            writer.write(field.key)
            field.value.write(to: &writer)
        }
        writer.write(lines) { writer, line in
            writer.write(line.key)
            writer.write(line.line)
        }
    }

    static func read(_ reader: inout ByteReader) -> Self? {
        guard let tags = reader.array({ $0.string() }),
              let fields = reader.dictionary({ reader -> (String, FieldValue)? in
                  guard let key = reader.string(), let value = FieldValue.read(&reader) else { return nil }
                  return (key, value)
              }),
              let lines = reader.array({ reader -> (key: String, line: Int)? in
                  guard let key = reader.string(), let line = reader.int() else { return nil }
                  return (key, line)
              })
        else { return nil }
        return Self(tags: tags, fields: fields, lines: lines)
    }

    /// Reads past what `read` reads without making any of it: false where `read` would fail.
    static func skip(_ reader: inout ByteReader) -> Bool {
        reader.skipArray { $0.skipString() }
            && reader.skipArray { $0.skipString() && FieldValue.skip(&$0) }
            && reader.skipArray { $0.skipString() && $0.int() != nil }
    }
}

extension FieldValue {
    private enum Kind: Int {
        case string, int, double, bool, list, map, null
    }

    func write(to writer: inout ByteWriter) {
        switch self {
        case .string(let text):
            writer.write(Kind.string.rawValue)
            writer.write(text)
        case .int(let number):
            writer.write(Kind.int.rawValue)
            writer.write(number)
        case .double(let number):
            writer.write(Kind.double.rawValue)
            writer.write(number.bitPattern)
        case .bool(let flag):
            writer.write(Kind.bool.rawValue)
            writer.write(flag)
        case .list(let values):
            writer.write(Kind.list.rawValue)
            writer.write(values) { writer, value in value.write(to: &writer) }
        case .map(let values):
            writer.write(Kind.map.rawValue)
            writer.write(Array(values)) { writer, item in
                writer.write(item.key)
                item.value.write(to: &writer)
            }
        case .null:
            writer.write(Kind.null.rawValue)
        }
    }

    static func read(_ reader: inout ByteReader) -> FieldValue? {
        guard let kind = reader.int().flatMap(Kind.init(rawValue:)) else { return nil }
        switch kind {
        case .string: return reader.string().map(FieldValue.string)
        case .int: return reader.int().map(FieldValue.int)
        case .double: return reader.uint64().map { .double(Double(bitPattern: $0)) }
        case .bool: return reader.bool().map(FieldValue.bool)
        case .list: return reader.array(FieldValue.read).map(FieldValue.list)
        case .map:
            return reader.dictionary({ reader -> (String, FieldValue)? in
                guard let key = reader.string(), let value = FieldValue.read(&reader) else { return nil }
                return (key, value)
            }).map(FieldValue.map)
        case .null: return .null
        }
    }

    /// Reads past what `read` reads without making it: false where `read` would fail.
    static func skip(_ reader: inout ByteReader) -> Bool {
        guard let kind = reader.int().flatMap(Kind.init(rawValue:)) else { return false }
        switch kind {
        case .string: return reader.skipString()
        case .int, .double: return reader.uint64() != nil
        case .bool: return reader.bool() != nil
        case .list: return reader.skipArray(FieldValue.skip)
        case .map: return reader.skipArray { $0.skipString() && FieldValue.skip(&$0) }
        case .null: return true
        }
    }
}
