import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum DirectoryListing {
    /// The names in `folder` (not `.` and `..`), in no particular order; nil when it cannot be opened.
    static func names(in folder: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
