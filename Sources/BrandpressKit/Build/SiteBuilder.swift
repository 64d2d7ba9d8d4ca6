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
    /// Told when each stage starts, for a progress line on a terminal.
    public var progress: (@Sendable (String) -> Void)?

    public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, pageInjection: String? = nil, checkOnly: Bool = false) {
        self.root = root
        self.output = output
        self.includeDrafts = includeDrafts
        self.pageInjection = pageInjection
        self.checkOnly = checkOnly
    }
}

/// How a build went: every diagnostic, and on success the figures for the summary line.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var succeeded: Bool
    /// `(section title, page count)` for the summary line.
    public var pagesPerSection: [(String, Int)] = []
    public var filesWritten = 0
    public var filesCopied = 0
    public var seconds = 0.0
    public var outputDisplay = ""
    /// Seconds spent in each stage, in order, for `--verbose`.
    public var stages: [(String, Double)] = []
    /// Nothing had changed since the build that wrote the output, so it was left as it was.
    public var upToDate = false

    public var summary: String {
        if upToDate {
            return "nothing changed since the last build; \(outputDisplay) left as it was (checked in \(String(format: "%.3f", seconds)) s)"
        }
        let pages = pagesPerSection.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return "built \(filesWritten) pages (\(pages)), copied \(filesCopied) files in \(String(format: "%.2f", seconds)) s into \(outputDisplay)"
    }
}

