/// The search documents of a site: every page written in `Content/`, in the model's order.
public enum SearchDocuments {
    public static func make(from model: SiteModel) -> (documents: [SearchDocument], publications: [String]) {
        let sections = model.topSections
        let documents = model.pages.map { page in
            let publication = sections.firstIndex { page.sectionDirectory == $0.directory || page.sectionDirectory.hasPrefix($0.directory + "/") } ?? -1
            let meta = ([page.frontMatter.string("unit")].compactMap { $0 } + page.frontMatter.tags).joined(separator: " ")
            return SearchDocument(
                title: page.title,
                url: page.outputPath.split(separator: "/").map { SitePath.percentEncode(String($0)) }.joined(separator: "/"),
                publication: publication,
                headings: (page.rendered?.headings ?? []).map(\.text),
                meta: meta,
                body: collapsingWhitespace(page.rendered?.plainText ?? ""))
        }
        return (documents, sections.map(\.title))
    }

    /// Runs of white space become one newline when they hold one, else one space: a smaller index.
    static func collapsingWhitespace(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pending: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if scalar == "\n" || pending == nil { pending = scalar == "\n" ? "\n" : " " }
                continue
            }
            if let space = pending, !result.isEmpty { result.append(space) }
            pending = nil
            result.append(scalar)
        }
        return String(result)
    }
}
