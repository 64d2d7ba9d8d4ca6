import Foundation

/// The files of `Content/`, sorted, with symbolic links that leave it refused.
public struct ContentInventory: Sendable {
    /// Content-relative paths of Markdown pages, e.g. `stories/2024-night-shift.md`.
    public var markdownFiles: [String] = []
    /// Each Markdown file's metadata as the scan saw it, by path: a file whose identity is the one
    /// recorded when it was last read need not be read again.
    var markdownIdentities: [String: FileIdentity] = [:]
    /// Content-relative paths of every other file (images, PDFs), copied as they are.
    public var assetFiles: [String] = []
    /// Their metadata, by path, the same way.
    var assetIdentities: [String: FileIdentity] = [:]
    public var hasConfig = false
    public var diagnostics: [Diagnostic] = []
}

public enum ContentScanner {
    public static func scan(_ contentDirectory: URL, displayPrefix: String) -> ContentInventory {
        var folders: [ContentScanMemory.Folder]?
        return scan(contentDirectory, displayPrefix: displayPrefix, folders: &folders)
    }

    /// The same, and when `folders` is given, every folder walked with its files, for `ContentScanMemory`.
    static func scan(_ contentDirectory: URL, displayPrefix: String, folders: inout [ContentScanMemory.Folder]?) -> ContentInventory {
        var inventory = ContentInventory()
        let root = contentDirectory.resolvingSymlinksInPath().path
        walk(directory: root, relative: "", root: root, displayPrefix: displayPrefix, into: &inventory, folders: &folders)
        inventory.markdownFiles.sort()
        inventory.assetFiles.sort()
        return inventory
    }

    /// A regular file below `Content/` and its metadata, as a walk of the folder saw it.
    struct File {
        var path: String
        var identity: FileIdentity
    }

    /// The inventory `scan` makes, from the files of a walk already made (the build's fingerprint
    /// walks the folder first, and fails on what the scan reports: symbolic links, unreadable folders).
    static func inventory(of files: [File]) -> ContentInventory {
        var inventory = ContentInventory()
        inventory.markdownIdentities.reserveCapacity(files.count)
        for file in files where !isHidden(file.path) {
            record(file.path, atTop: SitePath.lastSlash(in: file.path) == nil, identity: file.identity, in: &inventory)
        }
        inventory.markdownFiles.sort()
        inventory.assetFiles.sort()
        return inventory
    }

    /// Whether a name in the path starts with a dot, as the walk skips such files and folders.
    public static func isHidden(_ path: String) -> Bool {
        func hasHiddenName(_ bytes: some Sequence<UInt8>) -> Bool {
            var atNameStart = true
            for byte in bytes {
                if atNameStart && byte == UInt8(ascii: ".") { return true }
                atNameStart = byte == UInt8(ascii: "/")
            }
            return false
        }
        // Through the bytes in memory: stepping through the UTF-8 view checked the string's storage at every byte.
        return path.utf8.withContiguousStorageIfAvailable(hasHiddenName) ?? hasHiddenName(path.utf8)
    }

    /// The extension is looked for at the end of the path: a name that is nothing but `.md` is hidden.
    private static func record(_ relativePath: String, atTop: Bool, identity: FileIdentity, in inventory: inout ContentInventory) {
        if atTop && relativePath == SiteConfig.fileName {
            inventory.hasConfig = true
        } else if SitePath.isMarkdown(relativePath) {
            inventory.markdownFiles.append(relativePath)
            inventory.markdownIdentities[relativePath] = identity
        } else {
            inventory.assetFiles.append(relativePath)
            inventory.assetIdentities[relativePath] = identity
        }
    }

    private static func walk(directory: String, relative: String, root: String, displayPrefix: String, into inventory: inout ContentInventory,
                             folders: inout [ContentScanMemory.Folder]?) {
        // Entries are looked at relative to the open folder (fstatat), not by a full path each,
        // and not through FileManager, whose attributes look up the owner's name for every file.
        let folder = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0, let names = DirectoryListing.names(inOpenFolder: folder) else {
            if folder >= 0 { close(folder) }
            inventory.diagnostics.append(.error("cannot read this folder; check its permissions", file: displayPrefix + relative))
            return
        }
        defer { close(folder) }
        var folderInfo = stat()
        if folders != nil {
            if fstat(folder, &folderInfo) == 0 {
                folders!.append(ContentScanMemory.Folder(path: directory, relative: relative, identity: FileIdentity(folderInfo)))
            } else {
                folders = nil
            }
        }
        let folderIndex = folders.map { $0.count - 1 }
        let shown = names.filter { !$0.hasPrefix(".") }.sorted()
        let infos = DirectoryListing.metadata(of: shown, inOpenFolder: folder)
        for (name, found) in zip(shown, infos) {
            guard var info = found else { continue }
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if info.st_mode & S_IFMT == S_IFLNK {
                // Where a link leads can change without any folder here changing.
                folders = nil
                let path = directory + "/" + name, display = displayPrefix + relativePath
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard stat(path, &info) == 0 else {
                    inventory.diagnostics.append(.error("this symbolic link points to nothing; remove it or fix its target", file: display))
                    continue
                }
                guard target == root || target.hasPrefix(root + "/") else {
                    inventory.diagnostics.append(.error("this symbolic link leads outside Content/ (to \(target)); copy the file into Content/ instead", file: display))
                    continue
                }
            }
            let isDirectory = info.st_mode & S_IFMT == S_IFDIR
            if isDirectory {
                walk(directory: directory + "/" + name, relative: relativePath, root: root, displayPrefix: displayPrefix, into: &inventory, folders: &folders)
            } else {
                let identity = FileIdentity(info)
                record(relativePath, atTop: relative.isEmpty, identity: identity, in: &inventory)
                if let folderIndex, folders != nil { folders![folderIndex].add(name, identity: identity) }
            }
        }
    }
}
