/// A key per output page that changes whenever its template variables could, computed without
/// building them: the site's listing data (every page's place, title, summary, kind and front
/// matter text, the sections, the files, `site.yml`), the templates the page is made with, and the Markdown of the
/// pages whose bodies the page shows. When a key is the same as in the last build, the page is
/// kept at once; when not, its variables are built and compared by `TemplateInputDigest`.
///
/// Pages of stories show less of other pages, and are keyed by what they show alone, beside the
/// site's structure (sections, paths, files, settings: `structureDigest`): a story's page by its own
/// listing data and its neighbours'; a page of the stories index (the first is the section's
/// `_index.md`) or of a unit or tag by the stories it lists (which, in order, and their listing
/// data), the units and tags with their counts, and the index page's own. Editing one story's
/// title then remakes its page, its neighbours', the index page and the unit and tag pages that
/// list it, not every page of the site. A booklet's or handbook's pages are keyed by the listing
/// data of their publication's pages alone.
///
/// The body dependencies must name every page whose `content` or `toc` a job shows; the rebuild
/// tests compare rebuilds against full builds to hold this to the context builders.
enum JobInputKeys {
    /// `structure` is `structureDigest(site.model, injection:)`.
    static func make(site: SiteContext, jobs: [RenderJob], templateForJob: [String], markdown: MarkdownCacheKeys,
                     printKeys: [UInt64], templates: TemplateSet, structure: UInt64) -> [UInt64] {
        let model = site.model
        let pageListings = model.pages.map(listingDigest(of:))
        var everything = StableHash()
        everything.add(structure)
        for listing in pageListings { everything.add(listing) }
        let terms = site.publications.stories.map(termsDigest)
        let publicationListings = publicationListingDigests(model, pageListings: pageListings)
        func addListings(of shown: [Int?], to hash: inout StableHash) {
            hash.add(shown.count)
            for page in shown {
                hash.add(page ?? -1)
                hash.add(page.map { pageListings[$0] } ?? 0)
            }
        }
        var ancestorDigests: [String: UInt64] = [:]
        /// The titles of the sections a page's breadcrumbs name: those of the output folders from
        /// the top down to the page's own.
        func ancestorTitles(_ outputDirectory: String) -> UInt64 {
            if let known = ancestorDigests[outputDirectory] { return known }
            var hash = StableHash()
            var directory = ""
            for part in SitePath.parts(of: outputDirectory) {
                directory = SitePath.join(directory, String(part))
                hash.add(site.sectionsByOutputDirectory[directory].flatMap { model.sections[$0]?.title } ?? "")
            }
            ancestorDigests[outputDirectory] = hash.value
            return hash.value
        }
        func addStoriesIndex(_ publication: Int, number: Int, to hash: inout StableHash) {
            let stories = site.publications.stories[publication]
            hash.add(structure)
            hash.add(terms[publication])
            hash.add(stories.pageSize)
            hash.add(stories.indexPaths.count)
            addListings(of: [stories.indexPage] + stories.storiesOnIndexPage(number).map(Optional.some), to: &hash)
        }
        return jobs.indices.map { index in
            var hash = StableHash()
            switch jobs[index] {
            case .page(let page):
                if let (_, neighbours) = site.publications.story(page, in: model) {
                    hash.add(structure)
                    addListings(of: [page, neighbours.previous, neighbours.next], to: &hash)
                } else if model.pages[page].kind == .stories,
                          let publication = site.publications.storiesIndex(containing: model.pages[page].sectionDirectory) {
                    addStoriesIndex(publication, number: 1, to: &hash)
                } else if [.booklet, .brand, .handbook, .handbookPage].contains(model.pages[page].kind),
                          let directory = model.sections[model.pages[page].sectionDirectory]?.publicationDirectory,
                          let listing = publicationListings[directory] {
                    hash.add(structure)
                    hash.add(listing)
                } else {
                    hash.add(everything.value)
                }
            case .storiesIndex(let publication, let number):
                addStoriesIndex(publication, number: number, to: &hash)
            case .taxonomy(let publication, let taxonomy, let term):
                let stories = site.publications.stories[publication]
                hash.add(structure)
                hash.add(terms[publication])
                addListings(of: stories.terms(taxonomy)[term].stories.map(Optional.some), to: &hash)
            case .sectionPage, .taxonomyList, .handbookPrint, .search, .notFound:
                hash.add(everything.value)
            }
            let outputPath = site.outputPath(of: jobs[index])
            hash.add(outputPath)
            hash.add(ancestorTitles(SitePath.directory(of: outputPath)))
            hash.add(templateForJob[index])
            hash.add(templates.digest(for: templateForJob[index]))
            switch jobs[index] {
            case .page(let page):
                hash.add(markdown.content[page])
            case .storiesIndex(let publication, _):
                if let page = site.publications.stories[publication].indexPage { hash.add(markdown.content[page]) }
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
    static func publicationListingDigests(_ model: SiteModel, pageListings: [UInt64]) -> [String: UInt64] {
        var hashes: [String: StableHash] = [:]
        for (index, page) in model.pages.enumerated() {
            guard let directory = model.sections[page.sectionDirectory]?.publicationDirectory else { continue }
            hashes[directory, default: StableHash()].add(index)
            hashes[directory, default: StableHash()].add(pageListings[index])
        }
        return hashes.mapValues(\.value)
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
        for page in model.pages {
            hash.add(page.path)
            hash.add(page.outputPath)
            hash.add(page.kind.rawValue)
            hash.add(page.sectionDirectory)
            hash.add(page.isSectionIndex)
        }
        for directory in model.sections.keys.sorted() {
            let section = model.sections[directory]!
            hash.add(directory)
            hash.add(section.indexPage ?? -1)
            hash.add(section.publication?.rawValue ?? "")
            hash.add(section.publicationDirectory ?? "")
            hash.add(section.entries.count)
            for entry in section.entries {
                switch entry {
                case .page(let index): hash.add(index)
                case .section(let child): hash.add(child)
                }
            }
        }
        for section in [model.root].compactMap({ $0 }) + model.topSections { hash.add(section.title) }
        hash.add(model.assets.count)
        for asset in model.assets { hash.add(asset) }
        for draft in model.omittedDrafts.sorted() { hash.add(draft) }
        return hash.value
    }
}
