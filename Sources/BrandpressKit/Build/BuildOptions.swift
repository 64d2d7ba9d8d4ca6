import Foundation

/// What `brandpress build` was asked to do.
public struct BuildOptions: Sendable {
    public var root: URL
    public var output: URL?
    public var includeDrafts: Bool
    /// HTML put before `</body>` of every page: `serve` adds its reload script this way; `build` never does.
    public var pageInjection: String?
    /// Check everything but write nothing (`brandpress check`).
    public var checkOnly: Bool
    /// How old the newest input must be before an unchanged rebuild may be skipped (see `BuildFingerprint`).
    public var settleSeconds = BuildOptions.defaultSettleSeconds
    public static let defaultSettleSeconds = 1.0
    /// Where the build cache is kept (see `BuildCache`); nil builds everything from scratch.
    public var cacheFolder: URL?
    /// Kept by a process that builds the same output again and again (`serve`): the caches stay in
    /// it between builds, and `cacheFolder` is neither read nor written.
    public var memory: BuildMemory?
    /// With `memory`: the paths below `Content/` (relative to it, "" for the folder itself) that
    /// can have changed since the last build with the same memory began, as a watcher saw them;
    /// only these are looked at again. nil looks at every file.
    public var contentChanges: Set<String>?
    /// Whether the new files are flushed to the disk before they are published, so that a crash
    /// cannot leave the published folder with empty files. `serve`'s folder is thrown away anyway.
    public var flushesOutput = true
    /// Told when each stage starts, for a progress line on a terminal.
    public var progress: (@Sendable (String) -> Void)?
    /// Given the report of a build that succeeded (or found nothing to do) once everything is written, before the build
    /// lets go of its pages, caches and tables (15 ms at 10,000 pages): a command that only shows
    /// the report and exits can do so here and not wait for that. `build` returns the same report
    /// when this returns.
    public var succeeded: (@Sendable (BuildReport) -> Void)?

    public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, pageInjection: String? = nil, checkOnly: Bool = false) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.pageInjection = pageInjection
        self.checkOnly = checkOnly
        self.cacheFolder = root.appendingPathComponent(BuildOptions.cacheFolderName)
    }

    public static let cacheFolderName = ".brandpress-cache"
}

/// How a build went: every diagnostic, and on success the figures for the summary line.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var succeeded: Bool
    /// `(section title, page count)` for the summary line.
    public var pagesPerSection: [(String, Int)] = []
    /// Pages in the output, and files copied into it from `Content/` and the theme.
    public var pageCount = 0
    public var copiedFileCount = 0
    public var seconds = 0.0
    public var outputDisplay = ""
    /// Seconds spent in each stage, in order, for `--verbose`.
    public var stages: [(String, Double)] = []
    /// Nothing had changed since the build that wrote the output, so it was left as it was.
    public var upToDate = false
    /// Output files that had not changed since the last build, kept instead of written.
    public var filesReused = 0
    /// Output files this build wrote: every file of the output is written or kept.
    public var filesWritten = 0

    public var summary: String {
        if upToDate {
            return "nothing changed since the last build; \(outputDisplay) left as it was (checked in \(String(format: "%.3f", seconds)) s)"
        }
        let time = String(format: "%.2f", seconds)
        let pages = "\(pageCount) pages (\(pagesPerSection.map { "\($0.0) \($0.1)" }.joined(separator: ", ")))"
        guard filesReused > 0 else {
            return "built \(pages), copied \(copiedFileCount) files in \(time) s into \(outputDisplay)"
        }
        // What a rebuild changed comes first: one edit must not read as the whole site built again.
        return "updated \(outputDisplay) in \(time) s: \(filesWritten) files written, \(filesReused) unchanged files kept; in all \(pages) and \(copiedFileCount) copied files"
    }
}
