/// Where a build finds the Markdown an earlier build rendered: the build cache's table (`build`),
/// or under `serve` the last build's pages themselves, which hold their renderings already
/// (copying 10,000 of them into a table after every rebuild, and letting the table go at the
/// next, was a sixth of a one-story rebuild's CPU).
struct EarlierRenderings: Sendable {
    var table: [String: BuildCache.MarkdownEntry] = [:]
    var pages: RenderedPages?

    /// A build's pages, and the key each one's rendering was made under (`MarkdownCacheKeys.pages`).
    struct RenderedPages: Sendable {
        var model: SiteModel
        var keys: [UInt64]
    }

    /// The rendering of the page at `path` made under `key`, if there is one.
    func rendering(of path: String, key: UInt64) -> RenderedMarkdown? {
        if let entry = table[path], entry.key == key { return entry.rendered }
        guard let pages, let index = pages.model.pageIndexByPath[path], pages.keys[index] == key else { return nil }
        return pages.model.pages[index].rendered
    }
}
