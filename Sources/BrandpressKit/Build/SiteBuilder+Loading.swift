import Foundation

extension SiteBuilder {
    /// `Content/` read into a site, and what a build that keeps its site in memory needs to know of it.
    struct LoadedSite {
        var model: SiteModel?
        var problems: [Diagnostic]
        /// The Markdown files the site was read from (drafts included); nil when `Content/` was not listed here.
        var markdownFiles: [String]?
        /// When the pages are the last build's, each page's Markdown key when it was rendered:
        /// a page whose key is still the same keeps its rendering.
        var renderedKeys: [UInt64]?
    }

    /// Reads `Content/`: from the files of the fingerprint's walk when there is one; under `serve`
    /// (`memory`), from the last build's walk looked up again, and when only what pages say
    /// changed, not where they stand, by updating the last build's site in place; else by walking
    /// and loading it all.
    static func loadSite(_ layout: ProjectLayout, options: BuildOptions, walkedContent: [ContentScanner.File]?,
                         sources: inout PageSourceCache, memory: inout BuildMemory.Kept?) -> LoadedSite {
        var inventory = walkedContent.map(ContentScanner.inventory(of:))
        if inventory == nil, memory != nil {
            inventory = memory?.contentScan?.rescan(changes: options.contentChanges)
            if inventory == nil {
                let scan = ContentScanMemory.scan(layout.content, displayPrefix: layout.display(layout.content) + "/",
                                                  trustedBefore: Date().timeIntervalSince1970 - options.settleSeconds)
                inventory = scan.0
                memory?.contentScan = scan.1
            }
        }
        if let inventory, var kept = memory?.takeSite(),
           SiteLoader.updatePages(of: &kept.model, markdownFiles: kept.markdownFiles, inventory: inventory, sources: &sources,
                                  layout: layout, settleSeconds: options.settleSeconds) {
            return LoadedSite(model: kept.model, problems: [], markdownFiles: kept.markdownFiles, renderedKeys: kept.markdownKeys)
        }
        let (model, problems) = SiteLoader.load(layout, includeDrafts: options.includeDrafts, sources: &sources,
                                                settleSeconds: options.settleSeconds, inventory: inventory)
        return LoadedSite(model: model, problems: problems, markdownFiles: inventory?.markdownFiles)
    }
}
