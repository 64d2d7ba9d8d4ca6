/// The search documents of a site: every page written in `Content/`, in the model's order, with the
/// front matter its page shows.
public enum SearchDocuments {
    public static func make(from model: SiteModel) -> (documents: [SearchDocument], publications: [String]) {
        let source = SearchDocumentSource(model: model)
        return (ParallelMap.map(count: source.count, source.document), source.publications)
    }

    static func publication(of page: Page, sections: [SectionNode]) -> Int {
        sections.firstIndex { $0.contains(page.sectionDirectory) } ?? -1
    }

    static func document(of page: Page, sections: [SectionNode]) -> SearchDocument {
        let publication = publication(of: page, sections: sections)
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

    /// Front matter the templates show as short labels (a brand's name, a story's author) …
    static let metaFields = ["unit", "brand", "slogan", "author"]
    /// … and as text (a brand's meaning and plan): searched like the body, before it.
    static let textFields = ["meaning", "what", "how", "who", "effect"]

    /// Of everything `document(of:sections:)` makes the document from but its address, without making
    /// it: an unchanged page is known without collapsing its text.
    static func digest(of page: Page, sections: [SectionNode]) -> UInt64 {
        var hash = StableHash()
        hash.add(page.title)
        hash.add(publication(of: page, sections: sections))
        let headings = page.rendered?.headings ?? []
        hash.add(headings.count)
        for heading in headings { hash.add(heading.text) }
        for field in metaFields + textFields {
            let value = page.frontMatter.string(field)
            hash.add(value != nil)
            if let value { hash.add(value) }
        }
        hash.add(page.frontMatter.tags.count)
        for tag in page.frontMatter.tags { hash.add(tag) }
        hash.add(page.rendered?.plainTextDigest ?? StableHash.of(""))
        return hash.value
    }

    /// Runs of white space become one newline when they hold one, else one space: a smaller index.
    static func collapsingWhitespace(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pending: UInt8?
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) {
                if scalar == "\n" { pending = UInt8(ascii: "\n") } else if pending == nil { pending = UInt8(ascii: " ") }
                continue
            }
            if let space = pending, !result.isEmpty { result.append(space) }
            pending = nil
            if scalar.isASCII {
                result.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { result.append($0) }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `Unicode.Scalar.Properties.isWhitespace`, without a property-table lookup for every character.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}

/// The documents of an index, made one at a time when asked for, so that the index can be built
/// without holding every document's text at once; the addresses come first, to tell whether the
/// previous index can be patched, and a digest of each document's inputs, to tell which changed.
struct SearchDocumentSource: Sendable {
    let count: Int
    let publications: [String]
    let urls: [String]
    let document: @Sendable (Int) -> SearchDocument
    let digest: @Sendable (Int) -> UInt64

    init(model: SiteModel) {
        let sections = model.topSections
        let pages = model.pages
        count = pages.count
        publications = sections.map(\.title)
        urls = pages.map { SitePath.encoded($0.outputPath) }
        document = { SearchDocuments.document(of: pages[$0], sections: sections) }
        digest = { SearchDocuments.digest(of: pages[$0], sections: sections) }
    }

    init(documents: [SearchDocument], publications: [String]) {
        count = documents.count
        self.publications = publications
        urls = documents.map(\.url)
        document = { documents[$0] }
        digest = { SearchState.digest(of: documents[$0]) }
    }
}
