/// What a page is, which decides its default template and the data its template gets.
public enum PageKind: String, Sendable, CaseIterable {
    case home, section, page
    case booklet, brand
    case handbook, handbookPage = "handbook-page"
    case stories, story
}

/// The kind a section's `_index.md` gives it with `kind:`; its pages follow it.
public enum PublicationKind: String, Sendable, CaseIterable {
    case booklet, handbook, stories
}

/// One page of the site: its source, where it goes, and its rendered body once rendered.
public struct Page: Sendable {
    public var source: PageSource
    /// Site path of the output file, e.g. `booklet/caijue.html`.
    public var outputPath: String
    /// True for `_index.md` / `index.md`: the page of a section (folder).
    public var isSectionIndex: Bool
    /// Content-relative folder of the section this page belongs to; for a section index, that section itself.
    public var sectionDirectory: String
    public var title: String
    /// The Markdown body, with the first `# heading` blanked out when it gave the title.
    public var body: String
    public var kind: PageKind = .page
    public var rendered: RenderedMarkdown?

    public var path: String { source.path }
    public var frontMatter: FrontMatter { source.frontMatter }
    public var displayPath: String { source.displayPath }

    /// File or folder name used for ordering: `02-meetings.md` → `02-meetings`.
    var orderName: String {
        if isSectionIndex { return SitePath.fileName(of: sectionDirectory) }
        let name = SitePath.fileName(of: path)
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    var summary: String {
        frontMatter.summary ?? rendered?.firstParagraph ?? ""
    }
}
