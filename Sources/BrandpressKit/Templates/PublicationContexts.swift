/// Variables of the three publications' pages (see README, "Templates").
extension PageContextBuilder {
    // MARK: - Booklet

    func addBooklet(_ page: Page, _ index: Int, to context: inout [String: Any]) {
        let directory = model.sections[page.sectionDirectory]?.publicationDirectory
        guard let booklet = site.publications.booklet(containing: directory) else { return }
        context["booklet"] = ["title": booklet.title, "url": url(booklet.outputPath)] as [String: Any]
        // Only the front page lists every brand; on each brand's own page it would make the build quadratic.
        if page.kind == .booklet { context["brands"] = booklet.brands.map(brandValues) }
        guard let brand = booklet.brands.first(where: { $0.page == index }) else { return }
        context["brand"] = brandValues(brand)
        let (previous, next) = booklet.brands.neighbours(of: booklet.brands.firstIndex { $0.page == index })
        addNeighbours((previous?.page, next?.page), to: &context)
    }

    func brandValues(_ brand: Booklet.Brand) -> [String: Any] {
        var values: [String: Any] = [
            "number": brand.number, "name": brand.name, "brand": brand.name, "title": model.pages[brand.page].title,
            "url": url(model.pages[brand.page].outputPath), "logoAlt": brand.logoAlt,
            "plan": brand.plan.map { ["key": $0.key, "label": $0.label, "text": $0.text] as [String: Any] },
        ]
        values["unit"] = brand.unit ?? ""
        values["logo"] = brand.logoPath.map(url) ?? false
        values["slogan"] = brand.slogan ?? false
        values["meaning"] = brand.meaning ?? false
        values["hasPlan"] = !brand.plan.isEmpty
        return values
    }

    // MARK: - Handbook

    func addHandbook(_ page: Page, _ index: Int, to context: inout [String: Any]) {
        let directory = model.sections[page.sectionDirectory]?.publicationDirectory
        guard let handbook = site.publications.handbook(containing: directory) else { return }
        context["book"] = bookValues(handbook, current: index, currentDirectory: page.isSectionIndex ? page.sectionDirectory : nil)
        if let number = handbook.numberByPage[index], var values = context["page"] as? [String: Any] {
            values["number"] = number
            context["page"] = values
        }
        addNeighbours(handbook.readingOrder.neighbours(of: handbook.readingOrder.firstIndex(of: index)), to: &context)
    }

    func bookValues(_ handbook: Handbook, current: Int?, currentDirectory: String?) -> [String: Any] {
        let renderEntries = site.fragments.renders("tocEntry")
        let chapters = handbook.chapters.enumerated().map { chapterIndex, chapter -> Any in
            let isCurrent = (current != nil && chapter.page == current) || (currentDirectory != nil && chapter.directory == currentDirectory)
            let isOpen = isCurrent || chapter.sections.contains { $0.page == current }
            func values() -> [String: Any] {
                // Every entry has a `number`, empty when unnumbered: Mustache would otherwise find the chapter's.
                let sections = chapter.sections.map { section -> [String: Any] in
                    ["title": section.title, "url": url(section.outputPath), "current": section.page == current, "number": section.number ?? ""]
                }
                var values: [String: Any] = [
                    "title": chapter.title, "url": url(chapter.outputPath), "current": isCurrent,
                    "open": isOpen, "sections": sections, "number": chapter.number ?? "",
                ]
                if renderEntries {
                    values["tocEntry"] = site.fragments.render(variable: "tocEntry", context: fragmentContext(values))
                }
                return values
            }
            // A closed chapter's variables depend only on the chapter and this page's folder.
            guard !isOpen else { return values() }
            let scope = "\(handbook.directory)\u{0}\(chapterIndex)\u{0}\(SitePath.directory(of: outputPath))"
            return site.fragments.values(for: SharedFragments.Key(kind: "book-chapter", scope: scope), make: values)
        }
        return ["title": handbook.title, "url": url(handbook.outputPath), "printURL": url(handbook.printPath), "chapters": chapters]
    }

