#if canImport(Glibc)
import Glibc
#endif

/// The files and folders under a folder, as paths relative to it, and a fingerprint of their
/// metadata. The fingerprint sums a hash per entry, so a build that patched a few files of the
/// output can tell the new fingerprint from the old listing and those files' metadata alone,
/// instead of walking 16,000 files again.
struct TreeListing: Sendable {
    private(set) var files: Set<String> = []
    private(set) var directories: Set<String> = []
    /// Of the hashes of every file's path and metadata and every folder's path.
    private var sum: UInt64 = 0

    /// Of every file's path, size, inode and times and every folder's path: a file changed,
    /// replaced, added or deleted, or a folder added or removed, gives another value.
    var fingerprint: UInt64 {
        Self.fingerprint(fileCount: files.count, directoryCount: directories.count, sum: sum)
    }

    private static func fingerprint(fileCount: Int, directoryCount: Int, sum: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.add("brandpress-output-listing-2")
        hash.add(fileCount)
        hash.add(directoryCount)
        hash.add(sum)
        return hash.value
    }

    /// The listing of the folder at `path`; nil when it is missing, cannot be read or holds a symbolic link.
    static func walk(_ path: String) -> TreeListing? {
        var listing = TreeListing()
        let walked = FileTree.walk(path) { relative, _, info in
            if let info { listing.addFile(relative, info) } else { listing.addDirectory(relative) }
        }
        return walked ? listing : nil
    }

    /// `walk(path)?.fingerprint`, without keeping the paths.
    static func fingerprint(of path: String) -> UInt64? {
        var files = 0, directories = 0
        var sum: UInt64 = 0
        let walked = FileTree.walk(path) { relative, _, info in
            if let info {
                files += 1
                sum &+= fileHash(relative, info)
            } else {
                directories += 1
                sum &+= directoryHash(relative)
            }
        }
        return walked ? fingerprint(fileCount: files, directoryCount: directories, sum: sum) : nil
    }

    /// The listing of `root` after `patch` changed it, reading the metadata of the files it moved
    /// in; nil when one of them, or one it replaced or deleted, could not be read (then the caller
    /// walks the folder). Had a file changed between this listing's walk and the patch, the
    /// result differs from a new walk, and the next build does everything: never the other way.
    func applying(_ patch: OutputPatch, root: String) -> TreeListing? {
        guard let removed = patch.removedFilesHash else { return nil }
        var listing = self
        listing.sum &-= removed
        for file in patch.replaced + patch.deleted { listing.files.remove(file) }
        for directory in patch.removedDirectories { listing.removeDirectory(directory) }
        for directory in patch.createdDirectories { listing.addDirectory(directory) }
        guard let added = Self.sumOfFiles(patch.written, root: root) else { return nil }
        listing.sum &+= added
        listing.files.formUnion(patch.written)
        return listing
    }

    /// The sum of the hashes of `files` under `root` as they are now; nil when one is not a file there.
    static func sumOfFiles(_ files: [String], root: String) -> UInt64? {
        var sum: UInt64 = 0
        var info = stat()
        for file in files {
            guard lstat(root + "/" + file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            sum &+= fileHash(file, info)
        }
        return sum
    }

    private mutating func addFile(_ path: String, _ info: stat) {
        files.insert(path)
        sum &+= Self.fileHash(path, info)
    }

    private mutating func addDirectory(_ path: String) {
        guard directories.insert(path).inserted else { return }
        sum &+= Self.directoryHash(path)
    }

    private mutating func removeDirectory(_ path: String) {
        guard directories.remove(path) != nil else { return }
        sum &-= Self.directoryHash(path)
    }

    /// One file's share of a listing's sum (and of the inputs' fingerprint, `MetadataHash.addTree`).
    static func fileHash(_ path: String, _ info: stat) -> UInt64 {
        var hash = StableHash()
        hash.add(path)
        hash.add(metadataOf: info)
        return hash.finalized
    }

    static func directoryHash(_ path: String) -> UInt64 {
        var hash = StableHash()
        hash.add(path)
        hash.add("/")
        return hash.finalized
    }
}
