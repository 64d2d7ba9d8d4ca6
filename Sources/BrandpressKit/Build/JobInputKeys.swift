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
        let stories = site.publications.stories
        let pageDigests = Self.pageDigests(model, stories: stories)
        let pageListings = pageDigests.map(\.listing)
        var wholeSite = StableHash()
        wholeSite.add(structure)
        for listing in pageListings { wholeSite.add(listing) }
        let everything = wholeSite.value
        let frame = frameDigest(model, injection: injection)
        let storiesFrames = stories.map(storiesFrameDigest)
        let listFrames = stories.indices.map { listFrameDigest(stories[$0], storiesFrame: storiesFrames[$0], frame: frame) }
        let publicationOf = publicationDirectories(model)
        let publicationListings = publicationListingDigests(publicationOf, pageListings: pageListings)
        let publicationStructures = publicationStructureDigests(model, publicationOf: publicationOf, booklets: site.publications.booklets)
        @Sendable func addShown(_ page: Int?, to hash: inout StableHash) {
            guard let page else { return hash.add(false) }
            hash.add(true)
            hash.add(pageDigests[page].shown)
        }
        let outputPaths = ParallelMap.map(count: jobs.count) { index -> (path: String, folder: String) in
            let path = site.outputPath(of: jobs[index])
            return (path, SitePath.directory(of: path))
        }
        let ancestors = breadcrumbDigests(site, folders: outputPaths.map(\.folder))
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
}
