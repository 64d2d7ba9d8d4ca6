import Foundation
import Testing
@testable import BrandpressKit

/// Under `serve`, an edit that changes what pages say but not where they stand updates the last
/// build's site in place; anything else must load the site anew.
@Suite struct SiteLoaderInPlaceTests {
    static let files = [
        "Content/site.yml": "title: 测试\n",
        "Content/index.md": "# 首页\n\n欢迎。\n",
        "Content/stories/_index.md": "---\ntitle: 故事\nkind: stories\n---\n",
        "Content/stories/2024-05-an.md": "---\ntitle: 安全\ndate: 2024-05-01\n---\n\n第一版。\n",
        "Content/stories/2024-06-draft.md": "---\ntitle: 草稿\ndate: 2024-06-01\ndraft: true\n---\n\n草稿。\n",
    ]

    /// The site loaded from `project`, with the inventory and page sources it was loaded from.
    static func load(_ project: TemporaryProject) throws -> (SiteModel, [String], PageSourceCache) {
        var sources = PageSourceCache()
        let layout = ProjectLayout(root: project.root)
        let (model, problems) = SiteLoader.load(layout, includeDrafts: false, sources: &sources, settleSeconds: -60)
        #expect(problems.isEmpty, "\(problems)")
        let inventory = ContentScanner.scan(layout.content, displayPrefix: "Content/")
        return (try #require(model), inventory.markdownFiles, sources)
    }

    static func update(_ model: inout SiteModel, _ files: [String], _ sources: inout PageSourceCache, _ project: TemporaryProject) -> Bool {
        let layout = ProjectLayout(root: project.root)
        let inventory = ContentScanner.scan(layout.content, displayPrefix: "Content/")
        return SiteLoader.updatePages(of: &model, markdownFiles: files, inventory: inventory, sources: &sources, layout: layout, settleSeconds: -60)
    }

    @Test func aChangedBodyIsTakenInPlace() throws {
        let project = try TemporaryProject(Self.files)
        var (model, files, sources) = try Self.load(project)
        usleep(20_000)
        try project.write("Content/stories/2024-05-an.md", "---\ntitle: 安全\ndate: 2024-05-01\n---\n\n第二版，更长了。\n")
        #expect(Self.update(&model, files, &sources, project))
        let index = try #require(model.pageIndexByPath["stories/2024-05-an.md"])
        #expect(model.pages[index].body.contains("第二版"))
        var fresh = PageSourceCache()
        let (reloaded, _) = SiteLoader.load(ProjectLayout(root: project.root), includeDrafts: false, sources: &fresh, settleSeconds: -60)
        #expect(model.pages.map(\.source.bodyDigest) == reloaded?.pages.map(\.source.bodyDigest))
        #expect(sources.entries["stories/2024-05-an.md"]?.bodyDigest == model.pages[index].source.bodyDigest, "the page-source cache follows")
    }

    /// A story's title, date, tags or heading, a section page's title or field, the home page's
    /// heading: the site is updated as loading it anew would make it.
    @Test(arguments: [
        ("Content/stories/2024-05-an.md", "---\ntitle: 新安全\ndate: 2024-05-01\n---\n\n第一版。\n"),
        ("Content/stories/2024-05-an.md", "---\ntitle: 安全\ndate: 2024-05-02\ntags: [安全]\nunit: 一区\n---\n\n第一版。\n"),
        ("Content/stories/2024-05-an.md", "---\ndate: 2024-05-01\n---\n\n# 标题来自正文\n\n第一版。\n"),
        ("Content/stories/_index.md", "---\ntitle: 榜样故事\nkind: stories\n---\n"),
        ("Content/stories/_index.md", "---\ntitle: 故事\nkind: stories\npage_size: 5\n---\n"),
        ("Content/index.md", "# 新首页\n\n欢迎。\n"),
    ])
    func whatAPageSaysIsTakenInPlace(_ path: String, _ text: String) throws {
        let project = try TemporaryProject(Self.files)
        var (model, files, sources) = try Self.load(project)
        usleep(20_000)
        try project.write(path, text)
        #expect(Self.update(&model, files, &sources, project))
        var fresh = PageSourceCache()
        let reloaded = try #require(SiteLoader.load(ProjectLayout(root: project.root), includeDrafts: false, sources: &fresh, settleSeconds: -60).0)
        #expect(model.pages.map(\.title) == reloaded.pages.map(\.title))
        #expect(model.pages.map(\.source.frontMatterDigest) == reloaded.pages.map(\.source.frontMatterDigest))
        #expect(model.pages.map(\.kind) == reloaded.pages.map(\.kind))
        #expect(model.pages.map(\.outputPath) == reloaded.pages.map(\.outputPath))
        #expect(model.sections.mapValues(\.title) == reloaded.sections.mapValues(\.title))
        #expect(model.sections.mapValues(\.entries) == reloaded.sections.mapValues(\.entries))
        #expect(model.sections.mapValues(\.publication) == reloaded.sections.mapValues(\.publication))
    }

    @Test(arguments: ["slug", "weight", "made a draft", "section kind", "section weight", "section without title", "no title", "site.yml",
                      "added", "removed", "draft edited", "asset added"])
    func anythingElseLoadsTheSiteAnew(_ change: String) throws {
        let project = try TemporaryProject(Self.files)
        var (model, files, sources) = try Self.load(project)
        usleep(20_000)
        switch change {
        case "slug": try project.write("Content/stories/2024-05-an.md", "---\ntitle: 安全\ndate: 2024-05-01\nslug: safety\n---\n\n第一版。\n")
        case "weight": try project.write("Content/stories/2024-05-an.md", "---\ntitle: 安全\ndate: 2024-05-01\nweight: 1\n---\n\n第一版。\n")
        case "made a draft": try project.write("Content/stories/2024-05-an.md", "---\ntitle: 安全\ndate: 2024-05-01\ndraft: true\n---\n\n第一版。\n")
        case "section kind": try project.write("Content/stories/_index.md", "---\ntitle: 故事\nkind: section\n---\n")
        case "section weight": try project.write("Content/stories/_index.md", "---\ntitle: 故事\nkind: stories\nweight: 2\n---\n")
        case "section without title": try project.write("Content/stories/_index.md", "---\nkind: stories\n---\n")
        case "no title": try project.write("Content/stories/2024-05-an.md", "---\ndate: 2024-05-01\n---\n\n第一版。\n")
        case "site.yml": try project.write("Content/site.yml", "title: 新测试\n")
        case "added": try project.write("Content/stories/2024-07-xin.md", "---\ntitle: 新\ndate: 2024-07-01\n---\n")
        case "removed": try project.remove("Content/stories/2024-05-an.md")
        case "draft edited": try project.write("Content/stories/2024-06-draft.md", "---\ntitle: 草稿\ndate: 2024-06-01\n---\n\n不再是草稿。\n")
        default: try project.write("Content/stories/cover.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        }
        #expect(!Self.update(&model, files, &sources, project))
    }
}
