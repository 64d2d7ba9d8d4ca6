/// The keys of each page's rendered Markdown. `pages`: its text, where it is and goes, the
/// options, and every name its links can resolve to (pages, sections, files, drafts), since a
/// link to a page that was renamed or removed must be resolved (or reported) again; a rendering
/// made under the same key is reused at once. `content`: its text and options and what each of its
/// links and images resolves to now (`contentKey`), which `SiteBuilder.renderMarkdown` fills in;
/// a rendering whose links resolve as they did is reused too, so that a page added or removed
/// does not make every page's Markdown be rendered again. Output files and the print view
/// depend on `content`.
struct MarkdownCacheKeys: Sendable {
    /// By page index.
    let pages: [UInt64]
    /// By page index: the text, the page's path and the options, without the site.
    let texts: [UInt64]
    /// By page index, once the pages are rendered.
    var content: [UInt64] = []

    init(model: SiteModel, options: MarkdownOptions) {
        var flags = StableHash()
        for flag in [options.unsafeHTML, options.siteExtensions, options.cjkFriendlyEmphasis, options.pipeTables] { flags.add(flag) }
        let optionsValue = flags.value
        var site = StableHash()
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
        let keys = ParallelMap.map(count: model.pages.count) { index -> (site: UInt64, text: UInt64) in
            let page = model.pages[index]
            var text = StableHash()
            text.add(optionsValue)
            text.add(page.path)
            text.add(page.source.bodyDigest)
            var hash = StableHash()
            hash.add(siteValue)
            hash.add(text.value)
            return (hash.value, text.value)
        }
        pages = keys.map(\.site)
        texts = keys.map(\.text)
    }

    /// Of a page's text key (`texts`) and what the links and images of its rendering resolve to
    /// by `resolve`: the same as when the rendering was made means the rendering is still right.
    static func contentKey(text: UInt64, references: [LinkReference], resolve: (String) -> LinkResolution) -> UInt64 {
        var hash = StableHash()
        hash.add(text)
        hash.add(references.count)
        for reference in references {
            hash.add(reference.destination)
            switch resolve(reference.destination) {
            case .keep: hash.add(0)
            case .rewrite(let url):
                hash.add(1)
                hash.add(url)
            case .invalid(let message):
                hash.add(2)
                hash.add(message)
            }
        }
        return hash.value
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

    /// The keys the pages' renderings were made under, once they are rendered: what a build in the
    /// same process finds them held under.
    var held: EarlierRenderings.HeldKeys {
        EarlierRenderings.HeldKeys(keys: pages, contentKeys: content)
    }

    /// What the cache keeps of this build's Markdown, by content path, in the pages' order.
    func entries(for model: SiteModel) -> [(path: String, entry: BuildCache.MarkdownEntry)] {
        model.pages.indices.compactMap { index in
            model.pages[index].rendered.map {
                (model.pages[index].path, BuildCache.MarkdownEntry(key: pages[index], contentKey: content[index], rendered: $0))
            }
        }
    }
}
