/// Role-model stories: dated, newest first, paginated, with an index per unit and per tag.
public struct Stories: Sendable {
    public struct Term: Sendable {
        public var name: String
        public var outputPath: String
        /// Stories with this unit or tag, newest first.
        public var stories: [Int]
    }

    public var directory: String
    public var indexPage: Int?
    public var title: String
    /// Every story, newest first.
    public var stories: [Int]
    public var pageSize: Int
    /// Site paths of the index pages: the section page first, then `page/2.html` …
    public var indexPaths: [String]
    public var units: [Term]
    public var tags: [Term]
    public var unitsPath: String
    public var tagsPath: String
    public var feedPath: String
    /// Site path of each story's cover image.
    public var covers: [Int: String]
    /// Where each story is in `stories`.
    private(set) var positions: [Int: Int]
    /// Site path of each unit's and each tag's page, by name.
    private(set) var unitPaths: [String: String]
    private(set) var tagPaths: [String: String]
    /// The sibling folders of the unit pages, the tag pages and the index pages after the first
    /// (`units/`, `tags/`, `page/`, each ending in `/`), which show the same story cards.
    var cardSharingFolders: [String]

    /// The tables looked up by story and by term name are made from `stories`, `units` and `tags`,
    /// whether the stories were just made or read back from the cache folder.
    init(directory: String, indexPage: Int?, title: String, stories: [Int], pageSize: Int, indexPaths: [String], units: [Term], tags: [Term],
         unitsPath: String, tagsPath: String, feedPath: String, covers: [Int: String], cardSharingFolders: [String]) {
        self.directory = directory
        self.indexPage = indexPage
        self.title = title
        self.stories = stories
        self.pageSize = pageSize
        self.indexPaths = indexPaths
        self.units = units
        self.tags = tags
        self.unitsPath = unitsPath
        self.tagsPath = tagsPath
        self.feedPath = feedPath
        self.covers = covers
        self.cardSharingFolders = cardSharingFolders
        func paths(_ terms: [Term]) -> [String: String] { Dictionary(terms.map { ($0.name, $0.outputPath) }, uniquingKeysWith: { first, _ in first }) }
        positions = Dictionary(stories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        unitPaths = paths(units)
        tagPaths = paths(tags)
    }

    public static let defaultPageSize = 10

    /// The units or the tags.
    func terms(_ taxonomy: RenderJob.Taxonomy) -> [Term] {
        taxonomy == .units ? units : tags
    }

    /// The stories listed on the index's page `number` (from 1).
    func storiesOnIndexPage(_ number: Int) -> ArraySlice<Int> {
        stories.dropFirst((number - 1) * pageSize).prefix(pageSize)
    }

    static func make(section: SectionNode, model: SiteModel, resolver: LinkResolver, diagnostics: inout [Diagnostic]) -> Stories {
        var pageSize = defaultPageSize
        if let index = section.indexPage, let value = model.pages[index].frontMatter.fields["page_size"] {
            let page = model.pages[index]
            if case .int(let size) = value, size > 0 {
                pageSize = size
            } else {
                diagnostics.append(.error("'page_size' must be a whole number above 0, like `page_size: 10`", file: page.displayPath, line: page.frontMatter.line(of: "page_size")))
            }
        }
        var stories = model.readingOrder(of: section.directory).filter { model.pages[$0].kind == .story }
        for index in stories where model.pages[index].frontMatter.date == nil {
            diagnostics.append(.error("a story needs a date; add `date: 2024-05-01` to its front matter", file: model.pages[index].displayPath, line: 1))
        }
        // Cover paths are resolved on all cores; problems keep their order.
        let storyPages = stories
        let resolved = ParallelMap.map(count: storyPages.count) { position -> (String?, [Diagnostic]) in
            var problems: [Diagnostic] = []
            let cover = resolver.fileField("cover", of: model.pages[storyPages[position]], diagnostics: &problems)
            return (cover, problems)
        }
        var covers: [Int: String] = [:]
        for (index, (cover, problems)) in zip(storyPages, resolved) {
            covers[index] = cover
            diagnostics += problems
        }
        // Dates and paths taken once (a comparison that read them from the pages copied front matter),
        // and positions sorted rather than (date, path) pairs, which each move retained and released.
        let dates = stories.map { model.pages[$0].frontMatter.date }
        let pagePaths = stories.map { model.pages[$0].path }
        stories = stories.indices
            .sorted { a, b in
                if dates[a] != dates[b] { return (dates[a].map { d in dates[b].map { d > $0 } ?? true }) ?? false }
                return pagePaths[a] < pagePaths[b]
            }
            .map { storyPages[$0] }

        let base = SitePath.outputDirectory(for: section.directory)
        let pageCount = max(1, (stories.count + pageSize - 1) / pageSize)
        // The later index pages are one folder down, as deep as the pages of units and tags: the
        // story cards, whose links are relative, are then the same on all of them and made once.
        let pageFolder = SitePath.join(base, "page")
        let indexPaths = (1...pageCount).map { $0 == 1 ? section.outputPath : SitePath.join(pageFolder, "\($0).html") }

        // Both lists in one pass, reading the front matter in place: handing each page to a closure
        // copied its front matter each time.
        var storiesByUnit: [String: [Int]] = [:], storiesByTag: [String: [Int]] = [:]
        for index in stories {
            if let unit = model.pages[index].frontMatter.string("unit")?.trimmingWhitespace(), !unit.isEmpty {
                storiesByUnit[unit, default: []].append(index)
            }
            for tag in model.pages[index].frontMatter.tags where !tag.isEmpty { storiesByTag[tag, default: []].append(index) }
        }
        func terms(_ folder: String, _ byName: [String: [Int]]) -> [Term] {
            byName.keys.sorted().map { name in
                Term(name: name, outputPath: SitePath.join(base, folder + "/" + termFileName(name) + ".html"), stories: byName[name]!)
            }
        }
        let units = terms("units", storiesByUnit)
        let tags = terms("tags", storiesByTag)
        return Stories(
            directory: section.directory, indexPage: section.indexPage, title: section.title, stories: stories,
            pageSize: pageSize, indexPaths: indexPaths, units: units, tags: tags,
            unitsPath: SitePath.join(base, "units/index.html"),
            tagsPath: SitePath.join(base, "tags/index.html"),
            feedPath: SitePath.join(base, "feed.xml"), covers: covers,
            cardSharingFolders: [SitePath.join(base, "units"), SitePath.join(base, "tags"), pageFolder].map { $0 + "/" })
    }

    /// A file name for a unit or tag: its own text, with characters file systems refuse replaced.
    static func termFileName(_ name: String) -> String {
        let unsafe: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|", "#", "%", "\0"]
        var result = String(name.map { unsafe.contains($0) || $0.isWhitespace ? "-" : $0 })
        if result.hasPrefix(".") { result = "-" + result.dropFirst() }
        return result == "index" ? "index-" : result
    }

}
