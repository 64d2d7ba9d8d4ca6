import Foundation
import Testing
@testable import BrandpressKit

/// A page's earlier rendering is found with the keys it was made under, in the cache's table
/// (`build`) or in the last build's pages (`serve`), and reused only while they hold.
@Suite struct EarlierRenderingsTests {
    static func rendering(_ html: String) -> RenderedMarkdown {
        RenderedMarkdown(html: html, headings: [], firstParagraph: nil, plainText: html, references: [], diagnostics: [])
    }

    @Test func aRenderingIsFoundWithItsKeys() throws {
        let (loaded, _, _) = try PublicationTests.load([
            "Content/a.md": "# A\n\n甲。\n",
            "Content/docs/b.md": "# B\n\n乙。\n",
        ])
        var model = loaded
        let a = try #require(model.pageIndexByPath["a.md"]), b = try #require(model.pageIndexByPath["docs/b.md"])
        model.pages[a].rendered = Self.rendering("<p>甲</p>")
        var keys = [UInt64](repeating: 0, count: model.pages.count)
        keys[a] = 11
        keys[b] = 22
        let fromPages = EarlierRenderings(pages: .init(model: model, keys: .init(keys: keys, contentKeys: keys.map { $0 + 100 })))
        let fromA = try #require(fromPages.entry(of: "a.md"))
        #expect(fromA.rendered.html == "<p>甲</p>")
        #expect(fromA.key == 11 && fromA.contentKey == 111)
        #expect(fromPages.entry(of: "docs/b.md") == nil, "that page was never rendered")
        #expect(fromPages.entry(of: "c.md") == nil, "no such page then")

        let fromTable = EarlierRenderings(table: ["docs/b.md": BuildCache.MarkdownEntry(key: 22, contentKey: 122, rendered: Self.rendering("<p>乙</p>"))])
        let fromB = try #require(fromTable.entry(of: "docs/b.md"))
        #expect(fromB.rendered.html == "<p>乙</p>")
        #expect(fromB.key == 22 && fromB.contentKey == 122)
        #expect(fromTable.entry(of: "a.md") == nil)
    }

    /// A page added: a page whose links resolve as before keeps its earlier rendering, though the
    /// site's names changed; one whose link now finds the new page (it was broken) is rendered anew.
    @Test func aPageAddedKeepsTheRenderingsWhoseLinksResolveAsBefore() throws {
        let files = [
            "Content/a.md": "# A\n\n见[乙](docs/b.md)。\n",
            "Content/docs/b.md": "# B\n\n见[丙](c.md)。\n",
        ]
        let options = MarkdownOptions(unsafeHTML: false, siteExtensions: true, cjkFriendlyEmphasis: true)
        func render(_ model: inout SiteModel, earlier: EarlierRenderings) -> (MarkdownCacheKeys, [Diagnostic]) {
            var keys = MarkdownCacheKeys(model: model, options: options)
            let problems = SiteBuilder.renderMarkdown(&model, resolver: LinkResolver(model: model), options: options, keys: &keys, earlier: earlier)
            return (keys, problems)
        }
        var before = try PublicationTests.load(files).0
        let (keysBefore, problemsBefore) = render(&before, earlier: EarlierRenderings())
        #expect(problemsBefore.count == 1, "docs/b.md links to docs/c.md, which is not there yet")
        // The earlier renderings with their keys, their HTML marked so that a reused one shows.
        var table: [String: BuildCache.MarkdownEntry] = [:]
        for (path, var entry) in keysBefore.entries(for: before) {
            entry.rendered = RenderedMarkdown(html: "<p>earlier</p>", headings: entry.rendered.headings, firstParagraph: nil, plainText: "",
                                              references: entry.rendered.references, diagnostics: entry.rendered.diagnostics)
            table[path] = entry
        }

        var after = try PublicationTests.load(files.merging(["Content/docs/c.md": "# C\n\n新的一页。\n"]) { $1 }).0
        let (keysAfter, problemsAfter) = render(&after, earlier: EarlierRenderings(table: table))
        #expect(problemsAfter.isEmpty)
        let a = try #require(after.pageIndexByPath["a.md"]), b = try #require(after.pageIndexByPath["docs/b.md"])
        #expect(keysAfter.pages[a] != keysBefore.pages[try #require(before.pageIndexByPath["a.md"])], "the site's names changed")
        #expect(after.pages[a].rendered?.html == "<p>earlier</p>", "a.md's link resolves as before: kept")
        #expect(after.pages[b].rendered?.html.contains("c.html") == true, "docs/b.md's link now finds the new page: rendered anew")
        #expect(keysAfter.content[a] == keysBefore.content[try #require(before.pageIndexByPath["a.md"])])
        #expect(keysAfter.content[b] != keysBefore.content[try #require(before.pageIndexByPath["docs/b.md"])])
    }
}
