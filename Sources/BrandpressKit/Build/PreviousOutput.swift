import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The output folder of the last build, when the build cache still describes it: a file whose
/// digest has not changed is hard-linked into the staging folder instead of made again. The swap
/// then publishes the new tree exactly as before, and the old folder's removal leaves the linked
/// files in place.
struct PreviousOutput: Sendable {
    let folder: URL
    let records: [String: BuildCache.OutputRecord]

    /// The record of `sitePath` when it was made from inputs with this key and could be linked.
    func reuse(_ sitePath: String, key: UInt64, in staging: OutputFolder) -> BuildCache.OutputRecord? {
        guard let record = records[sitePath], record.key == key, link(sitePath, into: staging) else { return nil }
        return record
    }

    /// True when `sitePath` had the same template variables (or bytes) and was linked; false when
    /// it must be written (changed, new, or the file system refuses hard links).
    func reuse(_ sitePath: String, digest: UInt64?, in staging: OutputFolder) -> Bool {
        guard let digest, records[sitePath]?.digest == digest else { return false }
        return link(sitePath, into: staging)
    }

    private func link(_ sitePath: String, into staging: OutputFolder) -> Bool {
        Glibc.link(folder.path + "/" + sitePath, staging.stagedPath(sitePath)) == 0
    }

    /// Links every one of `sitePaths`; false when any could not be linked, and then none is left
    /// linked (writing through a link would change the published file).
    func reuse(all sitePaths: [String], in staging: OutputFolder) -> Bool {
        var linked: [String] = []
        for sitePath in sitePaths {
            guard link(sitePath, into: staging) else {
                for path in linked { unlink(path) }
                return false
            }
            linked.append(staging.stagedPath(sitePath))
        }
        return true
    }
}
