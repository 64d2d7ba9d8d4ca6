import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum DirectoryListing {
    /// The names in `folder` (not `.` and `..`), in no particular order; nil when it cannot be opened.
    static func names(in folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        return names(in: directory)
    }

    /// The same for a folder opened with `open`; the descriptor stays open.
    static func names(inOpenFolder descriptor: Int32) -> [String]? {
        let copy = dup(descriptor)
        guard copy >= 0 else { return nil }
        guard let directory = fdopendir(copy) else {
            close(copy)
            return nil
        }
        return names(in: directory)
    }

    /// Each name's `lstat` in the open folder, nil where it failed: on every core for a big folder
    /// (a story folder holds thousands of files, and these calls were half of walking it).
    static func metadata(of names: [String], inOpenFolder folder: Int32) -> [stat?] {
        let lookUp: @Sendable (Int) -> stat? = { index in
            var info = stat()
            return names[index].withCString { fstatat(folder, $0, &info, AT_SYMLINK_NOFOLLOW) } == 0 ? info : nil
        }
        return names.count < 512 ? names.indices.map(lookUp) : ParallelMap.map(count: names.count, lookUp)
    }

    /// Reads and closes `directory`.
    private static func names(in directory: OpaquePointer) -> [String]? {
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            // Read where it is, up to its NUL: copying the 256-byte field and scanning it as a
            // collection cost more than making the string.
            let name = withUnsafeMutablePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
