/// Where a build finds the Markdown an earlier build rendered: the build cache's table (`build`),
/// or under `serve` the last build's pages themselves, which hold their renderings already
/// (copying 10,000 of them into a table after every rebuild, and letting the table go at the
/// next, was a sixth of a one-story rebuild's CPU).
struct EarlierRenderings: Sendable {
    var table: [String: BuildCache.MarkdownEntry] = [:]
    var pages: RenderedPages?

    /// A build's pages, and the keys each one's rendering was made under.
    struct RenderedPages: Sendable {
        var model: SiteModel
        var keys: HeldKeys
    }

    /// The keys the renderings the pages hold were made under, by page index: `MarkdownCacheKeys.pages`
    /// and `content`.
    struct HeldKeys: Sendable {
        var keys: [UInt64]
        var contentKeys: [UInt64]
    }

    /// The earlier rendering of the page at `path`, whatever its keys.
    func entry(of path: String) -> BuildCache.MarkdownEntry? {
        if let entry = table[path] { return entry }
        guard let pages, let index = pages.model.pageIndexByPath[path], let rendered = pages.model.pages[index].rendered else { return nil }
        return BuildCache.MarkdownEntry(key: pages.keys.keys[index], contentKey: pages.keys.contentKeys[index], rendered: rendered)
    }
}
