/// The key each page's rendered Markdown is cached under: its text, where it is and goes, the
/// options, and every name its links can resolve to (pages, sections, files, drafts), since a
/// link to a page that was renamed or removed must be resolved (or reported) again.
struct MarkdownCacheKeys: Sendable {
    /// By page index.
    let pages: [UInt64]

    init(model: SiteModel, options: MarkdownOptions) {
        var site = StableHash()
        for flag in [options.unsafeHTML, options.siteExtensions, options.cjkFriendlyEmphasis, options.pipeTables] { site.add(flag) }
        for page in model.pages {
            site.add(page.path)
            site.add(page.outputPath)
        }
        for directory in model.sections.keys.sorted() {
            site.add(directory)
            site.add(model.sections[directory]!.outputPath)
        }
        for path in model.assetPaths.sorted() { site.add(path) }
        for path in model.omittedDrafts.sorted() { site.add(path) }
        let siteValue = site.value
        pages = ParallelMap.map(count: model.pages.count) { index in
            let page = model.pages[index]
            var hash = StableHash()
            hash.add(siteValue)
            hash.add(page.path)
            hash.add(page.source.bodyDigest)
            return hash.value
        }
    }

    /// The print view renders a handbook page again with in-book links turned into anchors: its key
    /// adds the print page and the pages that are in the book.
    static func printKey(_ pageKey: UInt64, printPath: String, bookDigest: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.add(pageKey)
        hash.add(printPath)
        hash.add(bookDigest)
        return hash.value
    }

    /// What the cache keeps of this build's Markdown, by content path, in the pages' order.
    func entries(for model: SiteModel) -> [(path: String, entry: BuildCache.MarkdownEntry)] {
        model.pages.indices.compactMap { index in
            model.pages[index].rendered.map { (model.pages[index].path, BuildCache.MarkdownEntry(key: pages[index], rendered: $0)) }
        }
    }
}
