import Foundation

/// The extra warnings of `brandpress check`: things that build fine but hurt readers.
enum ContentAudit {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "tif", "tiff"]
    static let largeImageBytes = 2 * 1024 * 1024

    static func warnings(model: SiteModel, resolver: LinkResolver, layout: ProjectLayout) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var referenced: Set<String> = []
        for page in model.pages {
            for reference in page.rendered?.references ?? [] {
                if !LinkResolver.isExternal(reference.destination),
                   let (path, _) = resolver.target(of: reference.destination, fromDirectory: SitePath.directory(of: page.path)) {
                    referenced.insert(path)
                }
                if reference.isImage && reference.altText.trimmingCharacters(in: .whitespaces).isEmpty {
                    diagnostics.append(.warning(
                        "this image has no text alternative; write what it shows between the brackets, like ![井下作业场景](\(reference.destination)), for readers who cannot see it",
                        file: page.displayPath, line: reference.line + page.source.bodyFirstLine - 1, column: reference.column))
                }
            }
            for value in page.frontMatter.fields.values {
                guard let text = value.text, !text.isEmpty, !LinkResolver.isExternal(text),
                      let (path, _) = resolver.target(of: text, fromDirectory: SitePath.directory(of: page.path)) else { continue }
                referenced.insert(path)
            }
        }
        let display = layout.display(layout.content) + "/"
        for asset in model.assets {
            let url = layout.content.appendingPathComponent(asset)
            let isImage = imageExtensions.contains(url.pathExtension.lowercased())
            if isImage, let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > largeImageBytes {
                diagnostics.append(.warning(
                    "this image is \(size / 1024 / 1024) MB; readers on the intranet wait for it: make it smaller than 2 MB (e.g. 1600 px wide, JPEG quality 80)",
                    file: display + asset))
            }
            if !referenced.contains(asset) {
                diagnostics.append(.warning("no page links to this file, so readers cannot reach it; link it from a page or delete it", file: display + asset))
            }
        }
        return diagnostics
    }
}
