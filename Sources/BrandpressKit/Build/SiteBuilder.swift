import Foundation

/// The whole build: read, render, write to a staging folder, swap in. Nothing is written when any error is found.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        var clock = StageClock()
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
        var check = ChangeCheck(layout: layout, options: options, lastBuild: memory?.lastBuild, keepsMemory: memory != nil)
        if let warnings = check.warningsWhenNothingChanged(layout: layout) {
            var report = BuildReport(diagnostics: warnings, succeeded: true)
            report.upToDate = true
            report.outputDisplay = layout.display(layout.output) + "/"
            report.seconds = clock.elapsed
            options.succeeded?(report)
            return report
        }
        let lastBuild = check.lastBuild, cacheFile = check.cacheFile, publicationsFile = check.publicationsFile, markdownFile = check.markdownFile
        let searchFile = check.searchFile
        let cacheLoad = BackgroundResult {
            (lastBuild?.wait().cache ?? cacheFile.flatMap { BuildCache.load(from: $0, searchFile: searchFile) }, markdownFile.flatMap(RenderedMarkdownCache.load(from:)),
             publicationsFile.flatMap(BuildMemory.KeptPublications.load(from:)))
        }
        let folder = OutputFolder(output: layout.output)
        let recovered = !options.checkOnly && folder.recoverLeftovers()
        let previousOutputWalk = check.previousOutputWalk(of: layout.output, recovered: recovered)
        clock.end("checked whether anything changed")

        var inputs = readInputs(layout, options: options, walkedContent: check.takeWalkedContent(), memory: &memory)
        let sourcesStore = inputs.sourcesStore
        defer { sourcesStore?.wait() }
        diagnostics += inputs.problems
        clock.end("read \(inputs.site.model?.pages.count ?? 0) pages and the templates")
        let (cache, renderedCache, earlierPublications) = cacheLoad.wait()
        clock.end("read the build cache")
        // The only holder of the pages from here: a second would make every page copy its storage when changed.
        guard var model = inputs.site.takeModel(), let templates = inputs.templates else { return failed() }
        options.progress?("rendering \(model.pages.count) pages")

        let resolver = LinkResolver(model: model)
        let markdownOptions = MarkdownOptions(unsafeHTML: model.config.unsafeHTML, siteExtensions: true, cjkFriendlyEmphasis: model.config.cjkFriendlyEmphasis)
        var markdownKeys = MarkdownCacheKeys(model: model, options: markdownOptions)
        let earlier = EarlierRenderings(table: renderedCache?.entries ?? [:], pages: lastBuild?.wait().renderedPages)
        diagnostics += renderMarkdown(&model, resolver: resolver, options: markdownOptions, keys: &markdownKeys, earlier: earlier,
                                      heldKeys: inputs.site.heldKeys)
        // Checked on the other core while the publications are assembled.
        let fragmentProblems = BackgroundResult { [model] in checkFragments(model, resolver: resolver) }
        // Stored on the other core while the pages are made: the entries do not change after this, and
        // are right whether or not the build succeeds.
        let renderedStore = options.checkOnly ? nil : check.markdownFile.map { file in
            let renderedModel = model, keys = markdownKeys
            return BackgroundResult { (renderedCache ?? RenderedMarkdownCache()).store(keys.entries(for: renderedModel), to: file) }
        }
        defer { renderedStore?.wait() }
        clock.end("rendered Markdown")

        let assembly = assemble(model, resolver: resolver, markdownOptions: markdownOptions, markdownKeys: markdownKeys, cache: cache,
                                earlier: earlierPublications, templates: templates, layout: layout, options: options, memory: &memory, diagnostics: &diagnostics)
        let site = assembly.site, jobs = assembly.jobs, outputs = assembly.outputs
        clock.end("assembled the publications")
        diagnostics += fragmentProblems.wait()
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
        var search: BackgroundResult<(build: SearchBuild, storedGeneration: UInt64?)>?
        do {
            try folder.createStaging()
            try FileManager.default.createDirectory(at: folder.stagedURL(SearchIndexFiles.folder), withIntermediateDirectories: true)
            let previousSearch = previous == nil ? nil : cache?.search
            let replacedSources = inputs.replacedSources
            let searchFromFile = cache?.searchFromFile
            search = BackgroundResult {
                let earlier = lastBuild.map { EarlierSearchDocuments(pages: SearchDocumentSource(model: $0.wait().renderedPages.model, withURLs: false)) }
                    ?? renderedCache.map { EarlierSearchDocuments(model: indexedModel, replacedSources: replacedSources, renderings: $0.entries) }
                let build = SearchBuild(source: SearchDocumentSource(model: indexedModel), previous: previousSearch, earlier: earlier) { sitePath, data in
                    try data.withUnsafeBytes { try folder.writeStaged(bytes: $0.bindMemory(to: UInt8.self), to: sitePath) }
                }
                // Stored here, beside the pages being written, not at the end. Should the build fail
                // after this, the cache it leaves records the earlier generation, and the next build
                // does not use this state but makes the index anew.
                let stored = build.failure == nil ? searchFile.flatMap { SearchStateLog.store(build.state, previous: searchFromFile, to: $0) } : nil
                return (build, stored)
            }
            let keys = JobInputKeys.make(site: site, jobs: jobs, templateForJob: assembly.templateForJob, markdown: markdownKeys,
                                         printKeys: assembly.printContents.map(\.key), templates: templates, structure: assembly.structure,
                                         injection: options.pageInjection)
            let pages = try writeSite(site: site, jobs: jobs, keys: keys, templates: templates, templateForJob: assembly.templateForJob, outputs: outputs,
                                      folder: folder, injection: options.pageInjection, previous: previous)
            site.fragments.forgetMade()
            let assetsFile = memory != nil ? nil : options.cacheFolder.map(AssetCache.file(in:))
            let previousAssets = memory?.assets ?? assetsFile.flatMap(AssetCache.load(from:)) ?? AssetCache()
            let (copies, assets) = try copyFiles(model: model, layout: layout, folder: folder, previous: previous, assets: previousAssets,
                                                 trustedBefore: Date().timeIntervalSince1970 - options.settleSeconds)
            memory?.assets = assets
            if let assetsFile, assets != previousAssets { assets.store(to: assetsFile) }
            let feeds = try writeFeeds(site: site, outputs: outputs, folder: folder, previous: previous)
            clock.end("wrote the pages and copied the files")
            let (searchBuild, searchGeneration) = search!.wait()
            let searchFiles = try writeSearchIndex(searchBuild, model: model, folder: folder, previous: previous)
            clock.end("wrote the search index")
            if options.flushesOutput { FileWriting.syncFileSystem(of: folder.staging) }
            let kept = pages.kept + copies.kept + feeds.kept + searchFiles.kept
            let patch = try folder.commit(keeping: kept, from: previous)
            clock.end("published the new output")
            keep(Record(model: model, markdownKeys: markdownKeys, printEntries: assembly.printContents.map(\.entries),
                        outputs: [pages.records, copies.records, feeds.records], search: searchBuild.state, searchGeneration: searchGeneration,
                        newPublications: assembly.newPublications,
                        patch: patch, previous: previous,
                        warnings: diagnostics.filter { $0.severity == .warning },
                        markdownFiles: inputs.site.problems.isEmpty ? inputs.site.markdownFiles : nil),
                 check: check, layout: layout, memory: &memory)
            renderedStore?.wait()
            clock.end("recorded the output and the build cache")
            var report = BuildReport(diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), succeeded: true)
            report.pageCount = jobs.count
            report.copiedFileCount = copies.records.count
            report.filesReused = kept.count
            report.filesWritten = pages.writtenCount + copies.writtenCount + feeds.writtenCount + searchFiles.writtenCount
            report.pagesPerSection = pageCounts(model)
            report.seconds = clock.elapsed
            report.outputDisplay = layout.display(layout.output) + "/"
            report.stages = clock.stages
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
    /// the same, or whose text is and whose links still resolve as they did (`MarkdownCacheKeys`),
    /// and fills in `keys.content`. `heldKeys`, when the pages already hold their rendering, are the
    /// keys it was made under.
    static func renderMarkdown(_ model: inout SiteModel, resolver: LinkResolver, options: MarkdownOptions,
                               keys: inout MarkdownCacheKeys, earlier: EarlierRenderings, heldKeys: EarlierRenderings.HeldKeys? = nil) -> [Diagnostic] {
        let pages = model.pages, pageKeys = keys
        let held = heldKeys.flatMap { $0.keys.count == pages.count && $0.contentKeys.count == pages.count ? $0 : nil }
        let results = ParallelMap.map(count: pages.count) { index -> (rendering: RenderedMarkdown?, contentKey: UInt64) in
            let page = pages[index]
            func resolve(_ destination: String) -> LinkResolution {
                resolver.resolve(destination, sourcePath: page.path, outputPath: page.outputPath)
            }
            func contentKey(of rendering: RenderedMarkdown) -> UInt64 {
                MarkdownCacheKeys.contentKey(text: pageKeys.texts[index], references: rendering.references, resolve: resolve)
            }
            if let held, page.isRendered,
               held.keys[index] == pageKeys.pages[index] || page.rendered.map(contentKey(of:)) == held.contentKeys[index] {
                return (nil, held.contentKeys[index])
            }
            if let entry = earlier.entry(of: page.path),
               entry.key == pageKeys.pages[index] || contentKey(of: entry.rendered) == entry.contentKey {
                return (entry.rendered, entry.contentKey)
            }
            let rendering = MarkdownRenderer.render(page.body, options: options) { destination, _ in resolve(destination) }
            return (rendering, contentKey(of: rendering))
        }
        keys.content = results.map(\.contentKey)
        var diagnostics: [Diagnostic] = []
        for (index, result) in results.enumerated() {
            if let result = result.rendering { model.pages[index].rendered = result }
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
        // The pages of a folder follow each other: the table is updated once a folder, not once a page.
        let pages = model.pages
        var start = 0
        while start < pages.count {
            let directory = pages[start].sectionDirectory
            var end = start + 1
            while end < pages.count && pages[end].sectionDirectory == directory { end += 1 }
            perDirectory[directory, default: 0] += end - start
            start = end
        }
        var counts: [(String, Int)] = model.topSections.map { section in
            (section.title, perDirectory.reduce(0) { $0 + (section.contains($1.key) ? $1.value : 0) })
        }
        let other = perDirectory[""] ?? 0
        if other > 0 { counts.append(("其他", other)) }
        return counts
    }
}