/// The whole build: read, render, write to a staging folder, swap in. Nothing is written when any error is found.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        let start = DispatchTime.now()
        var stages: [(String, Double)] = []
        var stageStart = start
        func stage(_ name: String) {
            let now = DispatchTime.now()
            stages.append((name, Double(now.uptimeNanoseconds - stageStart.uptimeNanoseconds) / 1e9))
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
        let fingerprint = options.checkOnly ? nil : BuildFingerprint.inputs(of: layout, options: options)
        if let fingerprint, let previous = BuildFingerprint.load(for: layout), previous.inputs == fingerprint.value,
           FileManager.default.fileExists(atPath: layout.output.path), BuildFingerprint.output(of: layout.output) == previous.output {
            var report = BuildReport(diagnostics: previous.warnings, succeeded: true)
            report.upToDate = true
            report.outputDisplay = layout.display(layout.output) + "/"
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            return report
        }

        let (loadedModel, loadProblems) = SiteLoader.load(layout, includeDrafts: options.includeDrafts)
        diagnostics += loadProblems
        let (templates, templateProblems) = TemplateSet.load(from: layout.templates, displayPrefix: layout.display(layout.templates) + "/")
        diagnostics += templateProblems
        guard var model = loadedModel, let templates else { return failed() }
        stage("read \(model.pages.count) pages and the templates")
        options.progress?("rendering \(model.pages.count) pages")

        let resolver = LinkResolver(model: model)
        let markdownOptions = MarkdownOptions(unsafeHTML: model.config.unsafeHTML, siteExtensions: true, cjkFriendlyEmphasis: model.config.cjkFriendlyEmphasis)
        diagnostics += renderMarkdown(&model, resolver: resolver, options: markdownOptions)
        diagnostics += checkFragments(model, resolver: resolver)

        stage("rendered Markdown")
        let publications = Publications.make(model: model, resolver: resolver, diagnostics: &diagnostics)
        let printContents = publications.handbooks.map { PrintView.render($0, model: model, resolver: resolver, options: markdownOptions) }
        stage("assembled the publications")
        let site = SiteContext(model: model, publications: publications, resolver: resolver, printContents: printContents)
        let jobs = site.jobs()
        var templateForJob: [String] = []
        var missingTemplates: Set<String> = []
        for job in jobs {
            let wanted = site.templateName(of: job)
            if case .page(let index) = job, let chosen = model.pages[index].frontMatter.template {
                let page = model.pages[index]
                if chosen.contains("/") || chosen.contains("\\") || chosen.hasPrefix(".") || !templates.names.contains(chosen) {
                    diagnostics.append(.error(
                        "'template' names '\(chosen)', which is not a template in Templates/ (the templates are \(templates.names.filter { !$0.contains("/") }.sorted().joined(separator: ", ")))",
                        file: page.displayPath, line: page.frontMatter.line(of: "template")))
                    templateForJob.append("")
                    continue
                }
            }
            guard let name = SiteContext.resolveTemplate(wanted, in: templates.names.union(templates.brokenNames)) else {
                if missingTemplates.insert(wanted).inserted { diagnostics.append(.error("there is no template for '\(wanted)' pages; add Templates/\(wanted).mustache or Templates/page.mustache", file: layout.display(layout.templates))) }
                templateForJob.append("")
                continue
            }
            templateForJob.append(name)
        }
        let configDisplay = layout.display(layout.content.appendingPathComponent(SiteConfig.fileName))
        let configFailed = diagnostics.contains { $0.file == configDisplay && $0.severity == .error }
        if model.config.baseURL == nil && !publications.stories.isEmpty && !configFailed {
            diagnostics.append(.warning(
                "no Atom feed or sitemap was made, because they need absolute addresses; set `base_url:` in Content/site.yml to the address the site is published at",
                file: configDisplay))
        }
        let outputs = jobs.map(site.outputPath(of:))
        diagnostics += checkGeneratedPaths(outputs: outputs, jobs: jobs, model: model, layout: layout)
        if options.checkOnly { diagnostics += ContentAudit.warnings(model: model, resolver: resolver, layout: layout) }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return failed() }
        if options.checkOnly {
            return BuildReport(diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), succeeded: true)
        }

        options.progress?("writing \(jobs.count) pages")
        let folder = OutputFolder(output: layout.output)
        folder.recoverLeftovers()
        do {
            try folder.createStaging()
            let written = try writeSite(site: site, jobs: jobs, templates: templates, templateForJob: templateForJob, outputs: outputs, folder: folder, injection: options.pageInjection)
            let copied = try copyFiles(model: model, layout: layout, folder: folder)
            try writeFeeds(site: site, outputs: outputs, folder: folder)
            stage("wrote the pages and copied the files")
            try FileManager.default.createDirectory(at: folder.stagedURL(SearchIndexFiles.folder), withIntermediateDirectories: true)
            let searchFiles = Array(SearchIndexFiles(model: model).files)
            let searchFailures = ParallelMap.map(count: searchFiles.count) { index -> String? in
                do {
                    try searchFiles[index].1.withUnsafeBytes { try FileWriting.write(bytes: $0.bindMemory(to: UInt8.self), path: folder.stagedURL(searchFiles[index].0).path) }
                    return nil
                } catch {
                    return "\(searchFiles[index].0): \(error.localizedDescription)"
                }
            }
            if let failure = searchFailures.compactMap({ $0 }).first { throw WriteError(message: failure) }
            stage("wrote the search index")
            FileWriting.syncFileSystem(of: folder.staging)
            try folder.commit()
            stage("swapped the new output in")
            if let fingerprint, fingerprint.settled, let written = BuildFingerprint.output(of: layout.output) {
                BuildFingerprint(inputs: fingerprint.value, output: written, warnings: diagnostics.filter { $0.severity == .warning }).store(for: layout)
            }
            var report = BuildReport(diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), succeeded: true)
            report.filesWritten = written
            report.filesCopied = copied
            report.pagesPerSection = pageCounts(model)
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            report.outputDisplay = layout.display(layout.output) + "/"
            report.stages = stages
            return report
        } catch {
            folder.discard()
            diagnostics.append(.error("cannot write the output: \(error.localizedDescription); the previous output was left as it was. Check that the folder is writable and the disk is not full", file: layout.display(layout.output)))
            return failed()
        }
    }

    static func renderMarkdown(_ model: inout SiteModel, resolver: LinkResolver, options: MarkdownOptions) -> [Diagnostic] {
        let pages = model.pages
        let results = ParallelMap.map(count: pages.count) { index in
            let page = pages[index]
            return MarkdownRenderer.render(page.body, options: options) { destination, _ in
                resolver.resolve(destination, sourcePath: page.path, outputPath: page.outputPath)
            }
        }
        var diagnostics: [Diagnostic] = []
        for (index, rendered) in results.enumerated() {
            let page = model.pages[index]
            for var problem in rendered.diagnostics {
                problem.file = page.displayPath
                problem.line = problem.line.map { $0 + page.source.bodyFirstLine - 1 }
                diagnostics.append(problem)
            }
            model.pages[index].rendered = rendered
        }
        return diagnostics
    }

    /// Links to `page.md#heading` whose heading does not exist: warnings, since the page itself is there.
    static func checkFragments(_ model: SiteModel, resolver: LinkResolver) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in model.pages {
            for reference in page.rendered?.references ?? [] where !reference.isImage {
                guard let (target, fragment) = resolver.pageFragment(of: reference.destination, sourcePath: page.path) else { continue }
                let ids = model.pages[target].rendered?.headings.map(\.id) ?? []
                guard !ids.contains(fragment) else { continue }
                let known = ids.prefix(8).map { "#\($0)" }.joined(separator: ", ")
                diagnostics.append(.warning(
                    "the link '\(reference.destination)' names the heading #\(fragment), which \(model.pages[target].displayPath) does not have" + (known.isEmpty ? "" : "; its headings are \(known)"),
                    file: page.displayPath, line: reference.line + page.source.bodyFirstLine - 1, column: reference.column))
            }
        }
        return diagnostics
    }

    /// Generated pages (story indexes, unit pages, the print view) must not collide with written ones.
    static func checkGeneratedPaths(outputs: [String], jobs: [RenderJob], model: SiteModel, layout: ProjectLayout) -> [Diagnostic] {
        var owners: [String: RenderJob] = [:]
        var diagnostics: [Diagnostic] = []
        let assetOutputs = Set(model.assets.map { SitePath.assetOutputPath(for: $0).lowercased() })
        let reservedFolders = ["assets/", SearchIndexFiles.folder.lowercased() + "/"]
        for asset in model.assets where reservedFolders.contains(where: { SitePath.assetOutputPath(for: asset).lowercased().hasPrefix($0) }) {
            diagnostics.append(.error("Output/\(SitePath.assetOutputPath(for: asset)) is in a folder brandpress fills itself (assets/ holds the theme's files, \(SearchIndexFiles.folder)/ the search index); move this file into another folder",
                                      file: layout.display(layout.content) + "/" + asset))
        }
        for (job, output) in zip(jobs, outputs) {
            let key = output.lowercased()
            defer { owners[key] = owners[key] ?? job }
            var isPage = false
            if case .page = job { isPage = true }
            let other = owners[key]
            var otherIsPage = false
            if case .page? = other { otherIsPage = true }
            // Clashes among written pages and files were reported when the routes were made.
            let clash = (other != nil && !(isPage && otherIsPage)) || (!isPage && assetOutputs.contains(key)) || reservedFolders.contains { key.hasPrefix($0) }
            guard clash else { continue }
            let file: String
            if case .page(let index) = job { file = model.pages[index].displayPath } else if case .page(let index)? = other { file = model.pages[index].displayPath } else { file = layout.display(layout.content) }
            diagnostics.append(.error("Output/\(output) is also a page brandpress makes itself (story index pages, unit and tag pages, the handbook's print.html, search.html, 404.html, assets/); rename this file or give it another `slug:`", file: file))
        }
        return diagnostics
    }

    static func writeSite(site: SiteContext, jobs: [RenderJob], templates: TemplateSet, templateForJob: [String], outputs: [String], folder: OutputFolder, injection: String?) throws -> Int {
        let directories = Set(outputs.map(SitePath.directory(of:)) + site.model.assets.map { SitePath.directory(of: SitePath.assetOutputPath(for: $0)) })
        for directory in directories.sorted() where !directory.isEmpty {
            try FileManager.default.createDirectory(at: folder.stagedURL(directory), withIntermediateDirectories: true)
        }
        let failures = ParallelMap.map(count: jobs.count) { index -> String? in
            let context = PageContextBuilder(site: site, job: jobs[index]).build()
            guard var html = templates.render(context, template: templateForJob[index]) else {
                return "template \(templateForJob[index]) could not be rendered"
            }
            if let injection {
                if let body = html.range(of: "</body>", options: .backwards) { html.insert(contentsOf: injection, at: body.lowerBound) } else { html += injection }
            }
            do {
                try FileWriting.write(html, to: folder.stagedURL(outputs[index]))
                return nil
            } catch {
                return "\(outputs[index]): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(message: failure) }
        return jobs.count
    }

    static func copyFiles(model: SiteModel, layout: ProjectLayout, folder: OutputFolder) throws -> Int {
        var copies = model.assets.map { (layout.content.appendingPathComponent($0), SitePath.assetOutputPath(for: $0)) }
        let themeAssets = layout.templates.appendingPathComponent(TemplateSet.assetFolder)
        if let enumerator = FileManager.default.enumerator(atPath: themeAssets.path) {
            while let relative = enumerator.nextObject() as? String {
                let source = themeAssets.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if SitePath.fileName(of: relative).hasPrefix(".") { continue }
                if FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    try FileManager.default.createDirectory(at: folder.stagedURL("assets/" + relative), withIntermediateDirectories: true)
                } else {
                    copies.append((source, "assets/" + relative))
                }
            }
            try FileManager.default.createDirectory(at: folder.stagedURL("assets"), withIntermediateDirectories: true)
        }
        let planned = copies
        let failures = ParallelMap.map(count: planned.count) { index -> String? in
            do {
                try FileManager.default.copyItem(at: planned[index].0, to: folder.stagedURL(planned[index].1))
                return nil
            } catch {
                return "\(planned[index].1): \(error.localizedDescription)"
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw WriteError(message: failure) }
        return copies.count
    }

    static func writeFeeds(site: SiteContext, outputs: [String], folder: OutputFolder) throws {
        guard let baseURL = site.model.config.baseURL else { return }
        for stories in site.publications.stories {
            try FileWriting.write(Feeds.atom(stories, model: site.model, baseURL: baseURL), to: folder.stagedURL(stories.feedPath))
        }
        let listed = outputs.filter { $0 != "404.html" && $0 != "search.html" }
        try FileWriting.write(Feeds.sitemap(paths: listed, baseURL: baseURL), to: folder.stagedURL("sitemap.xml"))
    }

    static func pageCounts(_ model: SiteModel) -> [(String, Int)] {
        var counts: [(String, Int)] = model.topSections.map { section in
            (section.title, model.pages.filter { $0.sectionDirectory == section.directory || $0.sectionDirectory.hasPrefix(section.directory + "/") }.count)
        }
        let other = model.pages.filter { $0.sectionDirectory.isEmpty }.count
        if other > 0 { counts.append(("其他", other)) }
        return counts
    }
}

struct WriteError: Error, LocalizedError {
    var message: String
    var errorDescription: String? { message }
}
