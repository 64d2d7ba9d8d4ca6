import Foundation

/// Reads `Content/` into a `SiteModel`: config, pages (in parallel), routes, sections and their order.
public enum SiteLoader {
    public static func load(_ layout: ProjectLayout, includeDrafts: Bool) -> (SiteModel?, [Diagnostic]) {
        var sources = PageSourceCache()
        return load(layout, includeDrafts: includeDrafts, sources: &sources)
    }

    /// Takes the front matter of files whose bytes are unchanged from `sources`, and does not read
    /// at all those whose metadata is what `sources` recorded; leaves there what this build read.
    /// Metadata that changed less than `settleSeconds` ago is not recorded. `inventory`, when
    /// given, is of a walk of `Content/` just made, and the folder is not walked again.
    static func load(_ layout: ProjectLayout, includeDrafts: Bool, sources: inout PageSourceCache,
                     settleSeconds: Double = 1, inventory: ContentInventory? = nil) -> (SiteModel?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let contentDisplay = layout.display(layout.content) + "/"
        guard FileManager.default.fileExists(atPath: layout.content.path) else {
            return (nil, [.error("there is no Content/ folder here; run brandpress in the project folder or pass --root DIR", file: layout.display(layout.content))])
        }
        let trustedBefore = Date().timeIntervalSince1970 - settleSeconds
        let inventory = inventory ?? ContentScanner.scan(layout.content, displayPrefix: contentDisplay)
        diagnostics += inventory.diagnostics

        var config = SiteConfig()
        var configDigest: UInt64 = 0
        if inventory.hasConfig {
            let display = contentDisplay + SiteConfig.fileName
            do {
                let data = try Data(contentsOf: layout.content.appendingPathComponent(SiteConfig.fileName))
                configDigest = data.withUnsafeBytes(StableHash.of(bytes:))
                config = try SiteConfig.decode(TextDecoding.decode(data, path: display).text, file: display)
            } catch let failure as BuildFailure {
                diagnostics += failure.diagnostics
            } catch {
                diagnostics.append(.error("cannot read this file: \(error.localizedDescription)", file: display))
            }
        }

        let files = inventory.markdownFiles
        let contentFolder = layout.content.path
        var loaded = ParallelMap.map(count: files.count) { [cached = sources.entries] index -> LoadedFile in
            let path = files[index]
            let entry = cached[path]
            let (source, problems) = PageSource.load(path: path, contentFolder: contentFolder, displayPrefix: contentDisplay, cached: entry,
                                                     identity: inventory.markdownIdentities[path], trustedBefore: trustedBefore)
            let page = source.flatMap { $0.frontMatter.draft && !includeDrafts ? nil : makePage($0) }
            return LoadedFile(path: path, wasRead: source != nil, problems: problems, changedEntry: source?.cacheEntry(replacing: entry), page: page)
        }
        update(&sources, with: loaded)
        var pages: [Page] = []
        pages.reserveCapacity(loaded.count)
        var omittedDrafts: Set<String> = []
        for file in loaded {
            diagnostics += file.problems
            guard file.wasRead else { continue }
            switch file.page {
            case nil: omittedDrafts.insert(file.path)
            case .success(let page)?: pages.append(page)
            case .failure(let failure)?: diagnostics += failure.diagnostics
            }
        }
        // The list goes before the sections are made.
        loaded = []

        // Checked on another core while the sections are made.
        let outputPaths = pages.map(\.outputPath), assets = inventory.assetFiles
        let clashes = BackgroundResult { outputClashes(pageOutputs: outputPaths, assets: assets) }
        var sectionProblems: [Diagnostic] = []
        var sections = SectionBuilder.build(pages: &pages, diagnostics: &sectionProblems)
        SectionBuilder.assignKinds(pages: &pages, sections: &sections)
        diagnostics += clashes.wait().map { clash in
            func display(_ claim: Int) -> String {
                claim < pages.count ? pages[claim].displayPath : contentDisplay + assets[claim - pages.count]
            }
            return .error(
                "this file and \(display(clash.first)) would both be written to Output/\(clash.output) (order prefixes like `01-` and `slug:` are left out of URLs, and upper/lower case is not told apart); rename one of them or give one a different `slug:`",
                file: display(clash.claimant))
        }
        diagnostics += sectionProblems

        let model = SiteModel(
            config: config,
            pages: pages,
            sections: sections,
            assets: inventory.assetFiles,
            pageIndexByPath: Dictionary(uniqueKeysWithValues: pages.enumerated().map { ($1.path, $0) }),
            assetPaths: Set(inventory.assetFiles),
            omittedDrafts: omittedDrafts,
            configDigest: configDigest,
            assetIdentities: inventory.assetIdentities
        )
        return (model, diagnostics)
    }

