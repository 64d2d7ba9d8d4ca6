import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A walk of `Content/` kept for the next build in the same process (`BuildMemory`). A folder's
/// times change whenever an entry is added to it, removed or renamed, so while every folder walked
/// is as it was (and was already settled then, see `FileIdentity.isSettled`), the next build only
/// looks up the metadata of the files it knows, on every core, instead of listing, sorting and
/// recording every folder's entries again (the walk was a fifth of a one-page rebuild under `serve`).
/// When a watcher names the paths that changed, only those are looked up (`rescan(changes:)`).
struct ContentScanMemory: Sendable {
    struct Folder: Sendable {
        var path: String
        var relative: String
        var identity: FileIdentity
        /// Its files (not its folders), in the order walked, with their metadata then.
        var names: [String] = []
        var identities: [FileIdentity] = []

        init(path: String, relative: String, identity: FileIdentity) {
            self.path = path
            self.relative = relative
            self.identity = identity
        }

        mutating func add(_ name: String, identity: FileIdentity) {
            names.append(name)
            identities.append(identity)
        }
    }

    private(set) var inventory: ContentInventory
    private var folders: [Folder]
    /// Where each folder and each file of `folders` is, by its path relative to `Content/`.
    private var folderIndex: [String: Int] = [:]
    private var fileIndex: [String: (folder: Int, offset: Int)] = [:]
    /// Whether every folder's metadata was settled when taken (see `FileIdentity.isSettled`), so that
    /// a look-up with no names can tell by it whether the folder changed.
    private var foldersSettled = true

    private init(inventory: ContentInventory, folders: [Folder]) {
        self.inventory = inventory
        self.folders = folders
        folderIndex.reserveCapacity(folders.count)
        fileIndex.reserveCapacity(inventory.markdownFiles.count + inventory.assetFiles.count)
        for (index, folder) in folders.enumerated() {
            folderIndex[folder.relative] = index
            for (offset, name) in folder.names.enumerated() {
                fileIndex[folder.relative.isEmpty ? name : folder.relative + "/" + name] = (index, offset)
            }
        }
    }

    /// Walks `Content/`; the memory is nil when the walk cannot be repeated this way: a problem was
    /// reported, or a symbolic link was followed. When a folder had changed too recently for its
    /// metadata to be trusted, only look-ups of named paths can use the memory.
    static func scan(_ contentDirectory: URL, displayPrefix: String, trustedBefore: Double) -> (ContentInventory, ContentScanMemory?) {
        var folders: [Folder]? = []
        let inventory = ContentScanner.scan(contentDirectory, displayPrefix: displayPrefix, folders: &folders)
        guard let folders, inventory.diagnostics.isEmpty else { return (inventory, nil) }
        var memory = ContentScanMemory(inventory: inventory, folders: folders)
        memory.foldersSettled = folders.allSatisfy { $0.identity.isSettled(before: trustedBefore) }
        return (inventory, memory)
    }

    /// The inventory now, with every file's metadata looked up again; nil when a folder changed (or
    /// anything else is not as walked), and `Content/` must be walked again. With `changes` (see
    /// `BuildOptions.contentChanges`) only the paths named there are looked up, and a folder may
    /// have changed: the events named every entry added to it, removed or renamed, so when each of
    /// those is a file it holds still (an editor saving through a temporary file renames it over the
    /// page) or a name gone again, its entries are as walked.
    mutating func rescan(changes: Set<String>? = nil) -> ContentInventory? {
        guard let changes else { return rescanAll() }
        var touched = Set<Int>()
        for path in changes where !ContentScanner.isHidden(path) {
            if let folder = folderIndex[path] {
                guard isUnchanged(folder) else { return nil }
                continue
            }
            guard let folder = folderIndex[SitePath.directory(of: path)] else { return nil }
            var info = stat()
            let found = lstat(folders[folder].path + "/" + SitePath.fileName(of: path), &info) == 0
            if let (index, offset) = fileIndex[path] {
                guard found, info.st_mode & S_IFMT == S_IFREG else { return nil }
                update(index, offset, to: FileIdentity(info))
            } else if found {
                return nil
            }
            touched.insert(folder)
        }
        for folder in touched {
            var info = stat()
            guard lstat(folders[folder].path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
            let identity = FileIdentity(info)
            guard identity != folders[folder].identity else { continue }
            folders[folder].identity = identity
            // Taken just after a change, so not settled: a walk with no names could not trust it.
            foldersSettled = false
        }
        return inventory
    }

    private mutating func rescanAll() -> ContentInventory? {
        guard foldersSettled, folders.indices.allSatisfy(isUnchanged) else { return nil }
        for index in folders.indices where !folders[index].names.isEmpty {
            let descriptor = open(folders[index].path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            defer { close(descriptor) }
            let infos = DirectoryListing.metadata(of: folders[index].names, inOpenFolder: descriptor)
            for (offset, found) in infos.enumerated() {
                guard let info = found, info.st_mode & S_IFMT == S_IFREG else { return nil }
                update(index, offset, to: FileIdentity(info))
            }
        }
        return inventory
    }

    private func isUnchanged(_ folder: Int) -> Bool {
        var info = stat()
        return lstat(folders[folder].path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && FileIdentity(info) == folders[folder].identity
    }

    private mutating func update(_ index: Int, _ offset: Int, to identity: FileIdentity) {
        guard identity != folders[index].identities[offset] else { return }
        folders[index].identities[offset] = identity
        let name = folders[index].names[offset], relative = folders[index].relative
        let path = relative.isEmpty ? name : relative + "/" + name
        if inventory.markdownIdentities[path] != nil {
            inventory.markdownIdentities[path] = identity
        } else if inventory.assetIdentities[path] != nil {
            inventory.assetIdentities[path] = identity
        }
    }
}
