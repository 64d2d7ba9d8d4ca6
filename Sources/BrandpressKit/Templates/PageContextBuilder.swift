/// Builds the variables one template render gets (see README, "Templates"). Every URL is relative
/// to `outputPath`. Dictionaries are not `Sendable`, so each worker builds its own.
struct PageContextBuilder {
    let site: SiteContext
    let job: RenderJob
    let outputPath: String
    let outputDirectoryParts: [Substring]
    /// What site paths are relative to on this page: `""`, `"../"` …
    let root: String

    var model: SiteModel { site.model }

    init(site: SiteContext, job: RenderJob) {
        self.site = site
        self.job = job
        self.outputPath = site.outputPath(of: job)
        self.outputDirectoryParts = SitePath.parts(of: SitePath.directory(of: outputPath))
        // A 404 page is served at any depth, so it can only use absolute URLs, when the site has them.
        self.root = job == .notFound ? (site.model.config.baseURL ?? "") : SitePath.rootPrefix(for: outputPath)
    }

    func url(_ sitePath: String) -> String {
        SitePath.relativeURL(fromDirectory: outputDirectoryParts, to: sitePath)
    }

    func build() -> [String: Any] {
        var context = common()
        switch job {
        case .page(let index): addPage(index, to: &context)
        case .sectionPage(let directory): addSectionPage(directory, to: &context)
        case .storiesIndex(let publication, let number): addStoriesIndex(publication, number: number, to: &context)
        case .taxonomy(let publication, let taxonomy, let term): addTaxonomy(publication, taxonomy, term, to: &context)
        case .taxonomyList(let publication, let taxonomy): addTaxonomyList(publication, taxonomy, to: &context)
        case .handbookPrint(let publication): addHandbookPrint(publication, to: &context)
        case .search:
            context["page"] = syntheticPage(title: "搜索", kind: "search")
        case .notFound:
            context["page"] = syntheticPage(title: "页面未找到", kind: "404")
        }
        return context
    }

    // MARK: - Every page

    func common() -> [String: Any] {
        let homeURL = job == .notFound ? root + "index.html" : url("index.html")
        var context: [String: Any] = [
            "root": root,
            "assets": root + "assets/",
            "homeURL": homeURL,
            "searchURL": job == .notFound ? root + "search.html" : url("search.html"),
        ]
        func navigation() -> [Any] {
            var nav: [Any] = [["title": "首页", "url": homeURL, "current": outputPath == "index.html"] as [String: Any]]
            for section in model.topSections {
                let directory = SitePath.outputDirectory(for: section.directory) + "/"
                nav.append([
                    "title": section.title,
                    "url": job == .notFound ? root + section.outputPath : url(section.outputPath),
                    "current": outputPath.hasPrefix(directory),
                ] as [String: Any])
            }
            return nav
        }
        // The site's settings, the navigation, the breadcrumbs and the header and footer made of
        // them are the same for every page in a folder (a 404 page, with its absolute URLs, makes
        // its own): made once per folder.
        if job != .notFound {
            let fragments = site.fragments
            let folder = SitePath.directory(of: outputPath)
            let isHome = outputPath == "index.html", isFolderPage = SitePath.fileName(of: outputPath) == "index.html"
            let navScope = "\(folder)\u{0}\(isHome)", crumbsScope = "\(navScope)\u{0}\(isFolderPage)"
            context["site"] = sharedSiteValues()
            context["nav"] = fragments.list(for: SharedFragments.Key(kind: "nav", scope: navScope), make: navigation)
            let crumbs = fragments.list(for: SharedFragments.Key(kind: "breadcrumbs", scope: crumbsScope), make: breadcrumbs)
            context["breadcrumbs"] = crumbs
            context["hasBreadcrumbs"] = !crumbs.items.isEmpty
            // The layout's parts see the variables every page has, none of the page's own.
            let common = context
            for (variable, _) in SharedFragments.siteParts {
                context[variable] = fragments.text(for: SharedFragments.Key(kind: variable, scope: crumbsScope)) {
                    fragments.render(variable: variable, context: common)
                }
            }
        } else {
            let crumbs = breadcrumbs()
            context["site"] = siteValues()
            context["nav"] = navigation()
            context["breadcrumbs"] = crumbs
            context["hasBreadcrumbs"] = !crumbs.isEmpty
            let common = context
            for (variable, _) in SharedFragments.siteParts {
                context[variable] = site.fragments.render(variable: variable, context: common)
            }
        }
        context["prev"] = false
        context["next"] = false
        return context
    }

