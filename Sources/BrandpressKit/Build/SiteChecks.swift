import Foundation

/// Checks that need the whole site: links into other pages, and generated pages that collide.
extension SiteBuilder {
    /// Links to `page.md#heading` whose heading does not exist: warnings, since the page itself is there.
    static func checkFragments(_ model: SiteModel, resolver: LinkResolver) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for page in model.pages where page.rendered?.linksToFragments == true {
            for reference in page.rendered?.references ?? [] where !reference.isImage {
                guard let (target, fragment) = resolver.pageTarget(of: reference.destination, sourcePath: page.path), let fragment else { continue }
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

    /// Generated pages (story indexes, unit pages, the print view) must not collide with written
    /// ones, nor files of `Content/` with the feeds and the sitemap (`feeds`).
    static func checkGeneratedPaths(outputs: [String], jobs: [RenderJob], feeds: [String], model: SiteModel, layout: ProjectLayout) -> [Diagnostic] {
        var owners: [String: RenderJob] = [:]
        owners.reserveCapacity(jobs.count)
        var diagnostics: [Diagnostic] = []
        // Each asset's output path made and folded once, not once for each check below.
        let assetPaths = model.assets.map { asset in
            let output = SitePath.assetOutputPath(for: asset)
            return (asset: asset, output: output, folded: SitePath.foldingCase(output))
        }
        let assetOutputs = Set(assetPaths.map(\.folded))
        let reservedFolders = ["assets/", SearchIndexFiles.folder.lowercased() + "/"]
        let feedOutputs = Set(feeds.map(SitePath.foldingCase))
        for (asset, output, folded) in assetPaths where reservedFolders.contains(where: { folded.hasPrefix($0) }) {
            diagnostics.append(.error("Output/\(output) is in a folder brandpress fills itself (assets/ holds the theme's files, \(SearchIndexFiles.folder)/ the search index); move this file into another folder",
                                      file: layout.display(layout.content) + "/" + asset))
        }
        for (asset, output, folded) in assetPaths where feedOutputs.contains(folded) {
            diagnostics.append(.error("Output/\(output) is also a file brandpress makes itself (the sitemap and the stories' Atom feeds, made because `base_url:` is set); rename this file or move it into another folder",
                                      file: layout.display(layout.content) + "/" + asset))
        }
        for (job, output) in zip(jobs, outputs) {
            let key = SitePath.foldingCase(output)
            let other = owners[key]
            if other == nil { owners[key] = job }
            var isPage = false
            if case .page = job { isPage = true }
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
}
