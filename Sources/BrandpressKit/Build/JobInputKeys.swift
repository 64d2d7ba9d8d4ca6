/// A key per output page that changes whenever its template variables could, computed without
/// building them: the site's listing data (every page's place, title, summary, kind and front
/// matter text, the sections, the files, `site.yml`), the templates the page is made with, and the Markdown of the
/// pages whose bodies the page shows. When a key is the same as in the last build, the page is
/// kept at once; when not, its variables are built and compared by `TemplateInputDigest`.
///
/// The body dependencies must name every page whose `content` or `toc` a job shows; the rebuild
/// tests compare rebuilds against full builds to hold this to the context builders.
enum JobInputKeys {
    static func make(site: SiteContext, jobs: [RenderJob], templateForJob: [String], markdown: MarkdownCacheKeys,
                     printKeys: [UInt64], templates: TemplateSet, injection: String?) -> [UInt64] {
        let listing = listingDigest(site.model, injection: injection)
        return jobs.indices.map { index in
            var hash = StableHash()
            hash.add(listing)
            hash.add(site.outputPath(of: jobs[index]))
            hash.add(templateForJob[index])
            hash.add(templates.digest(for: templateForJob[index]))
            switch jobs[index] {
            case .page(let page):
                hash.add(markdown.pages[page])
            case .storiesIndex(let publication, _):
                if let page = site.publications.stories[publication].indexPage { hash.add(markdown.pages[page]) }
            case .handbookPrint(let publication):
                hash.add(printKeys[publication])
            case .sectionPage, .taxonomy, .taxonomyList, .search, .notFound:
                break
            }
            return hash.value
        }
    }

    /// Everything about the site that any page may list or link, but no page body.
    static func listingDigest(_ model: SiteModel, injection: String?) -> UInt64 {
        var hash = StableHash()
        hash.add(injection ?? "")
        hash.add(model.configDigest)
        hash.add(model.pages.count)
        for page in model.pages {
            hash.add(page.path)
            hash.add(page.outputPath)
            hash.add(page.title)
            hash.add(page.kind.rawValue)
            hash.add(page.sectionDirectory)
            hash.add(page.isSectionIndex)
            hash.add(page.summary)
            hash.add(page.source.frontMatterDigest)
        }
        for directory in model.sections.keys.sorted() {
            let section = model.sections[directory]!
            hash.add(directory)
            hash.add(section.title)
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
        hash.add(model.assets.count)
        for asset in model.assets { hash.add(asset) }
        for draft in model.omittedDrafts.sorted() { hash.add(draft) }
        return hash.value
    }
}
