import Foundation

/// What a build finds out before it reads `Content/`: what the last build left (in this process's
/// memory, or in the cache folder), the fingerprint of the inputs, and whether anything changed.
struct ChangeCheck {
    /// The last build's tables, when a build in this process left them (`serve`).
    let lastBuild: BackgroundResult<BuildMemory.LastBuild>?
    /// The build cache's file; nil when the last build's tables are in memory or no cache is kept.
    let cacheFile: URL?
    /// The kept publications' file, beside it (`BuildMemory.KeptPublications`); nil as it is nil.
    let publicationsFile: URL?
    /// The rendered Markdown's file, beside it (`RenderedMarkdownCache`); nil as it is nil.
    let markdownFile: URL?
    /// The search index's state's file, beside it (`SearchStateLog`); nil as it is nil.
    let searchFile: URL?
    /// Whether the last build's cache is used and a new one kept, in a file or in memory.
    let keepsCache: Bool
    /// Of the inputs (`BuildFingerprint.inputs`); nil when this build keeps no fingerprint.
    let fingerprint: (value: UInt64, settled: Bool)?
    /// `Content/`'s files as the fingerprint's walk found them, so that they are not walked again.
    private var walkedContent: [ContentScanner.File]?
    /// The output folder, walked beside the inputs: whether anything changed depends on both.
    private let outputWalk: BackgroundResult<(fingerprint: UInt64, listing: TreeListing)?>?

    init(layout: ProjectLayout, options: BuildOptions, lastBuild: BackgroundResult<BuildMemory.LastBuild>?, keepsMemory: Bool) {
        self.lastBuild = lastBuild
        let cacheFolder = keepsMemory ? nil : options.cacheFolder
        cacheFile = cacheFolder.map { BuildCache.file(in: $0, output: layout.output) }
        publicationsFile = cacheFolder.map { BuildMemory.KeptPublications.file(in: $0, output: layout.output) }
        markdownFile = cacheFolder.map { RenderedMarkdownCache.file(in: $0, output: layout.output) }
        searchFile = cacheFolder.map { SearchStateLog.file(in: $0, output: layout.output) }
        keepsCache = cacheFile != nil || keepsMemory
        // `serve` builds into a new temporary folder each time it starts: no record worth keeping.
        let usesFingerprint = !options.checkOnly && options.pageInjection == nil
        outputWalk = options.checkOnly || lastBuild != nil || (!keepsCache && !usesFingerprint) ? nil
            : BackgroundResult { BuildFingerprint.outputWithListing(of: layout.output) }
        var walkedContent: [ContentScanner.File]?
        fingerprint = usesFingerprint ? BuildFingerprint.inputs(of: layout, options: options).map { walked in
            walkedContent = walked.content
            return (value: walked.value, settled: walked.settled)
        } : nil
        self.walkedContent = walkedContent
    }

    /// The files the fingerprint's walk found in `Content/`, leaving none here: the build lets go of
    /// them once the site is read.
    mutating func takeWalkedContent() -> [ContentScanner.File]? {
        defer { walkedContent = nil }
        return walkedContent
    }

    /// The warnings of the build that wrote the output, when neither the inputs nor the output
    /// changed since it did; nil when the site has to be built.
    func warningsWhenNothingChanged(layout: ProjectLayout) -> [Diagnostic]? {
        guard let fingerprint, let previous = BuildFingerprint.load(for: layout), previous.inputs == fingerprint.value,
              FileManager.default.fileExists(atPath: layout.output.path),
              (lastBuild?.wait().outputListing ?? outputWalk?.wait()?.listing)?.fingerprint == previous.output else { return nil }
        return previous.warnings
    }

    /// The output folder as the last build may have left it, to be compared with its cache: the
    /// walk made beside the inputs, or a new one when the leftovers of a killed build were put
    /// right (`recovered`) or none was made and the last build's listing is not in memory. Nil
    /// when no cache is kept, or when that listing is in memory and no leftovers were put right.
    func previousOutputWalk(of output: URL, recovered: Bool) -> BackgroundResult<(fingerprint: UInt64, listing: TreeListing)?>? {
        guard keepsCache else { return nil }
        if recovered || (outputWalk == nil && lastBuild?.wait().outputListing == nil) {
            return BackgroundResult { BuildFingerprint.outputWithListing(of: output) }
        }
        return outputWalk
    }
}
