import Foundation

/// The digest of every file of `Content/` the last build copied, under the file's metadata
/// (`FileIdentity`): a file whose metadata did not change, and whose copy in the output is still
/// the one the build cache recorded, is not read again. A site's photographs can be hundreds of
/// megabytes; the 10,000-page benchmark has 2,000 logos.
struct AssetCache: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var identity: FileIdentity
        var digest: UInt64
    }

    /// By content path.
    var entries: [String: Entry] = [:]

    static let formatVersion = "brandpress-assets-1"

    static func file(in folder: URL) -> URL {
        folder.appendingPathComponent("assets.bin")
    }

    static func load(from file: URL) -> AssetCache? {
        guard var reader = CacheFile.reader(file, format: formatVersion),
              let entries = reader.dictionary({ reader -> (String, Entry)? in
                  guard let path = reader.string(), let identity = FileIdentity.read(&reader), let digest = reader.uint64() else { return nil }
                  return (path, Entry(identity: identity, digest: digest))
              }),
              reader.isAtEnd
        else { return nil }
        return AssetCache(entries: entries)
    }

    func store(to file: URL) {
        CacheFile.replace(file, format: Self.formatVersion) { writer, flush in
            writer.write(Array(entries)) { writer, item in
                writer.write(item.key)
                item.value.identity.write(to: &writer)
                writer.write(item.value.digest)
            }
            try flush(&writer)
        }
    }
}
