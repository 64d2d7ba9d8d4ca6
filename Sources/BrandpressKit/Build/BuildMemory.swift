import Foundation
import Synchronization

/// What a build leaves in memory for the next build of the same output in the same process, in
/// place of the files in the cache folder: `serve` rebuilds on every save, and decoding and storing
/// those files and walking the output folder again were about half of a one-page rebuild at
/// 10,000 pages. Beyond what the files hold it keeps the walk of `Content/`, the site itself, the
/// parsed templates and the publications, each reused only while what it was made from is the
/// same. Builds that share one must write an output folder nothing else writes, one build at a
/// time (the preview's private folder).
public final class BuildMemory: Sendable {
    struct Kept: Sendable {
        /// What the loads read, whether or not the build that read it succeeded.
        var sources = PageSourceCache()
        var assets = AssetCache()
        /// Made in the background from the tables of the last build that succeeded.
        var lastBuild: BackgroundResult<LastBuild>?
        var templates: KeptTemplates?
        var contentScan: ContentScanMemory?
        var site: KeptSite?
        var publications: KeptPublications?

        /// The site, leaving none here: the build changes its pages in place and must be their only holder.
        mutating func takeSite() -> KeptSite? {
            defer { site = nil }
            return site
        }

        /// The page sources, leaving none here: the build changes them in place, without copying
        /// the table of every page, and puts them back.
        mutating func takeSources() -> PageSourceCache {
            defer { sources = PageSourceCache() }
            return sources
        }
    }

    /// The build cache the last successful build would have stored, less its Markdown, and its
    /// output folder as it left it (nil when that could not be listed: the next build then walks
    /// it); the Markdown is found in its pages.
    struct LastBuild: Sendable {
        var cache: BuildCache
        var outputListing: TreeListing?
        var renderedPages: EarlierRenderings.RenderedPages
    }

    /// The site as the last build that succeeded left it (its pages rendered), when its load
    /// reported no problem: the Markdown files it was loaded from (drafts included), and the keys
    /// each page's rendered Markdown was made under (`MarkdownCacheKeys`).
    struct KeptSite: Sendable {
        var model: SiteModel
        var markdownFiles: [String]
        var markdownKeys: EarlierRenderings.HeldKeys
    }

    /// The last publications made under `Publications.inputDigest` of what they were made from, the
    /// problems found making them, and what follows from the same: the files to make (`jobs`, at
    /// `outputs`) and the problems of their paths.
    struct KeptPublications: Sendable {
        var inputs: UInt64
        var publications: Publications
        var problems: [Diagnostic]
        var pathProblems: [Diagnostic]
        var jobs: [RenderJob]
        var outputs: [String]
    }

    /// The templates as parsed, under the metadata of the files in `Templates/` when they were read.
    struct KeptTemplates: Sendable {
        var metadata: UInt64
        var templates: TemplateSet?
        var problems: [Diagnostic]

        /// The templates in `folder`: those kept when no file there changed since, else read anew, and
        /// what to keep of them: nothing when their files had not settled (see `BuildFingerprint.inputs`).
        static func load(from folder: URL, displayPrefix: String, kept: KeptTemplates?, settleSeconds: Double) -> KeptTemplates.Loaded {
            var metadata = MetadataHash()
            let listed = metadata.addTree(folder.path)
            if listed, let kept, kept.metadata == metadata.value { return (kept.templates, kept.problems, kept) }
            let (templates, problems) = TemplateSet.load(from: folder, displayPrefix: displayPrefix)
            let settled = listed && metadata.newestChange < Date().timeIntervalSince1970 - settleSeconds
            return (templates, problems, settled ? KeptTemplates(metadata: metadata.value, templates: templates, problems: problems) : nil)
        }

        typealias Loaded = (templates: TemplateSet?, problems: [Diagnostic], keep: KeptTemplates?)
    }

    private let kept = Mutex(Kept())

    public init() {}

    /// Takes out what the last build kept; `keep` puts back what this one leaves.
    func take() -> Kept {
        kept.withLock { kept in
            defer { kept = Kept() }
            return kept
        }
    }

    func keep(_ value: Kept) {
        kept.withLock { $0 = value }
    }
}
