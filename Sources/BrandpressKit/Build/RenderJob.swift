/// One file the build writes from a template.
public enum RenderJob: Sendable, Hashable {
    /// A page written in `Content/`.
    case page(Int)
    /// The page of a folder that has no `_index.md`, so that links to it work.
    case sectionPage(String)
    /// Page `number` (from 1) of the stories index of `Publications.stories[publication]`.
    case storiesIndex(publication: Int, number: Int)
    /// The stories of one unit or tag.
    case taxonomy(publication: Int, taxonomy: Taxonomy, term: Int)
    /// Every unit or every tag.
    case taxonomyList(publication: Int, taxonomy: Taxonomy)
    /// The whole handbook on one page.
    case handbookPrint(publication: Int)
    case search
    case notFound

    public enum Taxonomy: String, Sendable, Hashable { case units, tags }

    /// The page of one unit or tag, or an index page of the stories after the first: the pages
    /// that share their stories' cards (`PageContextBuilder.storyEntry`).
    var sharesStoryCards: Bool {
        switch self {
        case .taxonomy: true
        case .storiesIndex(_, let number): number > 1
        default: false
        }
    }
}

/// The publications found in the site, computed once before rendering.
public struct Publications: Sendable {
    public var booklets: [Booklet] = []
    public var handbooks: [Handbook] = []
    public var stories: [Stories] = []

    static func make(model: SiteModel, resolver: LinkResolver, diagnostics: inout [Diagnostic]) -> Publications {
        var publications = Publications()
        for directory in model.sections.keys.sorted() {
            let section = model.sections[directory]!
            guard section.publicationDirectory == directory, let kind = section.publication else { continue }
            switch kind {
            case .booklet: publications.booklets.append(Booklet.make(section: section, model: model, resolver: resolver, diagnostics: &diagnostics))
            case .handbook: publications.handbooks.append(Handbook.make(section: section, model: model, diagnostics: &diagnostics))
            case .stories: publications.stories.append(Stories.make(section: section, model: model, resolver: resolver, diagnostics: &diagnostics))
            }
        }
        return publications
    }

    /// Of everything `make` reads: the site's structure (`JobInputKeys.structureDigest`: pages'
    /// places and kinds, sections, files, drafts left out, `site.yml`) and every page's title and
    /// front matter; not the bodies. An edit that leaves it the same leaves the publications so.
    static func inputDigest(of model: SiteModel, structure: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.add(structure)
        for page in model.pages {
            hash.add(page.title)
            hash.add(page.source.frontMatterDigest)
        }
        return hash.value
    }

    func booklet(containing directory: String?) -> Booklet? {
        booklets.first { $0.directory == directory }
    }

    func handbook(containing directory: String?) -> Handbook? {
        handbooks.first { $0.directory == directory }
    }

    func storiesIndex(containing directory: String?) -> Int? {
        stories.firstIndex { $0.directory == directory }
    }

    /// For a story's page, its publication and the stories before and after it in the publication's order.
    func story(_ index: Int, in model: SiteModel) -> (publication: Int, neighbours: (previous: Int?, next: Int?))? {
        guard model.pages[index].kind == .story,
              let publication = storiesIndex(containing: model.sections[model.pages[index].sectionDirectory]?.publicationDirectory)
        else { return nil }
        // Read in place: a copy of the publication retained each of its tables, for every story page.
        return (publication, stories[publication].stories.neighbours(of: stories[publication].positions[index]))
    }
}
