/// A key per output page that changes whenever its template variables could, computed without
/// building them: the site's listing data (every page's place, title, summary, kind and front
/// matter text, the sections, the files, `site.yml`), the templates the page is made with, and the Markdown of the
/// pages whose bodies the page shows. When a key is the same as in the last build, the page is
/// kept at once; when not, its variables are built and compared by `TemplateInputDigest`.
///
/// The pages of the publications show less of the site, and are keyed by what they show alone:
/// what every page shows (`frameDigest`: `site.yml`, the navigation) and the titles and addresses
/// of the sections their breadcrumbs name, beside
/// - for a story's page, its own listing data, address and cover, its neighbours' listing data and
///   addresses, and its publication's addresses (`storiesFrameDigest`);
/// - for a page of the stories index (the first is the section's `_index.md`) or of a unit or tag,
///   the stories it lists (which, in order, their listing data, addresses and covers), the units
///   and tags with their counts, the index pages and the index page's own listing data;
/// - for a booklet's or handbook's page, its publication's pages and folders
///   (`publicationStructureDigests`), their listing data and the brands' logos.
/// Adding a story then re-keys its neighbour and the lists, not the other publications' pages, and
/// editing one story's title remakes its page, its neighbours', the index page and the unit and
/// tag pages that list it. The other pages depend on the whole site (`structureDigest`).
///
/// The body dependencies must name every page whose `content` or `toc` a job shows; the rebuild
/// tests compare rebuilds against full builds to hold this to the context builders.
enum JobInputKeys {
    /// `structure` is `structureDigest(site.model, injection:)`.
    static func make(site: SiteContext, jobs: [RenderJob], templateForJob: [String], markdown: MarkdownCacheKeys,
                     printKeys: [UInt64], templates: TemplateSet, structure: UInt64, injection: String?) -> [UInt64] {
        let model = site.model
        let pages = model.pages
        let stories = site.publications.stories
        var coverOf = [String?](repeating: nil, count: pages.count)
        for publication in stories {
            for (page, cover) in publication.covers { coverOf[page] = cover }
        }
        // Per page, its listing data, and what other pages show of it: that, its address and cover.
        let covers = coverOf
        let pageDigests = ParallelMap.map(count: pages.count) { page -> (listing: UInt64, shown: UInt64) in
            let listing = listingDigest(of: pages[page])
            var shown = StableHash()
            shown.add(listing)
            shown.add(pages[page].outputPath)
            shown.add(covers[page] ?? "")
            return (listing, shown.value)
        }
        let pageListings = pageDigests.map(\.listing)
        var wholeSite = StableHash()
        wholeSite.add(structure)
        for listing in pageListings { wholeSite.add(listing) }
        let everything = wholeSite.value
        let frame = frameDigest(model, injection: injection)
        let storiesFrames = stories.map(storiesFrameDigest)
        // What every list of a publication's stories shows beside its stories: the index pages and
        // the units and tags with their counts.
        let listFrames = stories.indices.map { publication -> UInt64 in
            var hash = StableHash()
            hash.add(frame)
            hash.add(storiesFrames[publication])
            hash.add(termsDigest(stories[publication]))
            hash.add(stories[publication].pageSize)
            hash.add(stories[publication].indexPaths.count)
            return hash.value
        }
        let publicationOf = publicationDirectories(model)
        let publicationListings = publicationListingDigests(publicationOf, pageListings: pageListings)
        let publicationStructures = publicationStructureDigests(model, publicationOf: publicationOf, booklets: site.publications.booklets)
        @Sendable func addShown(_ page: Int?, to hash: inout StableHash) {
            guard let page else { return hash.add(false) }
            hash.add(true)
            hash.add(pageDigests[page].shown)
        }
        // The sections a page's breadcrumbs name, with their addresses: those of the output folders
        // from the top down to the page's own, per folder.
        let outputPaths = ParallelMap.map(count: jobs.count) { index -> (path: String, folder: String) in
            let path = site.outputPath(of: jobs[index])
            return (path, SitePath.directory(of: path))
        }
        var ancestorDigests: [String: UInt64] = [:]
        for (_, folder) in outputPaths where ancestorDigests[folder] == nil {
            var hash = StableHash()
            var directory = ""
            for part in SitePath.parts(of: folder) {
                directory = SitePath.join(directory, String(part))
                let section = site.sectionsByOutputDirectory[directory].flatMap { model.sections[$0] }
                hash.add(section?.title ?? "")
                hash.add(section?.outputPath ?? "")
            }
            ancestorDigests[folder] = hash.value
        }
        let ancestors = ancestorDigests
        @Sendable func addStoriesList(_ publication: Int, _ shown: ArraySlice<Int>, to hash: inout StableHash) {
            hash.add(listFrames[publication])
            hash.add(shown.count)
            for page in shown { addShown(page, to: &hash) }
        }
        return ParallelMap.map(count: jobs.count) { index in
            var hash = StableHash()
            switch jobs[index] {
            case .page(let page):
                let kind = model.pages[page].kind
                hash.add(kind.rawValue)
                if let (publication, neighbours) = site.publications.story(page, in: model) {
                    hash.add(frame)
                    hash.add(storiesFrames[publication])
                    for shown in [page, neighbours.previous, neighbours.next] { addShown(shown, to: &hash) }
                } else if kind == .stories, let publication = site.publications.storiesIndex(containing: model.pages[page].sectionDirectory) {
                    addShown(page, to: &hash)
                    addStoriesList(publication, stories[publication].storiesOnIndexPage(1), to: &hash)
                } else if [.booklet, .brand, .handbook, .handbookPage].contains(kind), let directory = publicationOf[page],
                          let listing = publicationListings[directory], let publicationStructure = publicationStructures[directory] {
                    hash.add(frame)
                    hash.add(publicationStructure)
                    hash.add(listing)
                } else {
                    hash.add(everything)
                }
            case .storiesIndex(let publication, let number):
                addShown(stories[publication].indexPage, to: &hash)
                addStoriesList(publication, stories[publication].storiesOnIndexPage(number), to: &hash)
            case .taxonomy(let publication, let taxonomy, let term):
                addStoriesList(publication, stories[publication].terms(taxonomy)[term].stories[...], to: &hash)
            case .sectionPage, .taxonomyList, .handbookPrint, .search, .notFound:
                hash.add(everything)
            }
            hash.add(outputPaths[index].path)
            hash.add(ancestors[outputPaths[index].folder] ?? 0)
            hash.add(templateForJob[index])
            hash.add(templates.digest(for: templateForJob[index]))
            switch jobs[index] {
            case .page(let page):
                hash.add(markdown.content[page])
            case .storiesIndex(let publication, _):
                if let page = stories[publication].indexPage { hash.add(markdown.content[page]) }
            case .handbookPrint(let publication):
                hash.add(printKeys[publication])
            case .sectionPage, .taxonomy, .taxonomyList, .search, .notFound:
                break
            }
            return hash.value
        }
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
            let publication = [.booklet, .handbook].contains(section?.publication) ? section?.publicationDirectory : nil
            last = (page.sectionDirectory, publication)
            return publication
        }
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
            guard [.booklet, .handbook].contains(section.publication), let publicationDirectory = section.publicationDirectory else { continue }
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
        hash.add(page.summary)
        hash.add(page.source.frontMatterDigest)
        return hash.value
    }

    /// Everything about the site that any page may show or link but its pages' titles, summaries,
    /// front matter and bodies: every page's place and kind, the sections, the files, `site.yml`.
    /// Of the sections' titles only the top sections' (every page's navigation) are in it: a
    /// section's title is its section page's title, or its folder's name, and a page shows other
    /// sections' titles only in its breadcrumbs (`ancestorTitles`), or as listing data, which its
    /// key has when it shows it. A chapter's new title then does not make every page's key new.
    static func structureDigest(_ model: SiteModel, injection: String?) -> UInt64 {
        var hash = StableHash()
        hash.add(injection ?? "")
        hash.add(model.configDigest)
        hash.add(model.pages.count)
        for page in model.pages { hash.add(place: page) }
        for directory in model.sections.keys.sorted() { hash.add(section: model.sections[directory]!, model: model) }
        for section in [model.root].compactMap({ $0 }) + model.topSections { hash.add(section.title) }
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
