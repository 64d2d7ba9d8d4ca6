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
        let sections = model.sections.keys.sorted().compactMap { directory -> (SectionNode, PublicationKind)? in
            let section = model.sections[directory]!
            guard section.publicationDirectory == directory, let kind = section.publication else { return nil }
            return (section, kind)
        }
        // Each on a core of its own: at 10,000 pages the stories take 29 ms and the booklet 9 ms,
        // which a one-edit rebuild spent one after the other on one core.
        let made = ParallelMap.map(count: sections.count) { position -> (Made, [Diagnostic]) in
            let (section, kind) = sections[position]
            var problems: [Diagnostic] = []
            switch kind {
            case .booklet: return (.booklet(Booklet.make(section: section, model: model, resolver: resolver, diagnostics: &problems)), problems)
            case .handbook: return (.handbook(Handbook.make(section: section, model: model, diagnostics: &problems)), problems)
            case .stories: return (.stories(Stories.make(section: section, model: model, resolver: resolver, diagnostics: &problems)), problems)
            }
        }
        var publications = Publications()
        for (publication, problems) in made {
            switch publication {
            case .booklet(let booklet): publications.booklets.append(booklet)
            case .handbook(let handbook): publications.handbooks.append(handbook)
            case .stories(let stories): publications.stories.append(stories)
            }
            diagnostics += problems
        }
        return publications
    }

    private enum Made: Sendable {
        case booklet(Booklet), handbook(Handbook), stories(Stories)
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
