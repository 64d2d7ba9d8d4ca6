import Foundation
import Testing
@testable import BrandpressKit

/// A page's earlier rendering is reused only under the key it was made with, from the cache's
/// table (`build`) or from the last build's pages (`serve`).
@Suite struct EarlierRenderingsTests {
    static func rendering(_ html: String) -> RenderedMarkdown {
        RenderedMarkdown(html: html, headings: [], firstParagraph: nil, plainText: html, references: [], diagnostics: [])
    }

    @Test func aRenderingIsFoundOnlyUnderItsKey() throws {
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
        let fromPages = EarlierRenderings(pages: .init(model: model, keys: keys))
        #expect(fromPages.rendering(of: "a.md", key: 11)?.html == "<p>甲</p>")
        #expect(fromPages.rendering(of: "a.md", key: 12) == nil, "another key: the page changed since")
        #expect(fromPages.rendering(of: "docs/b.md", key: 22) == nil, "that page was never rendered")
        #expect(fromPages.rendering(of: "c.md", key: 11) == nil, "no such page then")

        let fromTable = EarlierRenderings(table: ["docs/b.md": BuildCache.MarkdownEntry(key: 22, rendered: Self.rendering("<p>乙</p>"))])
        #expect(fromTable.rendering(of: "docs/b.md", key: 22)?.html == "<p>乙</p>")
        #expect(fromTable.rendering(of: "docs/b.md", key: 21) == nil)
        #expect(fromTable.rendering(of: "a.md", key: 11) == nil)
    }
}
