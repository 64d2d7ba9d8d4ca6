import BrandpressKit
import Foundation
import Synchronization

/// Builds the project into the preview's private folder, one build at a time, and tells the
/// reload channel how it went. A failed build leaves the last good site in place (the build
/// only swaps its output in when it succeeded).
public final class PreviewBuilder: Sendable {
    public let root: URL
    public let siteFolder: URL
    public let includeDrafts: Bool
    public let channel: ReloadChannel
    private let log: @Sendable (BuildReport) -> Void
    /// See `BuildOptions.settleSeconds`; tests that change files quickly make it shorter.
    public let settleSeconds: Double
    private let queue = DispatchQueue(label: "brandpress.preview-build")
    private let pending = Mutex(Pending())
    /// `Content/` and `Templates/` as the watcher names them.
    private let contentFolder: String
    private let templatesFolder: String
    /// The caches, kept between builds instead of in files: the preview's folder is written by nothing else.
    private let memory = BuildMemory()

    public init(root: URL, siteFolder: URL, includeDrafts: Bool, channel: ReloadChannel,
                settleSeconds: Double = BuildOptions.defaultSettleSeconds, log: @escaping @Sendable (BuildReport) -> Void = { _ in }) {
        self.settleSeconds = settleSeconds
        self.root = root
        self.siteFolder = siteFolder
        self.includeDrafts = includeDrafts
        self.channel = channel
        self.log = log
        let layout = ProjectLayout(root: root)
        contentFolder = layout.content.path
        templatesFolder = layout.templates.path
    }

    /// A build asked for and not started yet, and what the watcher saw change since the last build started.
    private struct Pending {
        var waiting = false
        /// Paths below `Content/`, relative to it ("" for the folder itself); nil when not known.
        var contentChanges: Set<String>? = []
    }

    /// Builds now, after any build in progress, and returns when it is done; it looks at every file.
    @discardableResult
    public func build() -> BuildReport {
        queue.sync { buildHere(contentChanges: nil) }
    }

    /// On `queue`: builds share `memory` and the site folder, so they never overlap.
    @discardableResult
    private func buildHere(contentChanges: Set<String>?) -> BuildReport {
        var options = BuildOptions(root: root, output: siteFolder, includeDrafts: includeDrafts, pageInjection: ReloadScript.html)
        options.contentChanges = contentChanges
        options.settleSeconds = settleSeconds
        // The project's own cache folder is for `build`.
        options.cacheFolder = nil
        options.memory = memory
        options.flushesOutput = false
        // The browser reloads as soon as the new site is in place, before the build tidies up.
        options.succeeded = { [log, channel] report in
            log(report)
            channel.send(.reload)
        }
        let report = SiteBuilder.build(options)
        if !report.succeeded {
            log(report)
            channel.send(.failure(report.diagnostics.map(\.description).joined(separator: "\n")))
        }
        return report
    }

    /// Asks for a build in the background; requests that arrive while one waits are merged into it.
    /// `changedPaths` are what the watcher saw change (nil: it cannot tell); of `Content/` the build
    /// looks up only those (a name it did not know makes it walk `Content/` again).
    public func requestBuild(changedPaths: Set<String>?) {
        // An editor's swap and lock files change all the time and make no page: no build, no reload.
        if let changedPaths, !changedPaths.isEmpty, changedPaths.allSatisfy(isLeftOut) { return }
        let alreadyWaiting = pending.withLock { pending in
            defer { pending.waiting = true }
            if let changedPaths, pending.contentChanges != nil {
                for path in changedPaths {
                    guard let relative = contentRelative(path) else { continue }
                    pending.contentChanges!.insert(relative)
                }
            } else {
                pending.contentChanges = nil
            }
            return pending.waiting
        }
        guard !alreadyWaiting else { return }
        queue.async { [self] in
            let changes = pending.withLock { pending in
                defer { pending = Pending() }
                return pending.contentChanges
            }
            buildHere(contentChanges: changes)
        }
    }

    /// Returns once the builds asked for so far are done (for tests).
    func waitForRequestedBuilds() {
        queue.sync {}
    }

    /// `path` relative to `Content/`; nil when it is not in it (a template).
    private func contentRelative(_ path: String) -> String? {
        Self.relative(path, to: contentFolder)
    }

    /// Whether the build leaves out what is at `path`: hidden files and folders of `Content/` and of
    /// the templates, and hidden files of the theme's `assets/` (which copies what is in hidden folders).
    private func isLeftOut(_ path: String) -> Bool {
        if let relative = Self.relative(path, to: contentFolder) { return ContentScanner.isHidden(relative) }
        guard let relative = Self.relative(path, to: templatesFolder) else { return false }
        return relative.hasPrefix(TemplateSet.assetFolder + "/") ? SitePath.fileName(of: relative).hasPrefix(".") : ContentScanner.isHidden(relative)
    }

    private static func relative(_ path: String, to folder: String) -> String? {
        if path == folder { return "" }
        guard path.hasPrefix(folder + "/") else { return nil }
        return String(path.dropFirst(folder.count + 1))
    }
}