    func sharedSiteValues() -> SharedValues {
        site.fragments.values(for: SharedFragments.Key(kind: "site", scope: ""), make: siteValues)
    }

    /// `site`: the settings of `site.yml`.
    func siteValues() -> [String: Any] {
        let config = model.config
        var values: [String: Any] = [
            "title": config.title, "language": config.language, "primaryColor": config.primaryColor,
            "accentColor": config.accentColor, "generator": "brandpress",
        ]
        for (key, value) in [("description", config.description), ("organisation", config.organisation), ("footer", config.footer)] where !value.isEmpty {
            values[key] = value
        }
        return values
    }

    /// What a shared partial sees: its own values and the site's, but nothing of the page it is on.
    func fragmentContext(_ values: [String: Any]) -> [String: Any] {
        var context = values
        context["site"] = sharedSiteValues()
        context["root"] = root
        context["assets"] = root + "assets/"
        return context
    }

    /// From the home page down to the folder above this page.
    func breadcrumbs() -> [Any] {
        guard job != .notFound, outputPath != "index.html" else { return [] }
        var crumbs: [Any] = [["title": "首页", "url": url("index.html")] as [String: Any]]
        var directory = ""
        let outputDirectory = SitePath.directory(of: outputPath)
        let parts = SitePath.parts(of: outputDirectory).map(String.init)
        let isFolderPage = SitePath.fileName(of: outputPath) == "index.html"
        for (offset, part) in parts.enumerated() {
            directory = SitePath.join(directory, part)
            if isFolderPage && offset == parts.count - 1 { break }
            guard let section = site.sectionsByOutputDirectory[directory].flatMap({ model.sections[$0] }) else { continue }
            crumbs.append(["title": section.title, "url": url(section.outputPath)] as [String: Any])
        }
        return crumbs
    }

    func syntheticPage(title: String, kind: String, content: String = "") -> [String: Any] {
        ["title": title, "url": url(outputPath), "kind": kind, "content": content, "toc": [Any](), "hasTOC": false, "params": [String: Any]()]
    }

    func pageValues(_ index: Int) -> [String: Any] {
        let page = model.pages[index]
        var values: [String: Any] = [
            "title": page.title,
            // This page's own file name: `url` is relative to the file being written.
            "url": url(outputPath),
            "kind": page.kind.rawValue,
            "content": page.rendered?.html ?? "",
            "params": page.frontMatter.fields.mapValues(\.templateValue),
        ]
        if !page.summary.isEmpty { values["summary"] = page.summary }
        if let date = page.frontMatter.date { values["date"] = dateValues(date) }
        let toc = (page.rendered?.headings ?? []).filter { (2...3).contains($0.level) }
        values["toc"] = toc.map { ["level": $0.level, "id": $0.id, "text": $0.text] as [String: Any] }
        values["hasTOC"] = toc.count >= 2
        if !page.frontMatter.tags.isEmpty { values["tags"] = page.frontMatter.tags }
        return values
    }

    func dateValues(_ date: PageDate) -> [String: Any] {
        ["iso": date.isoDate, "display": date.chineseDate, "year": date.year]
    }

    /// `{title, url, summary, date}` for lists of pages.
    func entry(_ index: Int) -> [String: Any] {
        let page = model.pages[index]
        var values: [String: Any] = ["title": page.title, "url": url(page.outputPath), "summary": page.summary, "image": false]
        values["date"] = page.frontMatter.date.map(dateValues) ?? false
        return values
    }

    /// `{title, url}` of a neighbour, or `false`: an absent key would let Mustache find an outer `prev`.
    func link(_ index: Int?) -> Any {
        index.map { ["title": model.pages[$0].title, "url": url(model.pages[$0].outputPath)] as [String: Any] } ?? false
    }

    /// `prev` and `next` of a page, each `{title, url}` or `false`.
    func addNeighbours(_ neighbours: (previous: Int?, next: Int?), to context: inout [String: Any]) {
        context["prev"] = link(neighbours.previous)
        context["next"] = link(neighbours.next)
    }

    // MARK: - Pages written in Content/

