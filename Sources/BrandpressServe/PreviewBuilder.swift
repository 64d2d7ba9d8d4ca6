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

    public init(root: URL, siteFolder: URL, includeDrafts: Bool, channel: ReloadChannel, log: @escaping @Sendable (BuildReport) -> Void = { _ in }) {
        self.root = root
        self.siteFolder = siteFolder
        self.includeDrafts = includeDrafts
        self.channel = channel
        self.log = log
    }

    /// Builds now, on the caller's thread.
    @discardableResult
    public func build() -> BuildReport {
        var options = BuildOptions(root: root, output: siteFolder, includeDrafts: includeDrafts, pageInjection: ReloadScript.html)
        // Beside the private site folder: the project's own cache is for `build`, and goes with the folder on exit.
        options.cacheFolder = siteFolder.deletingLastPathComponent().appendingPathComponent("cache")
        let report = SiteBuilder.build(options)
        log(report)
        if report.succeeded {
            channel.send(.reload)
        } else {
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
            build()
        }
    }
}
