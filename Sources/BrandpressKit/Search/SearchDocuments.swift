/// The search documents of a site: every page written in `Content/`, in the model's order, with the
/// front matter its page shows.
public enum SearchDocuments {
    public static func make(from model: SiteModel) -> (documents: [SearchDocument], publications: [String]) {
        let sections = model.topSections
        let documents = model.pages.map { page in
            let publication = sections.firstIndex { $0.contains(page.sectionDirectory) } ?? -1
            let matter = page.frontMatter
            let meta = (metaFields.compactMap(matter.string) + matter.tags).joined(separator: " ")
            let shownText = textFields.compactMap(matter.string) + [page.rendered?.plainText ?? ""]
            return SearchDocument(
                title: page.title,
                url: SitePath.encoded(page.outputPath),
                publication: publication,
                headings: (page.rendered?.headings ?? []).map(\.text),
                meta: meta,
                body: collapsingWhitespace(shownText.joined(separator: "\n")))
        }
        return (documents, sections.map(\.title))
    }

    /// Front matter the templates show as short labels (a brand's name, a story's author) …
    static let metaFields = ["unit", "brand", "slogan", "author"]
    /// … and as text (a brand's meaning and plan): searched like the body, before it.
    static let textFields = ["meaning", "what", "how", "who", "effect"]

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
