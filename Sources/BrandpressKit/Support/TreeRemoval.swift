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
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        let entries = DirectoryListing.names(in: path) ?? []
        _ = ParallelMap.map(count: entries.count) { removeEntry(path + "/" + entries[$0]) }
        rmdir(path)
    }

    private static func removeEntry(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if info.st_mode & S_IFMT == S_IFDIR {
            for name in DirectoryListing.names(in: path) ?? [] { removeEntry(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
