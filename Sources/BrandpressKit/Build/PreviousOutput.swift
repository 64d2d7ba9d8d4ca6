import Foundation

/// The output folder of the last build, when the build cache still describes it (its metadata
/// fingerprint is the one the cache recorded): a file whose key or digest has not changed is kept
/// as it is there and not made again. `OutputFolder.commit` then carries the kept files over.
struct PreviousOutput: Sendable {
    let folder: URL
    let records: [String: BuildCache.OutputRecord]
    /// Every file and folder in it, from the walk that checked its fingerprint.
    let listing: TreeListing

    /// The record of `sitePath` when it was made from inputs with this key.
    func keeps(_ sitePath: String, key: UInt64) -> BuildCache.OutputRecord? {
        guard let record = records[sitePath], record.key == key else { return nil }
        return record
    }

    /// True when `sitePath` had the same template variables (or bytes) and can be kept; false when
    /// it must be written (changed or new).
    func keeps(_ sitePath: String, digest: UInt64?) -> Bool {
        guard let digest else { return false }
        return records[sitePath]?.digest == digest
    }

    /// True when every one of `sitePaths` is there.
    func keeps(all sitePaths: [String]) -> Bool {
        sitePaths.allSatisfy(listing.files.contains)
    }
}
