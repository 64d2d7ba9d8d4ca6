import BrandpressKit
import Foundation

/// One `brandpress serve` run: a private temp folder for the built site, the first build,
/// the watcher that rebuilds, and the server. `close()` removes the temp folder.
public final class PreviewSession: Sendable {
    public let root: URL
    public let workFolder: URL
    public let builder: PreviewBuilder
    public let server: PreviewServer
    private let watcher: DirectoryWatcher

    public init(root: URL, port: UInt16, includeDrafts: Bool, log: @escaping @Sendable (BuildReport) -> Void = { _ in }) throws {
        let layout = ProjectLayout(root: root)
        self.root = layout.root
        workFolder = try Self.makeWorkFolder(avoiding: [layout.content, layout.templates])
        let siteFolder = workFolder.appendingPathComponent("site")
        let channel = ReloadChannel()
        let builder = PreviewBuilder(root: layout.root, siteFolder: siteFolder, includeDrafts: includeDrafts, channel: channel, log: log)
        self.builder = builder
        do {
            server = try PreviewServer(siteFolder: siteFolder, channel: channel, port: port)
            let watched = [layout.content, layout.templates].filter { FileManager.default.fileExists(atPath: $0.path) }
            watcher = try DirectoryWatcher(folders: watched) { builder.requestBuild(changedPaths: $0) }
        } catch {
            try? FileManager.default.removeItem(at: workFolder)
            throw error
        }
    }

    /// Folders of `Content/` and `Templates/` the watcher could not watch: editing in them starts no rebuild.
    public var unwatchedFolders: [String] {
        watcher.unwatchedFolders
    }

    /// Removes the temp folder first: if stopping the server hangs and the user presses Ctrl-C again, nothing is left behind.
    public func close() async {
        watcher.stop()
        try? FileManager.default.removeItem(at: workFolder)
        await server.stop()
    }

    /// A fresh folder under the system temp folder, never inside the project's sources.
    static func makeWorkFolder(avoiding protected: [URL]) throws -> URL {
        var base = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        let inside = protected.map { $0.resolvingSymlinksInPath().path + "/" }.contains { (base.path + "/").hasPrefix($0) }
        if inside { base = URL(fileURLWithPath: "/tmp") }
        let folder = base.appendingPathComponent("brandpress-serve-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        return folder
    }
}
