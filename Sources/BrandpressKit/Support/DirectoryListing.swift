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

    /// Reads and closes `directory`.
    private static func names(in directory: OpaquePointer) -> [String]? {
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
