import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a build read and wrote, reduced to two 64-bit numbers from file metadata alone, so that a
/// rebuild with nothing changed can stop after a few thousand `stat` calls instead of rebuilding —
/// the way `make` decides. Any change to a file's size, times or inode, any added or removed file,
/// another brandpress binary or other options gives other numbers, and a full build.
struct BuildFingerprint: Codable, Equatable {
    var inputs: UInt64
    var output: UInt64
    /// Warnings of the build that wrote the output, shown again when nothing needs doing.
    var warnings: [Diagnostic]

    /// Hashes the options, every file under `Content/` and `Templates/`, and which program is
    /// running (`ExecutableIdentity`); nil when a folder cannot be read or holds a symbolic link
    /// (then the build does everything).
    ///
    /// File times tick coarsely (a few milliseconds), so a file changed within the last moment
    /// (`settleSeconds`) could change again without its metadata showing it; then `settled` is
    /// false and the fingerprint must not be kept (git calls such files "racily clean").
    ///
    /// `content` lists the files of `Content/` as this walk saw them, so that the build need not
    /// walk the folder a second time (`ContentScanner.inventory(of:)`).
    static func inputs(of layout: ProjectLayout, options: BuildOptions) -> (value: UInt64, settled: Bool, content: [ContentScanner.File])? {
        var hash = MetadataHash()
        hash.add("brandpress-fingerprint-4|\(layout.output.path)|\(options.includeDrafts)|\(options.pageInjection ?? "")")
        hash.add(Int(truncatingIfNeeded: ExecutableIdentity.value))
        var content: [ContentScanner.File] = []
        guard hash.addTree(layout.content.path, eachFile: { content.append(.init(path: $0, identity: FileIdentity($1))) }),
              hash.addTree(layout.templates.path) else { return nil }
        return (hash.value, hash.newestChange < Date().timeIntervalSince1970 - options.settleSeconds, content)
    }

    /// Of the output folder's files, so that a changed or deleted output is rebuilt.
    static func output(of folder: URL) -> UInt64? {
        TreeListing.fingerprint(of: folder.path)
    }

    /// The same, with the folder's files and subfolders, which an update in place needs.
    static func outputWithListing(of folder: URL) -> (fingerprint: UInt64, listing: TreeListing)? {
        TreeListing.walk(folder.path).map { ($0.fingerprint, $0) }
    }

    static func cacheFile(for layout: ProjectLayout) -> URL {
        CacheFile.file("fingerprint", in: layout.root.appendingPathComponent(BuildOptions.cacheFolderName), for: layout.output, extension: "json")
    }

    static func load(for layout: ProjectLayout) -> BuildFingerprint? {
        guard let data = FileManager.default.contents(atPath: cacheFile(for: layout).path) else { return nil }
        return try? JSONDecoder().decode(BuildFingerprint.self, from: data)
    }

    /// Best effort: a project folder that cannot be written only loses the shortcut.
    func store(for layout: ProjectLayout) {
        let file = Self.cacheFile(for: layout)
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard let data = try? JSONEncoder().encode(self) else { return }
        try? data.write(to: file, options: .atomic)
    }
}

/// File names and metadata fed into the build cache's `StableHash`, and the newest time seen.
struct MetadataHash {
    private var hash = StableHash()
    var value: UInt64 { hash.value }
    /// The latest modification or change time seen, in seconds since 1970.
    private(set) var newestChange = 0.0

    mutating func add(_ text: String) {
        hash.add(text)
    }

    mutating func add(_ number: Int) {
        hash.add(number)
    }

    mutating func addStat(_ info: stat) {
        hash.add(metadataOf: info)
        noteChange(info)
    }

    private mutating func noteChange(_ info: stat) {
        let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
        let changed = Double(info.st_ctim.tv_sec) + Double(info.st_ctim.tv_nsec) / 1e9
        newestChange = max(newestChange, modified, changed)
    }

    mutating func addFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        addStat(info)
        return true
    }

    /// Every entry below `path` with its metadata; false on a symbolic link or an unreadable
    /// folder. A missing folder counts as empty. `eachFile` is given each regular file's path
    /// relative to `path` and its metadata, in no particular order. The entries are hashed one by one
    /// and summed, so the walk need not sort each folder's names (sorting 7,700 stories' names twice
    /// a build, for this and the output's walk, was a twentieth of a one-page rebuild's work).
    mutating func addTree(_ path: String, eachFile: ((String, stat) -> Void)? = nil) -> Bool {
        guard FileTree.exists(path) else {
            let isMissing = errno == ENOENT
            add("missing:" + path)
            return isMissing
        }
        // Summed as the output's listing sums them (`TreeListing`).
        var sum: UInt64 = 0, count = 0
        let walked = FileTree.walk(path) { relative, _, info in
            if let info {
                sum &+= TreeListing.fileHash(relative, info)
                noteChange(info)
                eachFile?(relative, info)
            } else {
                sum &+= TreeListing.directoryHash(relative)
            }
            count += 1
        }
        add(count)
        add(Int(truncatingIfNeeded: sum))
        return walked
    }
}

extension StableHash {
    /// A file's size, inode and modification and change times: what changes when the file does.
    mutating func add(metadataOf info: stat) {
        add(Int(info.st_size))
        add(Int(info.st_ino))
        add(Int(info.st_mtim.tv_sec))
        add(Int(info.st_mtim.tv_nsec))
        add(Int(info.st_ctim.tv_sec))
        add(Int(info.st_ctim.tv_nsec))
    }
}

/// Walks a folder's tree with one `fstatat` per entry, relative to the open folder: a full path per
/// file made the kernel walk every path again (a third of the time for 16,000 output files).
enum FileTree {
    /// Whether `path` is there (false with `errno` set when it is not).
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Calls `visit` for every entry below `path`, in the order the folders list them (not sorted:
    /// nothing that walks needs an order), folders before their contents, with the entry's path
    /// relative to `path`, its name and, for a regular file, its metadata (nil for a folder). False
    /// on a symbolic link or anything else that is neither, and on an unreadable folder.
    static func walk(_ path: String, relativePrefix: String = "", visit: (String, String, stat?) -> Void) -> Bool {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return false }
        defer { close(folder) }
        guard let names = DirectoryListing.names(inOpenFolder: folder) else { return false }
        var info = stat()
        for name in names {
            // Through `withCString`: passing the String made a C string (an array) for every entry.
            guard name.withCString({ fstatat(folder, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else { return false }
            let relative = relativePrefix + name
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                visit(relative, name, nil)
                guard walk(path + "/" + name, relativePrefix: relative + "/", visit: visit) else { return false }
            case S_IFREG:
                visit(relative, name, info)
            default:
                return false
            }
        }
        return true
    }
}
