/// The body of a cache file kept as blocks of changes (`PageSourceCache`, `RenderedMarkdownCache`):
/// each block a count, then per path `true` and its entry, or `false` for an entry removed. The
/// first block holds every entry; a rebuild appends a block with what it changed.
enum ChangeBlocks {
    /// Reads every block from the reader's position to the end into `entries`; returns how many
    /// changes followed the first block, or nil when the bytes do not read.
    static func read<Entry>(_ reader: inout ByteReader, into entries: inout [String: Entry], entry: (inout ByteReader) -> Entry?) -> Int? {
        var isFirstBlock = true
        var appended = 0
        while !reader.isAtEnd {
            guard let count = reader.int(), count >= 0 else { return nil }
            if isFirstBlock { entries.reserveCapacity(count) } else { appended += count }
            for _ in 0..<count {
                guard let path = reader.string(), let isPresent = reader.bool() else { return nil }
                if isPresent {
                    guard let read = entry(&reader) else { return nil }
                    entries[path] = read
                } else {
                    entries[path] = nil
                }
            }
            isFirstBlock = false
        }
        return appended
    }

    /// Writes one block of `changes` (a nil entry: removed), each entry as `entry` writes it, calling
    /// `flush` after each.
    static func write<Entry>(_ changes: some Collection<(path: String, entry: Entry?)>, to writer: inout ByteWriter,
                             entry: (inout ByteWriter, Entry) throws -> Void, flush: (inout ByteWriter) throws -> Void) rethrows {
        writer.write(changes.count)
        for (path, value) in changes {
            writer.write(path)
            writer.write(value != nil)
            if let value { try entry(&writer, value) }
            try flush(&writer)
        }
    }
}
