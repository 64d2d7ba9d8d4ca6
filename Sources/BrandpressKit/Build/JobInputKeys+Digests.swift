/// The digests `JobInputKeys` makes its keys of: what parts of the site a page can show.
extension JobInputKeys {
    /// Per page, its listing data, and what other pages show of it: that, its address and, for a
    /// story, its cover.
    static func pageDigests(_ model: SiteModel, stories: [Stories]) -> [(listing: UInt64, shown: UInt64)] {
        var coverOf = [String?](repeating: nil, count: model.pages.count)
        for publication in stories {
            for (page, cover) in publication.covers { coverOf[page] = cover }
        }
        let pages = model.pages, covers = coverOf
        return ParallelMap.map(count: pages.count) { page -> (listing: UInt64, shown: UInt64) in
            let listing = listingDigest(of: pages[page])
            var shown = StableHash()
            shown.add(listing)
            shown.add(pages[page].outputPath)
            shown.add(covers[page] ?? "")
            return (listing, shown.value)
        }
    }

    /// Per output folder, the titles and addresses of the sections a page's breadcrumbs name there:
    /// those of the folders from the top down to it.
    static func breadcrumbDigests(_ site: SiteContext, folders: [String]) -> [String: UInt64] {
        var digests: [String: UInt64] = [:]
        for folder in folders where digests[folder] == nil {
            var hash = StableHash()
            var directory = ""
            for part in SitePath.parts(of: folder) {
                directory = SitePath.join(directory, String(part))
                let section = site.sectionsByOutputDirectory[directory].flatMap { site.model.sections[$0] }
                hash.add(section?.title ?? "")
                hash.add(section?.outputPath ?? "")
            }
            digests[folder] = hash.value
        }
        return digests
    }

    /// Per publication folder, the listing data of its pages: all that a booklet's or handbook's
    /// pages show of other pages (brands, their order and neighbours; the book's contents, numbers
    /// and reading order).
    static func publicationListingDigests(_ publicationOf: [String?], pageListings: [UInt64]) -> [String: UInt64] {
        var hashes: [String: StableHash] = [:]
        for (page, directory) in publicationOf.enumerated() {
            guard let directory else { continue }
            hashes[directory, default: StableHash()].add(pageListings[page])
        }
        return hashes.mapValues(\.value)
    }

    /// Per page, the folder of the booklet or handbook it is part of (nil for other pages: the
    /// stories' keys name what they show page by page).
    static func publicationDirectories(_ model: SiteModel) -> [String?] {
        // Neighbouring pages are mostly in one folder: its section is looked up once.
        var last: (sectionDirectory: String, publication: String?)?
        return model.pages.map { page in
            if let last, last.sectionDirectory == page.sectionDirectory { return last.publication }
            let section = model.sections[page.sectionDirectory]
            let publication = section.flatMap { isKeyedWhole($0) ? $0.publicationDirectory : nil }
            last = (page.sectionDirectory, publication)
            return publication
        }
    }

    /// Whether a folder is part of a booklet or handbook, whose pages are keyed by their whole
    /// publication (`publicationDirectories` and `publicationStructureDigests` must agree).
    private static func isKeyedWhole(_ section: SectionNode) -> Bool {
        section.publication == .booklet || section.publication == .handbook
    }

    /// Per publication folder, its pages' places and kinds and its folders, which make the order,
    /// numbers and contents its pages show; for a booklet, its brands' logos too. Pages are named
    /// by their paths, not their numbers, which pages added before the publication move.
    static func publicationStructureDigests(_ model: SiteModel, publicationOf: [String?], booklets: [Booklet]) -> [String: UInt64] {
        var hashes: [String: StableHash] = [:]
        for (page, directory) in publicationOf.enumerated() {
            guard let directory else { continue }
            hashes[directory, default: StableHash()].add(place: model.pages[page])
        }
        for directory in model.sections.keys.sorted() {
            let section = model.sections[directory]!
            guard isKeyedWhole(section), let publicationDirectory = section.publicationDirectory else { continue }
            hashes[publicationDirectory, default: StableHash()].add(section: section, model: model)
        }
        for booklet in booklets {
            hashes[booklet.directory, default: StableHash()].add(booklet.brands.count)
            for brand in booklet.brands { hashes[booklet.directory, default: StableHash()].add(brand.logoPath ?? "") }
        }
        return hashes.mapValues(\.value)
    }

