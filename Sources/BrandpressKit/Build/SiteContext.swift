/// Everything the render workers share: read-only, so any thread may use it.
public struct SiteContext: Sendable {
    public var model: SiteModel
    public var publications: Publications
    public var resolver: LinkResolver
    /// HTML of each handbook's print view, indexed like `publications.handbooks`.
    public var printContents: [[Int: String]]
    /// Section folders by their output folder (`handbook/basics` → `handbook/01-basics`), for breadcrumbs.
    public var sectionsByOutputDirectory: [String: String]
    /// The variables pages share, made once by whichever worker needs them first.
    public var fragments: SharedFragments

    public init(model: SiteModel, publications: Publications, resolver: LinkResolver, printContents: [[Int: String]], fragments: SharedFragments) {
        self.model = model
        self.fragments = fragments
        self.publications = publications
        self.resolver = resolver
        self.printContents = printContents
        sectionsByOutputDirectory = Dictionary(model.sections.keys.map { (SitePath.outputDirectory(for: $0), $0) }, uniquingKeysWith: { a, b in min(a, b) })
    }

    /// The site path a job writes to.
    public func outputPath(of job: RenderJob) -> String {
        switch job {
        case .page(let index): return model.pages[index].outputPath
        case .sectionPage(let directory): return model.sections[directory]!.outputPath
        case .storiesIndex(let publication, let number): return publications.stories[publication].indexPaths[number - 1]
        case .taxonomy(let publication, let taxonomy, let term):
            return publications.stories[publication].terms(taxonomy)[term].outputPath
        case .taxonomyList(let publication, let taxonomy):
            let stories = publications.stories[publication]
            return taxonomy == .units ? stories.unitsPath : stories.tagsPath
        case .handbookPrint(let publication): return publications.handbooks[publication].printPath
        case .search: return "search.html"
        case .notFound: return "404.html"
        }
    }

    /// The template a job asks for, before falling back to a more general one.
    public func templateName(of job: RenderJob) -> String {
        switch job {
        case .page(let index):
            let page = model.pages[index]
            return page.frontMatter.template ?? page.kind.rawValue
        case .sectionPage(let directory):
            let section = model.sections[directory]!
            if directory.isEmpty { return PageKind.home.rawValue }
            return section.publication == .handbook ? PageKind.handbookPage.rawValue : PageKind.section.rawValue
        case .storiesIndex: return PageKind.stories.rawValue
        case .taxonomy: return Self.taxonomyTemplate
        case .taxonomyList: return "taxonomy-list"
        case .handbookPrint: return "handbook-print"
        case .search: return "search"
        case .notFound: return "404"
        }
    }

    /// The template of a unit's or tag's page.
    static let taxonomyTemplate = "taxonomy"

    /// A theme may leave out the specialised templates; these fall back to the general ones.
    static let fallbacks: [String: String] = [
        "home": "section", "booklet": "section", "handbook": "section", "stories": "section",
        "taxonomy": "section", "taxonomy-list": "section", "section": "page",
        "brand": "page", "handbook-page": "page", "story": "page", "handbook-print": "page",
        "search": "page", "404": "page",
    ]

    static func resolveTemplate(_ name: String, in names: Set<String>) -> String? {
        var candidate: String? = name
        while let current = candidate {
            if names.contains(current) { return current }
            candidate = fallbacks[current]
        }
        return nil
    }

    /// Every file to render, in a fixed order.
    public func jobs() -> [RenderJob] {
        var jobs = model.pages.indices.map(RenderJob.page)
        for directory in model.sections.keys.sorted() where model.sections[directory]!.indexPage == nil {
            jobs.append(.sectionPage(directory))
        }
        for (publication, stories) in publications.stories.enumerated() {
            for number in stories.indexPaths.indices.dropFirst() { jobs.append(.storiesIndex(publication: publication, number: number + 1)) }
            for taxonomy in [RenderJob.Taxonomy.units, .tags] {
                jobs.append(.taxonomyList(publication: publication, taxonomy: taxonomy))
                let count = taxonomy == .units ? stories.units.count : stories.tags.count
                for term in 0..<count { jobs.append(.taxonomy(publication: publication, taxonomy: taxonomy, term: term)) }
            }
        }
        for publication in publications.handbooks.indices { jobs.append(.handbookPrint(publication: publication)) }
        jobs.append(.search)
        jobs.append(.notFound)
        return jobs
    }
}
