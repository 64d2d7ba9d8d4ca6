import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes a folder and everything in it, its top-level entries on all cores (one folder's files
/// one after another: unlinking in one folder from several threads only contends for its lock).
/// The retired output of a 10,000-page site holds some 13,000 files.
enum TreeRemoval {
    /// Best effort: whatever cannot be removed stays (the next build's leftover cleaning tries again).
    static func remove(_ path: String) {
        remove(path, onAllCores: true)
    }

    private static func remove(_ path: String, onAllCores: Bool) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        let entries = DirectoryListing.names(in: path) ?? []
        if onAllCores {
            _ = ParallelMap.map(count: entries.count) { remove(path + "/" + entries[$0], onAllCores: false) }
        } else {
            for name in entries { remove(path + "/" + name, onAllCores: false) }
        }
        rmdir(path)
    }
}
