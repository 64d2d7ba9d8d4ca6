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
///
/// A value like any other, but its fields live in one shared box that is copied only when a copy is
/// changed (as `Array` does): the build passes 10,000 pages through many loops, and copying some
/// twenty strings and tables for each page each time cost a tenth of an incremental build.
public struct Page: Sendable {
    public var source: PageSource { _read { yield storage.source } set { uniqueStorage().source = newValue } }
    /// Site path of the output file, e.g. `booklet/caijue.html`.
    public var outputPath: String { get { storage.outputPath } set { uniqueStorage().outputPath = newValue } }
    /// True for `_index.md` / `index.md`: the page of a section (folder).
    public var isSectionIndex: Bool { get { storage.isSectionIndex } set { uniqueStorage().isSectionIndex = newValue } }
    /// Content-relative folder of the section this page belongs to; for a section index, that section itself.
    public var sectionDirectory: String { get { storage.sectionDirectory } set { uniqueStorage().sectionDirectory = newValue } }
    public var title: String { get { storage.title } set { uniqueStorage().title = newValue } }
    public var kind: PageKind { get { storage.kind } set { uniqueStorage().kind = newValue } }
    public var rendered: RenderedMarkdown? { _read { yield storage.rendered } set { uniqueStorage().rendered = newValue } }
    /// `rendered != nil`, without copying the rendering out.
    var isRendered: Bool { storage.rendered != nil }

    public init(source: PageSource, outputPath: String, isSectionIndex: Bool, sectionDirectory: String, title: String,
                kind: PageKind = .page, rendered: RenderedMarkdown? = nil) {
        storage = Storage(source: source, outputPath: outputPath, isSectionIndex: isSectionIndex, sectionDirectory: sectionDirectory,
                          title: title, kind: kind, rendered: rendered)
    }

    private var storage: Storage
    // The fields read most (`source`, `path`, `frontMatter`, `displayPath`) are lent out with
    // `_read` rather than returned: a getter copied the whole source, retaining and releasing each
    // of its dozen strings and tables, on every read of one of them.

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Changed only through `uniqueStorage()`, so only by the one page that holds it: threads that
    /// share a page only read it.
    private final class Storage: @unchecked Sendable {
        var source: PageSource
        var outputPath: String
        var isSectionIndex: Bool
        var sectionDirectory: String
        var title: String
        var kind: PageKind
        var rendered: RenderedMarkdown?

        init(source: PageSource, outputPath: String, isSectionIndex: Bool, sectionDirectory: String, title: String,
             kind: PageKind, rendered: RenderedMarkdown?) {
            self.source = source
            self.outputPath = outputPath
            self.isSectionIndex = isSectionIndex
            self.sectionDirectory = sectionDirectory
            self.title = title
            self.kind = kind
            self.rendered = rendered
        }

        func copy() -> Storage {
            Storage(source: source, outputPath: outputPath, isSectionIndex: isSectionIndex, sectionDirectory: sectionDirectory,
                    title: title, kind: kind, rendered: rendered)
        }
    }

    /// `source.forgetBody()`, reaching the body's holder without copying the whole source out of the page.
    func forgetBody() {
        storage.source.loadedBody.forget()
    }

    public var path: String { _read { yield storage.source.path } }
    /// The Markdown body, with the first `# heading` blanked out when it gave the title.
    public var body: String { source.body }
    public var frontMatter: FrontMatter { _read { yield storage.source.frontMatter } }
    public var displayPath: String { _read { yield storage.source.displayPath } }

    /// File or folder name used for ordering: `02-meetings.md` → `02-meetings`.
    var orderName: String {
        isSectionIndex ? SitePath.fileName(of: sectionDirectory) : SitePath.fileStem(of: path)
    }

    var summary: String {
        frontMatter.summary ?? rendered?.firstParagraph ?? ""
    }

    /// `StableHash.of(summary)`, without the rendering's first paragraph, which may still be bytes.
    var summaryDigest: UInt64 {
        if let summary = frontMatter.summary { return StableHash.of(summary) }
        return rendered?.firstParagraphDigest ?? StableHash.of("")
    }
}