    func addPage(_ index: Int, to context: inout [String: Any]) {
        let page = model.pages[index]
        context["page"] = pageValues(index)
        switch page.kind {
        case .home: addHome(to: &context)
        case .section: addSectionLists(page.sectionDirectory, to: &context)
        case .page:
            if let order = model.section(of: page)?.pages {
                addNeighbours(order.neighbours(of: order.firstIndex(of: index)), to: &context)
            }
        case .booklet, .brand: addBooklet(page, index, to: &context)
        case .handbook, .handbookPage: addHandbook(page, index, to: &context)
        case .stories:
            // The first index page: the stories on it, not every story of the section in `pages`.
            if let publication = site.publications.storiesIndex(containing: page.sectionDirectory) {
                addStoriesIndex(publication, number: 1, to: &context)
            }
        case .story: addStory(index, to: &context)
        }
    }

    func addSectionPage(_ directory: String, to context: inout [String: Any]) {
        let section = model.sections[directory]!
        var page = syntheticPage(title: directory.isEmpty ? model.config.title : section.title, kind: directory.isEmpty ? "home" : templateKind(of: section))
        addSectionLists(directory, to: &context)
        if directory.isEmpty { addHome(to: &context) }
        if section.publication == .handbook, let handbook = site.publications.handbook(containing: section.publicationDirectory) {
            context["book"] = bookValues(handbook, current: nil, currentDirectory: directory)
            if let chapter = handbook.chapters.first(where: { $0.directory == directory }), let number = chapter.number {
                page["number"] = number
            }
        }
        context["page"] = page
    }

    /// "16 个品牌", "6 章", "14 篇": how a publication counts its entries.
    static func countText(_ count: Int, of publication: PublicationKind?) -> String {
        switch publication {
        case .booklet?: return "\(count) 个品牌"
        case .handbook?: return "\(count) 章"
        case .stories?: return "\(count) 篇故事"
        case nil: return "\(count) 篇"
        }
    }

    func templateKind(of section: SectionNode) -> String {
        section.publication == .handbook ? PageKind.handbookPage.rawValue : PageKind.section.rawValue
    }

    func addSectionLists(_ directory: String, to context: inout [String: Any]) {
        guard let section = model.sections[directory] else { return }
        context["pages"] = section.pages.map(entry)
        context["sections"] = section.subsections.compactMap { child -> [String: Any]? in
            guard let node = model.sections[child] else { return nil }
            return ["title": node.title, "url": url(node.outputPath), "summary": node.indexPage.map { model.pages[$0].summary } ?? ""]
        }
    }

    func addHome(to context: inout [String: Any]) {
        context["publications"] = model.topSections.map { section -> [String: Any] in
            var values: [String: Any] = [
                "title": section.title, "url": url(section.outputPath), "kind": section.publication?.rawValue ?? "section",
                "summary": section.indexPage.map { model.pages[$0].summary } ?? "",
            ]
            var entries: [[String: Any]] = []
            var count = section.pages.count
            switch section.publication {
            case .booklet?:
                if let booklet = site.publications.booklet(containing: section.directory) {
                    count = booklet.brands.count
                    entries = booklet.brands.prefix(6).map { brand in
                        var values = entry(brand.page)
                        if let logo = brand.logoPath { values["image"] = url(logo); values["imageAlt"] = brand.logoAlt }
                        if let slogan = brand.slogan { values["summary"] = slogan }
                        return values
                    }
                }
            case .handbook?:
                if let handbook = site.publications.handbook(containing: section.directory) {
                    count = handbook.chapters.count
                    entries = handbook.chapters.prefix(6).map { chapter in
                        ["title": [chapter.number, chapter.title].compactMap { $0 }.joined(separator: " "), "url": url(chapter.outputPath)]
                    }
                }
            case .stories?:
                if let publication = site.publications.storiesIndex(containing: section.directory) {
                    let stories = site.publications.stories[publication]
                    count = stories.stories.count
                    entries = stories.stories.prefix(6).map { index in
                        var values = entry(index)
                        if let cover = stories.covers[index] {
                            values["image"] = url(cover)
                            values["imageAlt"] = model.pages[index].frontMatter.string("cover_alt") ?? model.pages[index].title
                        }
                        return values
                    }
                }
            case nil:
                entries = section.pages.prefix(6).map(entry)
            }
            values["count"] = count
            values["countText"] = Self.countText(count, of: section.publication)
            values["entries"] = entries
            return values
        }
    }
}
