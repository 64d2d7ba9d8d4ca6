import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A walk of `Content/` kept for the next build in the same process (`BuildMemory`). A folder's
/// times change whenever an entry is added to it, removed or renamed, so while every folder walked
/// is as it was (and was already settled then, see `FileIdentity.isSettled`), the next build only
/// looks up the metadata of the files it knows, on every core, instead of listing, sorting and
/// recording every folder's entries again (the walk was a fifth of a one-page rebuild under `serve`).
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
    /// reported, a symbolic link was followed, or a folder had changed too recently to be trusted.
    static func scan(_ contentDirectory: URL, displayPrefix: String, trustedBefore: Double) -> (ContentInventory, ContentScanMemory?) {
        var folders: [Folder]? = []
        let inventory = ContentScanner.scan(contentDirectory, displayPrefix: displayPrefix, folders: &folders)
        guard let folders, inventory.diagnostics.isEmpty, folders.allSatisfy({ $0.identity.isSettled(before: trustedBefore) }) else {
            return (inventory, nil)
        }
        return (inventory, ContentScanMemory(inventory: inventory, folders: folders))
    }

    /// The inventory now, with every file's metadata looked up again, or with `changes` (see
    /// `BuildOptions.contentChanges`) only those named there; nil when a folder changed (or
    /// anything else is not as walked), and `Content/` must be walked again.
    mutating func rescan(changes: Set<String>? = nil) -> ContentInventory? {
        guard let changes else { return rescanAll() }
        for path in changes where !ContentScanner.isHidden(path) {
            if let folder = folderIndex[path] {
                guard isUnchanged(folder) else { return nil }
                continue
            }
            // A name its folder did not hold was added or removed, which changed the folder.
            guard let folder = folderIndex[SitePath.directory(of: path)], isUnchanged(folder) else { return nil }
            guard let (index, offset) = fileIndex[path] else { continue }
            var info = stat()
            guard lstat(folders[index].path + "/" + folders[index].names[offset], &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            update(index, offset, to: FileIdentity(info))
        }
        return inventory
    }

    private mutating func rescanAll() -> ContentInventory? {
        guard folders.indices.allSatisfy(isUnchanged) else { return nil }
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
