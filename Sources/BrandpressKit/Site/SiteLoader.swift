import Foundation

/// Reads `Content/` into a `SiteModel`: config, pages (in parallel), routes, sections and their order.
public enum SiteLoader {
    public static func load(_ layout: ProjectLayout, includeDrafts: Bool) -> (SiteModel?, [Diagnostic]) {
        var sources = PageSourceCache()
        return load(layout, includeDrafts: includeDrafts, sources: &sources)
    }

    /// Takes the front matter of files whose bytes are unchanged from `sources`, and does not read
    /// at all those whose metadata is what `sources` recorded; leaves there what this build read.
    /// Metadata that changed less than `settleSeconds` ago is not recorded. `contentFiles`, when
    /// given, are the files of a walk of `Content/` just made, and the folder is not walked again.
    static func load(_ layout: ProjectLayout, includeDrafts: Bool, sources: inout PageSourceCache,
                     settleSeconds: Double = 1, contentFiles: [ContentScanner.File]? = nil) -> (SiteModel?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let contentDisplay = layout.display(layout.content) + "/"
        guard FileManager.default.fileExists(atPath: layout.content.path) else {
            return (nil, [.error("there is no Content/ folder here; run brandpress in the project folder or pass --root DIR", file: layout.display(layout.content))])
        }
        let trustedBefore = Date().timeIntervalSince1970 - settleSeconds
        let inventory = contentFiles.map(ContentScanner.inventory(of:)) ?? ContentScanner.scan(layout.content, displayPrefix: contentDisplay)
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
        let cached = sources
        let loaded = ParallelMap.map(count: files.count) { index in
            PageSource.load(path: files[index], contentDirectory: layout.content, displayPrefix: contentDisplay, cached: cached.entries[files[index]],
                            identity: inventory.markdownIdentities[files[index]], trustedBefore: trustedBefore)
        }
        sources = PageSourceCache(entries: Dictionary(uniqueKeysWithValues: loaded.compactMap { source, _ in source.map { ($0.path, $0.cacheEntry) } }))
        var pages: [Page] = []
        var omittedDrafts: Set<String> = []
        for (source, problems) in loaded {
            diagnostics += problems
            guard let source else { continue }
            if source.frontMatter.draft && !includeDrafts {
                omittedDrafts.insert(source.path)
                continue
            }
            switch makePage(source) {
            case .success(let page): pages.append(page)
            case .failure(let failure): diagnostics += failure.diagnostics
            }
        }

        diagnostics += checkOutputPaths(pages: pages, assets: inventory.assetFiles, contentDisplay: contentDisplay)
        var sections = SectionBuilder.build(pages: &pages, diagnostics: &diagnostics)
        SectionBuilder.assignKinds(pages: &pages, sections: &sections)

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
        let fileName = SitePath.fileName(of: source.path)
        let stem = fileName.lowercased().hasSuffix(".markdown") ? String(fileName.dropLast(9)) : String(fileName.dropLast(3))
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
        let outputPath = SitePath.join(SitePath.outputDirectory(for: directory), name + ".html")
        return .success(Page(source: source, outputPath: outputPath, isSectionIndex: isIndex, sectionDirectory: directory, title: title))
    }

    /// Two sources that would write the same output file are an error naming both.
    static func checkOutputPaths(pages: [Page], assets: [String], contentDisplay: String) -> [Diagnostic] {
        var owners: [String: String] = [:]
        var problems: [Diagnostic] = []
        let claims = pages.map { ($0.outputPath.lowercased(), $0.displayPath) } +
            assets.map { (SitePath.assetOutputPath(for: $0).lowercased(), contentDisplay + $0) }
        for (output, display) in claims {
            if let first = owners[output] {
                problems.append(.error(
                    "this file and \(first) would both be written to Output/\(output) (order prefixes like `01-` and `slug:` are left out of URLs, and upper/lower case is not told apart); rename one of them or give one a different `slug:`",
                    file: display))
            } else {
                owners[output] = display
            }
        }
        return problems
    }
}
