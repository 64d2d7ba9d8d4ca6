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
    private let queue = DispatchQueue(label: "brandpress.preview-build")
    private let pending = Mutex(false)
    /// The caches, kept between builds instead of in files: the preview's folder is written by nothing else.
    private let memory = BuildMemory()

    public init(root: URL, siteFolder: URL, includeDrafts: Bool, channel: ReloadChannel, log: @escaping @Sendable (BuildReport) -> Void = { _ in }) {
        self.root = root
        self.siteFolder = siteFolder
        self.includeDrafts = includeDrafts
        self.channel = channel
        self.log = log
    }

    /// Builds now, after any build in progress, and returns when it is done.
    @discardableResult
    public func build() -> BuildReport {
        queue.sync { buildHere() }
    }

    /// On `queue`: builds share `memory` and the site folder, so they never overlap.
    @discardableResult
    private func buildHere() -> BuildReport {
        var options = BuildOptions(root: root, output: siteFolder, includeDrafts: includeDrafts, pageInjection: ReloadScript.html)
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
    public func requestBuild() {
        let alreadyWaiting = pending.withLock { waiting in
            defer { waiting = true }
            return waiting
        }
        guard !alreadyWaiting else { return }
        queue.async { [self] in
            pending.withLock { $0 = false }
            buildHere()
        }
    }
}
