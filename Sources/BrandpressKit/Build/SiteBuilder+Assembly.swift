import Foundation

extension SiteBuilder {
    /// The rendered site made into publications, and the files to make of it.
    struct Assembly {
        /// `JobInputKeys.structureDigest` of the site.
        var structure: UInt64
        var publications: Publications
        /// Per handbook, its print view: each page's HTML there, the entries to cache and their key.
        var printContents: [(html: [Int: String], entries: [String: BuildCache.PrintEntry], key: UInt64)]
        var site: SiteContext
        var jobs: [RenderJob]
        /// The template each job renders with ("" when there is none: an error was reported).
        var templateForJob: [String]
        /// Each job's site path.
        var outputs: [String]
        /// The publications and what follows from them when this build made them, for the next build
        /// to take while what they are made from is the same; nil when they were taken from an earlier one.
        var newPublications: BuildMemory.KeptPublications?
    }

    /// Makes the publications of `model` (or takes the earlier ones, kept in memory under `serve` or
    /// in the cache folder, when what they are made from is the same), the handbooks' print views,
    /// the jobs and their templates and paths, reporting what is wrong with them in `diagnostics`.
    /// The pages' Markdown is let go of.
    static func assemble(_ model: SiteModel, resolver: LinkResolver, markdownOptions: MarkdownOptions, markdownKeys: MarkdownCacheKeys,
                         cache: BuildCache?, earlier: BuildMemory.KeptPublications?, templates: TemplateSet, layout: ProjectLayout,
                         options: BuildOptions, memory: inout BuildMemory.Kept?, diagnostics: inout [Diagnostic]) -> Assembly {
        let structure = JobInputKeys.structureDigest(model, injection: options.pageInjection)
        let publicationInputs = Publications.inputDigest(of: model, structure: structure)
        let kept = (memory?.publications ?? earlier).flatMap { $0.inputs == publicationInputs ? $0 : nil }
        var publicationProblems = kept?.problems ?? []
        let publications = kept?.publications ?? Publications.make(model: model, resolver: resolver, diagnostics: &publicationProblems)
        diagnostics += publicationProblems
        let printContents = publications.handbooks.map {
            PrintView.render($0, model: model, resolver: resolver, options: markdownOptions, keys: markdownKeys, cached: cache?.printViews ?? [:])
        }
        for page in model.pages { page.forgetBody() }
        let site = SiteContext(model: model, publications: publications, resolver: resolver, printContents: printContents.map(\.html),
                               fragments: SharedFragments(templates: templates))
        let jobs = kept?.jobs ?? site.jobs()
        let (templateForJob, templateChoiceProblems) = chooseTemplates(for: jobs, site: site, templates: templates, layout: layout)
        diagnostics += templateChoiceProblems
        let configDisplay = layout.display(layout.content.appendingPathComponent(SiteConfig.fileName))
        let configFailed = diagnostics.contains { $0.file == configDisplay && $0.severity == .error }
        if model.config.baseURL == nil && !publications.stories.isEmpty && !configFailed {
            diagnostics.append(.warning(
                "no Atom feed or sitemap was made, because they need absolute addresses; set `base_url:` in Content/site.yml to the address the site is published at",
                file: configDisplay))
        }
        let outputs = kept?.outputs ?? jobs.map(site.outputPath(of:))
        let pathProblems = kept?.pathProblems ?? checkGeneratedPaths(outputs: outputs, jobs: jobs, feeds: Feeds.paths(of: publications, config: model.config),
                                                                       model: model, layout: layout)
        diagnostics += pathProblems
        let made = kept ?? BuildMemory.KeptPublications(inputs: publicationInputs, publications: publications, problems: publicationProblems,
                                                        pathProblems: pathProblems, jobs: jobs, outputs: outputs)
        memory?.publications = made
        return Assembly(structure: structure, publications: publications, printContents: printContents, site: site, jobs: jobs,
                        templateForJob: templateForJob, outputs: outputs, newPublications: kept == nil ? made : nil)
    }
}
