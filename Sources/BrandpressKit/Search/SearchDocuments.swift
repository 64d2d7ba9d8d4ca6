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
    /// it: an unchanged page is known without collapsing its text. The page's title and fields all
    /// come from its front matter's text and its first heading, so their digests stand for them
    /// (hashing each field again was 5 % of a one-page rebuild).
    static func digest(of page: Page, sections: [SectionNode]) -> UInt64 {
        var hash = StableHash()
        hash.add(page.source.frontMatterDigest)
        hash.add(page.source.headingTitle != nil)
        if let heading = page.source.headingTitle { hash.add(heading) }
        hash.add(publication(of: page, sections: sections))
        hash.add(page.rendered?.headingsDigest ?? RenderedMarkdown.headingsDigest(of: []))
        hash.add(page.rendered?.plainTextDigest ?? StableHash.of(""))
        return hash.value
    }

    /// Runs of white space (`Unicode.Scalar.Properties.isWhitespace`) become one newline when they
    /// hold one, else one space: a smaller index. Works on UTF-8 bytes, copying the runs between.
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pending: UInt8?
            var runStart = 0
            var index = 0
            func endRun(at end: Int) {
                guard end > runStart else { return }
                if let space = pending, !result.isEmpty { result.append(space) }
                pending = nil
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
            }
            while index < bytes.count {
                // Bytes that start no white space: most of the text, Chinese included.
                if (0x21...0xC1).contains(bytes[index]) || bytes[index] >= 0xE4 {
                    index += 1
                    continue
                }
                let length = whitespaceLength(in: bytes, at: index)
                if length == 0 {
                    index += 1
                    continue
                }
                endRun(at: index)
                if bytes[index] == UInt8(ascii: "\n") { pending = UInt8(ascii: "\n") } else if pending == nil { pending = UInt8(ascii: " ") }
                index += length
                runStart = index
            }
            endRun(at: bytes.count)
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The length in bytes of the white-space character at `index`, or 0: U+0009–000D, U+0020,
    /// U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F and U+3000.
    static func whitespaceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        func byte(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch bytes[index] {
        case 0x09...0x0D, 0x20: return 1
        case 0xC2: return byte(1) == 0x85 || byte(1) == 0xA0 ? 2 : 0
        case 0xE1: return byte(1) == 0x9A && byte(2) == 0x80 ? 3 : 0
        case 0xE2:
            switch (byte(1), byte(2)) {
            case (0x80, 0x80...0x8A), (0x80, 0xA8), (0x80, 0xA9), (0x80, 0xAF), (0x81, 0x9F): return 3
            default: return 0
            }
        case 0xE3: return byte(1) == 0x80 && byte(2) == 0x80 ? 3 : 0
        default: return 0
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

    /// `withURLs: false` leaves `urls` empty, for a source only asked for documents and digests.
    init(model: SiteModel, withURLs: Bool = true) {
        let sections = model.topSections
        let pages = model.pages
        count = pages.count
        publications = sections.map(\.title)
        urls = withURLs ? pages.map { SitePath.encoded($0.outputPath) } : []
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