    func addHandbookPrint(_ publication: Int, to context: inout [String: Any]) {
        let handbook = site.publications.handbooks[publication]
        let contents = site.printContents[publication]
        var page = syntheticPage(title: handbook.title, kind: "handbook-print", content: handbook.indexPage.flatMap { contents[$0] } ?? "")
        if let index = handbook.indexPage, !model.pages[index].summary.isEmpty { page["summary"] = model.pages[index].summary }
        context["page"] = page
        context["book"] = bookValues(handbook, current: nil, currentDirectory: nil)
        context["chapters"] = handbook.chapters.map { chapter -> [String: Any] in
            var values: [String: Any] = [
                "title": chapter.title, "id": PrintView.anchor(for: chapter.outputPath),
                "content": chapter.page.flatMap { contents[$0] } ?? "",
                "sections": chapter.sections.map { section -> [String: Any] in
                    var values: [String: Any] = ["title": section.title, "id": PrintView.anchor(for: section.outputPath), "content": contents[section.page] ?? ""]
                    if let number = section.number { values["number"] = number }
                    return values
                },
            ]
            if let number = chapter.number { values["number"] = number }
            return values
        }
    }

    // MARK: - Stories

    func storyValues(_ index: Int, in stories: Stories) -> [String: Any] {
        let page = model.pages[index]
        var values = entry(index)
        values["unit"] = false
        values["unitURL"] = false
        if let unit = page.frontMatter.string("unit")?.trimmingWhitespace(), !unit.isEmpty {
            values["unit"] = unit
            if let path = stories.unitPaths[unit] { values["unitURL"] = url(path) }
        }
        values["author"] = page.frontMatter.string("author").flatMap { $0.isEmpty ? nil : $0 } ?? false
        values["cover"] = stories.covers[index].map(url) ?? false
        values["coverAlt"] = page.frontMatter.string("cover_alt") ?? page.title
        values["tags"] = page.frontMatter.tags.compactMap { tag -> [String: Any]? in
            stories.tagPaths[tag].map { ["name": tag, "url": url($0)] }
        }
        return values
    }

    /// A story as an entry of a list, with its `card` rendered from `partials/story-card` (its own
    /// variables and the site's, no page's). A story appears on the page of each of its tags, of
    /// its unit and on an index page after the first, all in three sibling folders, so there its
    /// card is rendered once per distinct variables it can show (its unit's and tags' links differ
    /// between the folders, and the shipped card shows neither) and shared; elsewhere each story
    /// is listed once in a folder and its card is not kept.
    func storyEntry(_ index: Int, in stories: Stories, shareCard: Bool, withoutTermLinks: Bool = false) -> [String: Any] {
        var values = storyValues(index, in: stories)
        if withoutTermLinks {
            for name in SharedFragments.termLinkValues { values[name] = nil }
        }
        let fragments = site.fragments
        guard fragments.renders("card") else { return values }
        func render() -> String { fragments.render(variable: "card", context: fragmentContext(values)) }
        if shareCard, let digest = fragments.digest(ofValuesSeenBy: "card", in: values) {
            values["card"] = fragments.text(for: SharedFragments.Key(kind: SharedFragments.storyCard, scope: "\(digest)\u{0}\(root)"), make: render)
        } else {
            values["card"] = render()
        }
        return values
    }

    func addStoriesCommon(_ stories: Stories, to context: inout [String: Any], withTermLists: Bool = true) {
        context["unitsURL"] = url(stories.unitsPath)
        context["tagsURL"] = url(stories.tagsPath)
        context["storiesURL"] = url(stories.indexPaths[0])
        if model.config.baseURL != nil { context["feedURL"] = url(stories.feedPath) }
        // A story page does not list every unit and tag: thousands of stories would each pay for it.
        guard withTermLists else { return }
        func termValues(_ terms: [Stories.Term]) -> [Any] {
            terms.map { ["name": $0.name, "url": url($0.outputPath), "count": $0.stories.count] as [String: Any] }
        }
        // Every index page of the stories is in one folder and shows the same lists: made once per folder.
        let scope = "\(stories.directory)\u{0}\(SitePath.directory(of: outputPath))"
        let fragments = site.fragments
        // The lists rendered from `partials/term-chips` once per folder, not on each index page.
        for (name, chips, terms) in [("units", "unitChips", stories.units), ("tags", "tagChips", stories.tags)] {
            let list = fragments.list(for: SharedFragments.Key(kind: name, scope: scope)) { termValues(terms) }
            context[name] = list
            context[chips] = fragments.text(for: SharedFragments.Key(kind: chips, scope: scope)) {
                fragments.render(variable: chips, context: fragmentContext(["terms": list]))
            }
        }
    }

