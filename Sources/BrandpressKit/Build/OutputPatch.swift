import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Publishes a build that changed a few files of a large output by moving those files into the
/// output folder, instead of swapping in a whole new tree, which needs a hard link for every
/// unchanged file (13,000 of them for one edited story of a 10,000-page site) and the old tree's
/// removal.
///
/// It stays all or nothing. Before the output is touched, every file about to be replaced is
/// linked (or copied) into a backup folder and a journal lists what will change; a failure rolls
/// the output back from the backup, and a build killed meanwhile is rolled back by the next one
/// (`OutputFolder.recoverLeftovers`). Each file is replaced by one `rename`, so a reader never
/// sees a half-written file.
struct OutputPatch {
    let output: String
    let staging: String
    let backup: String
    let journal: String
    /// Files in the staging folder, which replace or join the output's.
    let written: [String]
    /// Those of them the output has now.
    let replaced: [String]
    /// Files of the output the new build does not have.
    let deleted: [String]
    /// Folders to make, parents first, and to remove, children first.
    let createdDirectories: [String]
    let removedDirectories: [String]
    /// `TreeListing.sumOfFiles` of the files it replaces or deletes, read as it is applied, before
    /// it touches them: what the output's fingerprint loses (nil when one could not be read, or
    /// before it is applied).
    private(set) var removedFilesHash: UInt64?

    /// The patch that turns `previous` into the staged build plus the `kept` files, or nil when a
    /// file of one is a folder of the other (then the caller swaps in a whole tree). The new output's
    /// folders are the staging folder's and those of the kept files, which the staging folder need
    /// not have (it gets the folders of the files written into it).
    init?(folder: OutputFolder, previous: PreviousOutput, kept: [String]) {
        guard let staged = TreeListing.walk(folder.staging.path) else { return nil }
        let old = previous.listing
        let directories = staged.directories.union(Self.folders(holding: kept))
        guard directories.isDisjoint(with: old.files), staged.files.isDisjoint(with: old.directories) else { return nil }
        output = folder.output.path
        staging = folder.staging.path
        backup = folder.backup.path
        journal = folder.journal.path
        written = staged.files.sorted()
        replaced = written.filter(old.files.contains)
        // The kept files are old ones, each once, and none of them was written: when they and the
        // replaced ones are as many as the old files, none is deleted, and the 16,000 kept paths of
        // a one-page rebuild need not be looked up.
        deleted = old.files.count == kept.count + replaced.count ? []
            : old.files.subtracting(staged.files).subtracting(kept).sorted()
        createdDirectories = directories.subtracting(old.directories).sorted()
        removedDirectories = old.directories.subtracting(directories).sorted().reversed()
    }

    /// The folders `files` are in, with the folders above them.
    static func folders(holding files: [String]) -> Set<String> {
        var folders: Set<String> = []
        var last = ""
        for file in files {
            // Files of one folder mostly follow each other: their folder is compared on the bytes, not
            // made again for each.
            if SitePath.isDirectly(in: last, file) { continue }
            var folder = SitePath.directory(of: file)
            last = folder
            while !folder.isEmpty, folders.insert(folder).inserted { folder = SitePath.directory(of: folder) }
        }
        return folders
    }

    private init(journal: String, output: String, backup: String, entries: [Character: [String]]) {
        self.output = output
        self.staging = ""
        self.backup = backup
        self.journal = journal
        written = entries["W"] ?? []
        replaced = []
        deleted = entries["D"] ?? []
        createdDirectories = entries["C"] ?? []
        removedDirectories = entries["R"] ?? []
    }

