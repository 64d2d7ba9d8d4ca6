import Foundation

extension SiteBuilder {
    /// `Content/` read into a site, and what a build that keeps its site in memory needs to know of it.
    struct LoadedSite {
        var model: SiteModel?
        var problems: [Diagnostic]
        /// The Markdown files the site was read from (drafts included); nil when `Content/` was not listed here.
        var markdownFiles: [String]?
        /// When the pages are the last build's, the keys of each page's Markdown when it was
        /// rendered: a page whose keys still hold keeps its rendering.
        var heldKeys: EarlierRenderings.HeldKeys?

        /// The site, leaving none here, so that the build holds the only reference to its pages.
        mutating func takeModel() -> SiteModel? {
            defer { model = nil }
            return model
        }
    }

    /// What the build reads before rendering: the site and the templates.
    struct Inputs {
        var site: LoadedSite
        var templates: TemplateSet?
        /// Of the site, then of the templates.
        var problems: [Diagnostic]
        /// The page sources' changes being stored, when they are kept in the cache folder.
        var sourcesStore: BackgroundResult<Void>?
        /// The page-source entries of the files read anew, as the last build left them, by path.
        var replacedSources: [String: PageSourceCache.Entry]
    }

    /// Reads `Content/` into a site on this thread while the templates are parsed on another (or
    /// taken from `memory` when their files did not change), and stores the page sources read
    /// in the background.
    static func readInputs(_ layout: ProjectLayout, options: BuildOptions, walkedContent: [ContentScanner.File]?,
                           memory: inout BuildMemory.Kept?) -> Inputs {
        let keptTemplates = memory?.templates, keepsTemplates = memory != nil, templatesDisplay = layout.display(layout.templates) + "/"
        let templatesLoad = BackgroundResult { () -> BuildMemory.KeptTemplates.Loaded in
            guard keepsTemplates else {
                let (templates, problems) = TemplateSet.load(from: layout.templates, displayPrefix: templatesDisplay)
                return (templates, problems, nil)
            }
            return BuildMemory.KeptTemplates.load(from: layout.templates, displayPrefix: templatesDisplay, kept: keptTemplates,
                                                  settleSeconds: options.settleSeconds)
        }
        // Decoded on this thread alone: the other core is walking the output, loading the build cache
        // and parsing the templates meanwhile, and decoding the file in blocks on both was slower.
        let sourcesFile = memory != nil ? nil : options.cacheFolder.map(PageSourceCache.file(in:))
        var sources = memory?.takeSources() ?? sourcesFile.flatMap(PageSourceCache.load(from:)) ?? PageSourceCache()
        let site = loadSite(layout, options: options, walkedContent: walkedContent, sources: &sources, memory: &memory)
        let replacedSources = sources.takeReplaced()
        memory?.sources = sources
        var sourcesStore: BackgroundResult<Void>?
        if let sourcesFile {
            // Stored beside the Markdown (7 MB at 10,000 pages when written whole), long before the pages, when the build's memory peaks.
            let readSources = sources
            sourcesStore = BackgroundResult { readSources.storeChanges(to: sourcesFile) }
        }
        let (templates, templateProblems, templatesToKeep) = templatesLoad.wait()
        memory?.templates = templatesToKeep
        return Inputs(site: site, templates: templates, problems: site.problems + templateProblems, sourcesStore: sourcesStore,
                      replacedSources: replacedSources)
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
            return LoadedSite(model: kept.model, problems: [], markdownFiles: kept.markdownFiles, heldKeys: kept.markdownKeys)
        }
        let (model, problems) = SiteLoader.load(layout, includeDrafts: options.includeDrafts, sources: &sources,
                                                settleSeconds: options.settleSeconds, inventory: inventory)
        return LoadedSite(model: model, problems: problems, markdownFiles: inventory?.markdownFiles)
    }
}
