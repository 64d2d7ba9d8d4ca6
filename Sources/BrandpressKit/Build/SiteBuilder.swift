import Foundation

/// The whole build: read, render, write to a staging folder, swap in. Nothing is written when any error is found.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        let start = DispatchTime.now()
        var stages: [(String, Double)] = []
        var stageStart = start
        func stage(_ name: String) {
            let now = DispatchTime.now()
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            stages.append(("\(name) (peak \(usage.ru_maxrss / 1024) MiB)", Double(now.uptimeNanoseconds - stageStart.uptimeNanoseconds) / 1e9))
            stageStart = now
        }
        options.progress?("reading Content/")
        let layout = ProjectLayout(root: options.root, output: options.output)
        var diagnostics: [Diagnostic] = []
        func failed() -> BuildReport {
            BuildReport(diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), succeeded: false)
        }
        if let problem = OutputFolder.check(layout.output, layout: layout) {
            diagnostics.append(problem)
            return failed()
        }
        // What the last build in this process left: with it the cache files are neither read nor written.
        var memory = options.checkOnly ? nil : options.memory?.take()
        defer { if let memory { options.memory?.keep(memory) } }
        let lastBuild = memory?.lastBuild
        let cacheFile = memory != nil ? nil : options.cacheFolder.map { BuildCache.file(in: $0, output: layout.output) }
        let keepsCache = cacheFile != nil || memory != nil
        // `serve` builds into a new temporary folder each time it starts: no record worth keeping.
        let usesFingerprint = !options.checkOnly && options.pageInjection == nil
        // The output is walked beside the inputs: whether anything changed depends on both.
        let outputWalk = options.checkOnly || lastBuild != nil || (!keepsCache && !usesFingerprint) ? nil
            : BackgroundResult { BuildFingerprint.outputWithListing(of: layout.output) }
        var walkedContent: [ContentScanner.File]?
        let fingerprint = usesFingerprint ? BuildFingerprint.inputs(of: layout, options: options).map { walked in
            walkedContent = walked.content
            return (value: walked.value, settled: walked.settled)
        } : nil
        let previousFingerprint = fingerprint == nil ? nil : BuildFingerprint.load(for: layout)
        if let fingerprint, let previous = previousFingerprint, previous.inputs == fingerprint.value,
           FileManager.default.fileExists(atPath: layout.output.path),
           (lastBuild?.wait().outputListing ?? outputWalk?.wait()?.listing)?.fingerprint == previous.output {
            var report = BuildReport(diagnostics: previous.warnings, succeeded: true)
            report.upToDate = true
            report.outputDisplay = layout.display(layout.output) + "/"
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            options.succeeded?(report)
            return report
        }

        let cacheLoad = BackgroundResult { lastBuild?.wait().cache ?? cacheFile.flatMap(BuildCache.load(from:)) }
        let folder = OutputFolder(output: layout.output)
        // Whether the previous output is still what the cache describes: its files' metadata, walked
        // again when the leftovers of a killed build were put right.
        let recovered = !options.checkOnly && folder.recoverLeftovers()
        let previousOutputWalk = !keepsCache ? nil
            : recovered || (outputWalk == nil && lastBuild?.wait().outputListing == nil) ? BackgroundResult { BuildFingerprint.outputWithListing(of: layout.output) }
            : outputWalk

        stage("checked whether anything changed")
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
        var loaded = loadSite(layout, options: options, walkedContent: walkedContent, sources: &sources, memory: &memory)
        walkedContent = nil
        var loadedModel = loaded.model
        loaded.model = nil
        let loadProblems = loaded.problems
        memory?.sources = sources
        var sourcesStore: BackgroundResult<Void>?
        if let sourcesFile {
            // Stored beside the Markdown (7 MB at 10,000 pages when written whole), long before the pages, when the build's memory peaks.
            let readSources = sources
            sourcesStore = BackgroundResult { readSources.storeChanges(to: sourcesFile) }
        }
        defer { sourcesStore?.wait() }
        diagnostics += loadProblems
        let (loadedTemplates, templateProblems, templatesToKeep) = templatesLoad.wait()
        memory?.templates = templatesToKeep
        diagnostics += templateProblems
        stage("read \(loadedModel?.pages.count ?? 0) pages and the templates")
        let cache = cacheLoad.wait()
        stage("read the build cache")
        guard var model = loadedModel, let templates = loadedTemplates else { return failed() }
        // The only holder of the pages from here: a second would make every page copy its storage when changed.
        loadedModel = nil
        options.progress?("rendering \(model.pages.count) pages")

        let resolver = LinkResolver(model: model)
        let markdownOptions = MarkdownOptions(unsafeHTML: model.config.unsafeHTML, siteExtensions: true, cjkFriendlyEmphasis: model.config.cjkFriendlyEmphasis)
        let markdownKeys = MarkdownCacheKeys(model: model, options: markdownOptions)
        let earlier = EarlierRenderings(table: cache?.markdown ?? [:], pages: lastBuild?.wait().renderedPages)
        diagnostics += renderMarkdown(&model, resolver: resolver, options: markdownOptions, keys: markdownKeys, earlier: earlier,
                                      renderedKeys: loaded.renderedKeys)
        diagnostics += checkFragments(model, resolver: resolver)

        stage("rendered Markdown")
        let structure = JobInputKeys.structureDigest(model, injection: options.pageInjection)
        let publicationInputs = memory == nil ? nil : Publications.inputDigest(of: model, structure: structure)
        let keptPublications = memory?.publications.flatMap { $0.inputs == publicationInputs ? $0 : nil }
        var publicationProblems = keptPublications?.problems ?? []
        let publications = keptPublications?.publications
            ?? Publications.make(model: model, resolver: resolver, diagnostics: &publicationProblems)
        diagnostics += publicationProblems
        let printContents = publications.handbooks.map {
            PrintView.render($0, model: model, resolver: resolver, options: markdownOptions, keys: markdownKeys, cached: cache?.printViews ?? [:])
        }
        for page in model.pages { page.forgetBody() }
        stage("assembled the publications")
        let site = SiteContext(model: model, publications: publications, resolver: resolver, printContents: printContents.map(\.html),
                               fragments: SharedFragments(templates: templates))
        let jobs = keptPublications?.jobs ?? site.jobs()
        let (templateForJob, templateChoiceProblems) = chooseTemplates(for: jobs, site: site, templates: templates, layout: layout)
        diagnostics += templateChoiceProblems
        let configDisplay = layout.display(layout.content.appendingPathComponent(SiteConfig.fileName))
        let configFailed = diagnostics.contains { $0.file == configDisplay && $0.severity == .error }
        if model.config.baseURL == nil && !publications.stories.isEmpty && !configFailed {
            diagnostics.append(.warning(
                "no Atom feed or sitemap was made, because they need absolute addresses; set `base_url:` in Content/site.yml to the address the site is published at",
                file: configDisplay))
        }
        let outputs = keptPublications?.outputs ?? jobs.map(site.outputPath(of:))
        let pathProblems = keptPublications?.pathProblems ?? checkGeneratedPaths(outputs: outputs, jobs: jobs, feeds: Feeds.paths(of: publications, config: model.config),
                                                                                     model: model, layout: layout)
        diagnostics += pathProblems
        memory?.publications = publicationInputs.map {
            BuildMemory.KeptPublications(inputs: $0, publications: publications, problems: publicationProblems, pathProblems: pathProblems,
                                         jobs: jobs, outputs: outputs)
        }
        if options.checkOnly { diagnostics += ContentAudit.warnings(model: model, resolver: resolver, layout: layout) }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return failed() }
        if options.checkOnly {
            return BuildReport(diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), succeeded: true)
        }

        options.progress?("writing \(jobs.count) pages")
        let previous = cache.flatMap { cache in
            if !recovered, let listing = lastBuild?.wait().outputListing {
                return PreviousOutput(folder: layout.output, records: cache.outputs, listing: listing)
            }
            return previousOutputWalk?.wait().flatMap { walk in
                walk.fingerprint == cache.outputFingerprint ? PreviousOutput(folder: layout.output, records: cache.outputs, listing: walk.listing) : nil
            }
        }
        let indexedModel = model
        var search: BackgroundResult<SearchBuild>?
        do {
            try folder.createStaging()
            try FileManager.default.createDirectory(at: folder.stagedURL(SearchIndexFiles.folder), withIntermediateDirectories: true)
            let previousSearch = previous == nil ? nil : cache?.search
            search = BackgroundResult {
                SearchBuild(source: SearchDocumentSource(model: indexedModel), previous: previousSearch,
                            earlier: lastBuild.map { SearchDocumentSource(model: $0.wait().renderedPages.model, withURLs: false) }) { sitePath, data in
                    try data.withUnsafeBytes { try folder.writeStaged(bytes: $0.bindMemory(to: UInt8.self), to: sitePath) }
                }
            }
            let keys = JobInputKeys.make(site: site, jobs: jobs, templateForJob: templateForJob, markdown: markdownKeys,
                                         printKeys: printContents.map(\.key), templates: templates, structure: structure)
            let pages = try writeSite(site: site, jobs: jobs, keys: keys, templates: templates, templateForJob: templateForJob, outputs: outputs,
                                      folder: folder, injection: options.pageInjection, previous: previous)
            site.fragments.forgetMade()
            let assetsFile = memory != nil ? nil : options.cacheFolder.map(AssetCache.file(in:))
            let previousAssets = memory?.assets ?? assetsFile.flatMap(AssetCache.load(from:)) ?? AssetCache()
            let (copies, assets) = try copyFiles(model: model, layout: layout, folder: folder, previous: previous, assets: previousAssets,
                                                 trustedBefore: Date().timeIntervalSince1970 - options.settleSeconds)
            memory?.assets = assets
            if let assetsFile, assets != previousAssets { assets.store(to: assetsFile) }
            let feeds = try writeFeeds(site: site, outputs: outputs, folder: folder, previous: previous)
            stage("wrote the pages and copied the files")
            let searchBuild = search!.wait()
            let keptSearchFiles = try writeSearchIndex(searchBuild, model: model, folder: folder, previous: previous)
            stage("wrote the search index")
            if options.flushesOutput { FileWriting.syncFileSystem(of: folder.staging) }
            let kept = pages.kept + copies.kept + feeds.kept + keptSearchFiles
            let patch = try folder.commit(keeping: kept, from: previous)
            stage("published the new output")
            // The new output's listing and fingerprint are made while the build cache is written: from
            // the walk before the build and the files the patch moved in, or by walking the new tree.
            let patchedListing = BackgroundResult { patch.flatMap { previous?.listing.applying($0, root: layout.output.path) } }
            let outputHash = cacheFile == nil && fingerprint?.settled != true ? nil
                : BackgroundResult { patchedListing.wait()?.fingerprint ?? BuildFingerprint.output(of: layout.output) }
            let renderedModel = model, printEntries = printContents.map(\.entries), searchState = searchBuild.state
            let outputRecords = [pages.records, copies.records, feeds.records]
            if let cacheFile {
                BuildCache.Made(markdown: markdownKeys.entries(for: renderedModel), printViews: printEntries, outputs: outputRecords, search: searchState)
                    .store(to: cacheFile) { outputHash?.wait() }
            } else if memory != nil {
                // Made after the report is out, while the browser reloads. The Markdown stays in the pages.
                let renderedPages = EarlierRenderings.RenderedPages(model: renderedModel, keys: markdownKeys.pages)
                memory?.lastBuild = BackgroundResult {
                    BuildMemory.LastBuild(cache: BuildCache.Made(markdown: [], printViews: printEntries, outputs: outputRecords, search: searchState).cache,
                                          outputListing: patchedListing.wait() ?? TreeListing.walk(layout.output.path), renderedPages: renderedPages)
                }
            }
            if let fingerprint, fingerprint.settled, let outputHash = outputHash?.wait() {
                BuildFingerprint(inputs: fingerprint.value, output: outputHash, warnings: diagnostics.filter { $0.severity == .warning }).store(for: layout)
            }
            if loadProblems.isEmpty, let markdownFiles = loaded.markdownFiles {
                memory?.site = BuildMemory.KeptSite(model: model, markdownFiles: markdownFiles, markdownKeys: markdownKeys.pages)
            }
            stage("recorded the output and the build cache")
            var report = BuildReport(diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), succeeded: true)
            report.filesWritten = jobs.count
            report.filesCopied = copies.records.count
            report.filesReused = kept.count
            report.pagesPerSection = pageCounts(model)
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            report.outputDisplay = layout.display(layout.output) + "/"
            report.stages = stages
            sourcesStore?.wait()
            options.succeeded?(report)
            // The last build's tables are let go of only now, after the report (a millisecond or two at 10,000 pages).
            withExtendedLifetime(lastBuild) {}
            return report
        } catch {
            _ = search?.wait()
            folder.discard()
            diagnostics.append(.error("cannot write the output: \(error.localizedDescription); the previous output was left as it was. Check that the folder is writable and the disk is not full", file: layout.display(layout.output)))
            return failed()
        }
    }

    /// Renders every page's Markdown on all cores, reusing an earlier rendering of a page whose key is
    /// the same. `renderedKeys`, when the pages already hold their rendering, are the keys it was made
    /// under: a page whose key is the same keeps it.
    static func renderMarkdown(_ model: inout SiteModel, resolver: LinkResolver, options: MarkdownOptions,
                               keys: MarkdownCacheKeys, earlier: EarlierRenderings, renderedKeys: [UInt64]? = nil) -> [Diagnostic] {
        let pages = model.pages
        let renderedKeys = renderedKeys?.count == pages.count ? renderedKeys : nil
        let results = ParallelMap.map(count: pages.count) { index -> RenderedMarkdown? in
            let page = pages[index]
            if renderedKeys?[index] == keys.pages[index], page.isRendered { return nil }
            if let rendering = earlier.rendering(of: page.path, key: keys.pages[index]) { return rendering }
            return MarkdownRenderer.render(page.body, options: options) { destination, _ in
                resolver.resolve(destination, sourcePath: page.path, outputPath: page.outputPath)
            }
        }
        var diagnostics: [Diagnostic] = []
        for (index, result) in results.enumerated() {
            if let result { model.pages[index].rendered = result }
            for var problem in model.pages[index].rendered?.diagnostics ?? [] {
                problem.file = model.pages[index].displayPath
                problem.line = problem.line.map { $0 + model.pages[index].source.bodyFirstLine - 1 }
                diagnostics.append(problem)
            }
        }
        return diagnostics
    }

    /// The template each job renders with: the page's `template:` or its kind's, falling back to
    /// the general ones; a name that is not there is an error naming the page and line.
    static func chooseTemplates(for jobs: [RenderJob], site: SiteContext, templates: TemplateSet, layout: ProjectLayout) -> ([String], [Diagnostic]) {
        let model = site.model
        var problems: [Diagnostic] = []
        var templateForJob: [String] = []
        var missingTemplates: Set<String> = []
        for job in jobs {
            let wanted = site.templateName(of: job)
            if case .page(let index) = job, let chosen = model.pages[index].frontMatter.template {
                let page = model.pages[index]
                if chosen.contains("/") || chosen.contains("\\") || chosen.hasPrefix(".") || !templates.names.contains(chosen) {
                    problems.append(.error(
                        "'template' names '\(chosen)', which is not a template in Templates/ (the templates are \(templates.names.filter { !$0.contains("/") }.sorted().joined(separator: ", ")))",
                        file: page.displayPath, line: page.frontMatter.line(of: "template")))
                    templateForJob.append("")
                    continue
                }
            }
            guard let name = SiteContext.resolveTemplate(wanted, in: templates.names.union(templates.brokenNames)) else {
                if missingTemplates.insert(wanted).inserted { problems.append(.error("there is no template for '\(wanted)' pages; add Templates/\(wanted).mustache or Templates/page.mustache", file: layout.display(layout.templates))) }
                templateForJob.append("")
                continue
            }
            templateForJob.append(name)
        }
        return (templateForJob, problems)
    }

    static func pageCounts(_ model: SiteModel) -> [(String, Int)] {
        var perDirectory: [String: Int] = [:]
        for page in model.pages { perDirectory[page.sectionDirectory, default: 0] += 1 }
        var counts: [(String, Int)] = model.topSections.map { section in
            (section.title, perDirectory.reduce(0) { $0 + (section.contains($1.key) ? $1.value : 0) })
        }
        let other = perDirectory[""] ?? 0
        if other > 0 { counts.append(("其他", other)) }
        return counts
    }
}