    static func makePage(_ source: PageSource) -> Result<Page, BuildFailure> {
        let matter = source.frontMatter
        // The file is Markdown: its last extension is `.md` or `.markdown`.
        let stem = SitePath.fileStem(of: source.path)
        let isIndex = stem == "_index" || stem == "index"
        let directory = SitePath.directory(of: source.path)

        guard let title = source.title else {
            return .failure(BuildFailure(.error(
                "this page has no title; add `title: …` to its front matter or start the text with a `# heading`",
                file: source.displayPath, line: 1)))
        }

        var name = isIndex ? "index" : SitePath.strippingOrderPrefix(stem)
        if let slug = matter.slug {
            guard !isIndex else {
                return .failure(BuildFailure(.error("'slug' cannot rename a section page (_index.md); rename its folder instead", file: source.displayPath, line: matter.line(of: "slug"))))
            }
            let trimmed = slug.trimmingWhitespace()
            guard !trimmed.isEmpty, !trimmed.contains("/"), !trimmed.contains("\\"), !trimmed.hasPrefix("."), !trimmed.contains("\0") else {
                return .failure(BuildFailure(.error(
                    "'slug' must be a plain file name without `/`, `\\` or a leading dot, like `slug: night-shift`; it cannot point into another folder",
                    file: source.displayPath, line: matter.line(of: "slug"))))
            }
            name = trimmed.lowercased().hasSuffix(".html") ? String(trimmed.dropLast(5)) : trimmed
        }
        let folder = SitePath.outputDirectory(for: directory)
        let outputPath = SitePath.concatenating(folder, folder.isEmpty ? "" : "/", name, ".html")
        return .success(Page(source: source, outputPath: outputPath, isSectionIndex: isIndex, sectionDirectory: directory, title: title))
    }

    /// Two sources that would write the same output file, an error naming both: each page or asset
    /// (numbered after the pages) that claims the output path, as folded, of an earlier one.
    static func outputClashes(pageOutputs: [String], assets: [String]) -> [(claimant: Int, first: Int, output: String)] {
        // By output path without case: the first page or asset that claims it.
        var owners: [String: Int] = [:]
        owners.reserveCapacity(pageOutputs.count + assets.count)
        var clashes: [(claimant: Int, first: Int, output: String)] = []
        func claim(_ output: String, by claimant: Int) {
            let folded = SitePath.foldingCase(output)
            // One lookup a claim; a clash, which stops the build, puts the first claimant back.
            if let first = owners.updateValue(claimant, forKey: folded) {
                clashes.append((claimant, first, folded))
                owners[folded] = first
            }
        }
        for (index, output) in pageOutputs.enumerated() { claim(output, by: index) }
        for (index, asset) in assets.enumerated() { claim(SitePath.assetOutputPath(for: asset), by: pageOutputs.count + index) }
        return clashes
    }

    /// One Markdown file as read (`wasRead` is false when it could not be), its page, and its entry
    /// for the page-source cache when the old one is no longer right. The source itself lives on in
    /// the page only: a second copy here cost the loading thread a retain and a release of each of
    /// its fields per page.
    struct LoadedFile: Sendable {
        var path: String
        var wasRead: Bool
        var problems: [Diagnostic]
        var changedEntry: PageSourceCache.Entry?
        /// Made on the worker that read the file (on the loading thread, it was 3 % of a first
        /// build and a tenth of a one-page rebuild); nil when it was not read or is a draft left out.
        var page: Result<Page, BuildFailure>?
    }

    /// Puts the entries of the files that changed into `sources` and takes out those of files gone,
    /// in place: the table of 10,000 entries is not copied for the few that changed.
    static func update(_ sources: inout PageSourceCache, with loaded: [LoadedFile]) {
        for file in loaded {
            if let entry = file.changedEntry { sources.set(entry, for: file.path) }
        }
        let readCount = loaded.count(where: \.wasRead)
        guard sources.entries.count != readCount else { return }
        let kept = Set(loaded.lazy.filter(\.wasRead).map(\.path))
        for path in sources.entries.keys.filter({ !kept.contains($0) }) { sources.set(nil, for: path) }
    }
}