    /// What every page shows of the site: `site.yml`, the script `serve` injects, and the
    /// navigation (the top sections' titles and addresses).
    static func frameDigest(_ model: SiteModel, injection: String?) -> UInt64 {
        var hash = StableHash()
        hash.add(injection ?? "")
        hash.add(model.configDigest)
        hash.add(model.root?.title ?? "")
        hash.add(model.topSections.count)
        for section in model.topSections {
            hash.add(section.directory)
            hash.add(section.title)
        }
        return hash.value
    }

    /// The addresses every page of a publication of stories links: its first index page, the lists
    /// of units and tags, the feed, and the folders whose pages share story cards. (How many index
    /// pages there are only its lists show.)
    static func storiesFrameDigest(_ stories: Stories) -> UInt64 {
        var hash = StableHash()
        hash.add(stories.directory)
        for path in stories.indexPaths.prefix(1) + [stories.unitsPath, stories.tagsPath, stories.feedPath] + stories.cardSharingFolders {
            hash.add(path)
        }
        return hash.value
    }

    /// What every list of a publication's stories shows beside the stories: the frame, the
    /// publication's addresses, the index pages and the units and tags with their counts.
    static func listFrameDigest(_ stories: Stories, storiesFrame: UInt64, frame: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.add(frame)
        hash.add(storiesFrame)
        hash.add(termsDigest(stories))
        hash.add(stories.pageSize)
        hash.add(stories.indexPaths.count)
        return hash.value
    }

    /// The units and tags of a publication of stories, with how many stories each has: every page
    /// of the index and of a unit or tag lists them.
    static func termsDigest(_ stories: Stories) -> UInt64 {
        var hash = StableHash()
        for terms in [stories.units, stories.tags] {
            hash.add(terms.count)
            for term in terms {
                hash.add(term.name)
                hash.add(term.outputPath)
                hash.add(term.stories.count)
            }
        }
        return hash.value
    }

    /// What lists and links show of one page: its title, summary and front matter, beside its place.
    static func listingDigest(of page: Page) -> UInt64 {
        var hash = StableHash()
        hash.add(page.path)
        hash.add(page.title)
        hash.add(page.summaryDigest)
        hash.add(page.source.frontMatterDigest)
        return hash.value
    }

    /// Everything about the site that any page may show or link but its pages' titles, summaries,
    /// front matter and bodies: what every page shows (`frameDigest`), every page's place and kind,
    /// the sections, the files. Of the sections' titles only the top sections' (in the frame) are
    /// in it: a section's title is its section page's title, or its folder's name, and a page shows
    /// other sections' titles only in its breadcrumbs (`breadcrumbDigests`), or as listing data,
    /// which its key has when it shows it. A chapter's new title then does not make every page's
    /// key new.
    static func structureDigest(_ model: SiteModel, injection: String?) -> UInt64 {
        var hash = StableHash()
        hash.add(frameDigest(model, injection: injection))
        hash.add(model.pages.count)
        for page in model.pages { hash.add(place: page) }
        for directory in model.sections.keys.sorted() { hash.add(section: model.sections[directory]!, model: model) }
        hash.add(model.assets.count)
        for asset in model.assets { hash.add(asset) }
        for draft in model.omittedDrafts.sorted() { hash.add(draft) }
        return hash.value
    }
}

private extension StableHash {
    /// A page's place in the site: where it is and is written, and what it is.
    mutating func add(place page: Page) {
        add(page.path)
        add(page.outputPath)
        add(page.kind.rawValue)
        add(page.sectionDirectory)
        add(page.isSectionIndex)
    }

    /// A folder of pages: its page, what publication it is part of, and its pages and folders in
    /// order (by path). Not its title, which is its section page's or its folder's name.
    mutating func add(section: SectionNode, model: SiteModel) {
        add(section.directory)
        add(section.indexPage.map { model.pages[$0].path } ?? "")
        add(section.publication?.rawValue ?? "")
        add(section.publicationDirectory ?? "")
        add(section.entries.count)
        for entry in section.entries {
            switch entry {
            case .page(let index): add(model.pages[index].path)
            case .section(let child): add(child)
            }
        }
    }
}
