/// How one Markdown document is turned into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Keep raw HTML and `javascript:` links (cmark's unsafe mode).
    public var unsafeHTML: Bool
    /// brandpress's own additions: heading ids, CJK-aware soft breaks, smart punctuation.
    /// `render --commonmark` turns them off to check plain CommonMark conformance.
    public var siteExtensions: Bool
    /// Emphasis next to CJK punctuation (markdown-cjk-friendly); only applies with `siteExtensions`.
    public var cjkFriendlyEmphasis: Bool
    /// GitHub-style pipe tables; on even in CommonMark mode, where no CommonMark example uses them.
    public var pipeTables: Bool

    public init(unsafeHTML: Bool = false, siteExtensions: Bool = true, cjkFriendlyEmphasis: Bool = true, pipeTables: Bool = true) {
        self.unsafeHTML = unsafeHTML
        self.siteExtensions = siteExtensions
        self.cjkFriendlyEmphasis = cjkFriendlyEmphasis
        self.pipeTables = pipeTables
    }

    public static let commonMark = MarkdownOptions(siteExtensions: false, cjkFriendlyEmphasis: false)
}

/// What a link or image destination in a page turned out to be.
public enum LinkResolution: Sendable, Hashable {
    /// Leave the destination as written (external URLs, anchors, mail links).
    case keep
    /// Replace it by this URL, relative to the page's output file.
    case rewrite(String)
    /// The destination cannot be used; the message says why and how to fix it.
    case invalid(String)
}

/// A link or image found in a document, for checks that look at every reference.
public struct LinkReference: Sendable, Hashable {
    public var destination: String
    public var isImage: Bool
    /// Plain text of an image's description (its `alt` text); empty for links.
    public var altText: String
    public var line: Int
    public var column: Int
}

/// One heading of a page, for ids and tables of contents.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var id: String
    /// The heading's text without markup.
    public var text: String
}

/// Everything one Markdown document produced: only Swift values, safe to pass between threads.
/// Its HTML and plain text may still be in the build cache's file, read when asked for, and its
/// headings and links still bytes from it, decoded when asked for (`DecodedOnDemand`).
public struct RenderedMarkdown: Sendable {
    public var html: String { htmlText.string }
    public var headings: [Heading] { details.value.headings }
    /// Plain text of the first paragraph, for summaries.
    public var firstParagraph: String? { details.value.firstParagraph }
    /// Plain text of the whole document, for the search index.
    public var plainText: String { plainTextContent.string }
    public var references: [LinkReference] { details.value.references }
    /// Problems found, with lines counted in the Markdown text given (file not set).
    public var diagnostics: [Diagnostic]
    var htmlText: CachedText
    var plainTextContent: CachedText
    /// Of `plainText`: the search index tells a changed page by it without reading the text.
    var plainTextDigest: UInt64
    /// Of the headings' texts (`headingsDigest(of:)`), for the search index alike.
    let headingsDigest: UInt64
    /// Of `firstParagraph` (`StableHash.of`, nil as ""), for the keys of pages that list this one.
    let firstParagraphDigest: UInt64
    /// Whether a link (not an image) names a `#fragment`: only such pages' links are checked
    /// against the headings of the pages they lead to.
    let linksToFragments: Bool
    /// The headings, the first paragraph and the links.
    let details: DecodedOnDemand<Details>

    struct Details: Sendable {
        var headings: [Heading] = []
        var firstParagraph: String?
        var references: [LinkReference] = []
    }

    public init(html: String, headings: [Heading], firstParagraph: String?, plainText: String, references: [LinkReference], diagnostics: [Diagnostic]) {
        self.init(htmlText: CachedText(html), headings: headings, firstParagraph: firstParagraph, plainTextContent: CachedText(plainText),
                  plainTextDigest: StableHash.of(plainText), references: references, diagnostics: diagnostics)
    }

    init(htmlText: CachedText, headings: [Heading], firstParagraph: String?, plainTextContent: CachedText, plainTextDigest: UInt64,
         references: [LinkReference], diagnostics: [Diagnostic]) {
        self.init(htmlText: htmlText, details: DecodedOnDemand(Details(headings: headings, firstParagraph: firstParagraph, references: references)),
                  headingsDigest: Self.headingsDigest(of: headings), firstParagraphDigest: StableHash.of(firstParagraph ?? ""),
                  linksToFragments: references.contains { !$0.isImage && $0.destination.utf8.contains(UInt8(ascii: "#")) },
                  plainTextContent: plainTextContent, plainTextDigest: plainTextDigest, diagnostics: diagnostics)
    }

    /// The digests and `linksToFragments` as what `details` holds gives them.
    init(htmlText: CachedText, details: DecodedOnDemand<Details>, headingsDigest: UInt64, firstParagraphDigest: UInt64, linksToFragments: Bool,
         plainTextContent: CachedText, plainTextDigest: UInt64, diagnostics: [Diagnostic]) {
        self.htmlText = htmlText
        self.details = details
        self.headingsDigest = headingsDigest
        self.firstParagraphDigest = firstParagraphDigest
        self.linksToFragments = linksToFragments
        self.plainTextContent = plainTextContent
        self.plainTextDigest = plainTextDigest
        self.diagnostics = diagnostics
    }

    static func headingsDigest(of headings: [Heading]) -> UInt64 {
        var hash = StableHash()
        hash.add(headings.count)
        for heading in headings { hash.add(heading.text) }
        return hash.value
    }
}