    /// `interruptAfter` (tests only) stops after that many changes to the output as a killed
    /// build would, leaving the journal behind; `failAfter` throws there as a failed rename would.
    mutating func apply(interruptAfter: Int? = nil, failAfter: Int? = nil) throws {
        removedFilesHash = TreeListing.sumOfFiles(replaced + deleted, root: output)
        do {
            try makeBackup()
            try writeJournal()
        } catch {
            // Nothing in the output was touched yet.
            finish()
            throw error
        }
        var changes = 0
        func change(_ body: () throws -> Void) throws -> Bool {
            if changes == interruptAfter { return false }
            if changes == failAfter { throw FileWriting.Failure(path: output, code: EIO) }
            try body()
            changes += 1
            return true
        }
        do {
            for directory in createdDirectories {
                guard try change({ try Self.check(mkdir(path(output, directory), 0o777), path(output, directory)) }) else { return }
            }
            for file in written {
                guard try change({ try Self.check(rename(path(staging, file), path(output, file)), path(output, file)) }) else { return }
            }
            for file in deleted {
                guard try change({ try Self.check(rename(path(output, file), path(backup, file)), path(output, file)) }) else { return }
            }
            for directory in removedDirectories {
                guard try change({ try Self.check(rmdir(path(output, directory)), path(output, directory)) }) else { return }
            }
        } catch {
            // When even the rollback fails, the journal and the backup stay for the next build to try again.
            if rollBack() { finish() }
            throw error
        }
        finish()
    }

    /// Rolls back the patch a killed build left half applied; true when there was one.
    static func recover(journal: String, output: String, backup: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: journal) else { return false }
        var entries: [Character: [String]] = [:]
        for record in data.split(separator: 0) {
            guard let text = String(bytes: record, encoding: .utf8), let kind = text.first, text.dropFirst().first == "\t" else { continue }
            entries[kind, default: []].append(String(text.dropFirst(2)))
        }
        // A rollback that fails again leaves a mixed output, which no longer matches the build
        // cache's record of it: the next build then makes and swaps in a whole new tree.
        _ = OutputPatch(journal: journal, output: output, backup: backup, entries: entries).rollBack()
        unlink(journal)
        return true
    }

    /// Every file the patch replaces, and every file it deletes, linked into the backup folder.
    private func makeBackup() throws {
        let folders = Set((replaced + deleted).map(SitePath.directory(of:))).sorted()
        try Self.check(mkdir(backup, 0o777), backup)
        for folder in folders where !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: path(backup, folder), withIntermediateDirectories: true)
        }
        for file in replaced where link(path(output, file), path(backup, file)) != 0 {
            // A file system without hard links: a copy serves as well.
            try FileManager.default.copyItem(atPath: path(output, file), toPath: path(backup, file))
        }
    }

    private func writeJournal() throws {
        var bytes: [UInt8] = []
        for (kind, paths) in [("W", written), ("D", deleted), ("C", createdDirectories), ("R", removedDirectories)] {
            for path in paths {
                bytes += Array((kind + "\t" + path).utf8)
                bytes.append(0)
            }
        }
        let fd = open(journal, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw FileWriting.Failure(path: journal, code: errno) }
        defer { close(fd) }
        try bytes.withUnsafeBufferPointer { try FileWriting.write(bytes: $0, fd: fd, path: journal) }
        try Self.check(fsync(fd), journal)
    }

    /// Puts back what the backup holds and removes what the patch added; false when a file could
    /// not be put back.
    private func rollBack() -> Bool {
        var restored = true
        for directory in removedDirectories.reversed() { mkdir(path(output, directory), 0o777) }
        for file in written {
            if access(path(backup, file), F_OK) == 0 {
                restored = rename(path(backup, file), path(output, file)) == 0 && restored
            } else {
                unlink(path(output, file))
            }
        }
        for file in deleted where access(path(backup, file), F_OK) == 0 {
            restored = rename(path(backup, file), path(output, file)) == 0 && restored
        }
        for directory in createdDirectories.reversed() { rmdir(path(output, directory)) }
        return restored
    }

    /// The journal goes first: once it is gone, the output is the new one.
    private func finish() {
        unlink(journal)
        TreeRemoval.remove(backup)
        TreeRemoval.remove(staging)
    }

    private func path(_ folder: String, _ sitePath: String) -> String {
        folder + "/" + sitePath
    }

    private static func check(_ result: Int32, _ path: String) throws {
        if result != 0 { throw FileWriting.Failure(path: path, code: errno) }
    }
}
