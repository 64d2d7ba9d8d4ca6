import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file that changes whenever its bytes do: size, inode, and the times of
/// the last write and of the last change to the inode, in nanoseconds (as `make` and git judge).
struct FileIdentity: Equatable, Sendable {
    var size: Int
    var inode: UInt64
    var modified: Int64
    var changed: Int64

    init(_ info: stat) {
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    init(size: Int, inode: UInt64, modified: Int64, changed: Int64) {
        self.size = size
        self.inode = inode
        self.modified = modified
        self.changed = changed
    }

    /// File times tick coarsely: a file written moments ago could be written again within the same
    /// tick, with the same size, and its identity would not show it (git calls it "racily clean").
    /// Only an identity whose times are older than `moment` (seconds since 1970) may be trusted later.
    func isSettled(before moment: Double) -> Bool {
        let limit = Int64(moment * 1e9)
        return modified < limit && changed < limit
    }
}

// MARK: - In the cache files

extension FileIdentity {
    func write(to writer: inout ByteWriter) {
        writer.write(size)
        writer.write(inode)
        writer.write(Int(modified))
        writer.write(Int(changed))
    }

    static func read(_ reader: inout ByteReader) -> FileIdentity? {
        guard let size = reader.int(), let inode = reader.uint64(), let modified = reader.int(), let changed = reader.int() else { return nil }
        return FileIdentity(size: size, inode: inode, modified: Int64(modified), changed: Int64(changed))
    }
}
