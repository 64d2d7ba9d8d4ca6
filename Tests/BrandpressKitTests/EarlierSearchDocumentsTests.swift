import Foundation
import Testing
@testable import BrandpressKit

/// A `build` knows what the previous search index was made from for a changed page: its source as
/// the last build read it (the page-source cache's entry it replaced) and its rendering then (the
/// rendered-Markdown cache as the build found it). Made from those, the page is the document that
/// was indexed, with the digest the index recorded.
@Suite struct EarlierSearchDocumentsTests {
    static let before = """
    ---
    title: 夜班里的守夜人
    unit: 综采一区
    tags: [安全生产]
    ---
    瓦斯抽采达标，
    班组安全无事故。

    ## 主要成效
    """

    static func render(_ model: inout SiteModel) {
        for index in model.pages.indices {
            model.pages[index].rendered = MarkdownRenderer.render(model.pages[index].body, options: MarkdownOptions())
        }
    }

    @Test func aChangedPageIsMadeAsItWasFromTheSourceItReplacedAndItsEarlierRendering() throws {
        let project = try TemporaryProject(["Content/stories/night.md": Self.before, "Content/stories/other.md": "# 另一篇\n\n正文。\n"])
        let layout = ProjectLayout(root: project.root)
        var sources = PageSourceCache()
        var model = try #require(SiteLoader.load(layout, includeDrafts: false, sources: &sources, settleSeconds: -60).0)
        Self.render(&model)
        let index = try #require(model.pageIndexByPath["stories/night.md"])
        let indexed = (digest: SearchDocuments.digest(of: model.pages[index], sections: model.topSections),
                       document: SearchDocuments.document(of: model.pages[index], sections: model.topSections))
        let renderings = Dictionary(uniqueKeysWithValues: model.pages.map { page in
            (page.path, BuildCache.MarkdownEntry(key: 0, contentKey: 0, rendered: try! #require(page.rendered)))
        })
        _ = sources.takeReplaced()

        let after = Self.before.replacingOccurrences(of: "综采一区", with: "综掘二区").replacingOccurrences(of: "瓦斯抽采达标", with: "通风系统改造完成")
        try project.write("Content/stories/night.md", after)
        var edited = try #require(SiteLoader.load(layout, includeDrafts: false, sources: &sources, settleSeconds: -60).0)
        Self.render(&edited)
        let replaced = sources.takeReplaced()
        #expect(Set(replaced.keys) == ["stories/night.md"], "only the edited file was read anew")

        let earlier = EarlierSearchDocuments(model: edited, replacedSources: replaced, renderings: renderings)
        let version = try #require(earlier.version(index, index))
        #expect(version.digest == indexed.digest)
        #expect(version.document == indexed.document)
        #expect(version.document.meta.contains("综采一区") && version.document.body.contains("瓦斯抽采达标"))

        // Without the replaced source, the page's front matter is today's: not what was indexed.
        let withoutSource = EarlierSearchDocuments(model: edited, replacedSources: [:], renderings: renderings)
        #expect(withoutSource.version(index, index)?.digest != indexed.digest)
        // A page with no earlier rendering has no earlier version.
        #expect(EarlierSearchDocuments(model: edited, replacedSources: replaced, renderings: [:]).version(index, index) == nil)
    }
}