    func addStoriesIndex(_ publication: Int, number: Int, to context: inout [String: Any]) {
        let stories = site.publications.stories[publication]
        addStoriesCommon(stories, to: &context)
        if context["page"] == nil {
            var page = stories.indexPage.map(pageValues) ?? syntheticPage(title: stories.title, kind: "stories")
            page["title"] = "\(stories.title)（第\(number)页）"
            context["page"] = page
        }
        // Page 1 is in the folder of the stories themselves, whose cards no other page shows.
        context["stories"] = stories.storiesOnIndexPage(number).map { index -> Any in
            job.sharesStoryCards ? sharedStoryEntry(index, in: stories, template: PageKind.stories.rawValue) : storyEntry(index, in: stories, shareCard: false)
        }
        let total = stories.indexPaths.count
        var pagination: [String: Any] = [
            "current": number, "total": total,
            "pages": Self.pageWindow(current: number, total: total).map { shown -> [String: Any] in
                guard let shown else { return ["gap": true, "current": false] }
                return ["number": shown, "url": url(stories.indexPaths[shown - 1]), "current": shown == number, "gap": false]
            },
        ]
        pagination["prev"] = number > 1 ? url(stories.indexPaths[number - 2]) : false
        pagination["next"] = number < total ? url(stories.indexPaths[number]) : false
        pagination["multiple"] = total > 1
        context["pagination"] = pagination
    }

    /// The page numbers a pager shows: the first, the last and two either side of the current one;
    /// nil where numbers are left out. Listing every page on every page would make big sites quadratic.
    static func pageWindow(current: Int, total: Int) -> [Int?] {
        let shown = Set([1, total] + Array(max(1, current - 2)...min(total, current + 2))).sorted()
        var window: [Int?] = []
        for number in shown {
            if let last = window.last ?? nil, number > last + 1 { window.append(nil) }
            window.append(number)
        }
        return window
    }

    /// What a story's page shows of other pages is its neighbours' titles: `JobInputKeys` keys the
    /// page by those alone (with the site's structure), so keep the two in step.
    func addStory(_ index: Int, to context: inout [String: Any]) {
        guard let (publication, neighbours) = site.publications.story(index, in: model) else { return }
        let stories = site.publications.stories[publication]
        addStoriesCommon(stories, to: &context, withTermLists: false)
        context["story"] = storyValues(index, in: stories)
        addNeighbours(neighbours, to: &context)
    }

    func addTaxonomy(_ publication: Int, _ taxonomy: RenderJob.Taxonomy, _ termIndex: Int, to context: inout [String: Any]) {
        let stories = site.publications.stories[publication]
        let term = stories.terms(taxonomy)[termIndex]
        let kind = taxonomy == .units ? "单位" : "标签"
        addStoriesCommon(stories, to: &context)
        context["page"] = syntheticPage(title: "\(kind)：\(term.name)", kind: "taxonomy")
        context["term"] = ["name": term.name, "kind": kind, "count": term.stories.count]
        context["stories"] = term.stories.map { sharedStoryEntry($0, in: stories, template: SiteContext.taxonomyTemplate) }
    }

    /// A story's entry on a page that shares story cards (`RenderJob.sharesStoryCards`). A story is
    /// on its unit's page, on each of its tags' pages and on an index page, in three sibling folders.
    /// Its entry differs between them only in the links to its unit's and tags' pages: when the
    /// page's template (`template`) names neither, the entry is made (and digested) once, without them.
    func sharedStoryEntry(_ index: Int, in stories: Stories, template: String) -> Any {
        func isOutsideSharingFolders(_ sitePath: String?) -> Bool {
            sitePath.map { path in !stories.cardSharingFolders.contains { path.hasPrefix($0) } } ?? true
        }
        guard site.fragments.sharesStoryEntries(onPagesOf: template),
              isOutsideSharingFolders(model.pages[index].outputPath), isOutsideSharingFolders(stories.covers[index]) else {
            return storyEntry(index, in: stories, shareCard: true)
        }
        let parentFolder = SitePath.directory(of: SitePath.directory(of: outputPath))
        return site.fragments.values(for: SharedFragments.Key(kind: SharedFragments.storyEntry, scope: "\(index)\u{0}\(parentFolder)")) {
            storyEntry(index, in: stories, shareCard: true, withoutTermLinks: true)
        }
    }

    func addTaxonomyList(_ publication: Int, _ taxonomy: RenderJob.Taxonomy, to context: inout [String: Any]) {
        let stories = site.publications.stories[publication]
        addStoriesCommon(stories, to: &context)
        let kind = taxonomy == .units ? "单位" : "标签"
        context["page"] = syntheticPage(title: "按\(kind)浏览", kind: "taxonomy-list")
        context["term"] = ["kind": kind] as [String: Any]
        context["terms"] = taxonomy == .units ? context["units"] : context["tags"]
    }
}
