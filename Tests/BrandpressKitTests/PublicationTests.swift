import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BrandpressKit

@Suite struct PublicationTests {
    /// Loads a project's content and its publications without rendering templates.
    static func load(_ files: [String: String]) throws -> (SiteModel, Publications, [Diagnostic]) {
        let project = try TemporaryProject(files)
        let (model, diagnostics) = SiteLoader.load(ProjectLayout(root: project.root), includeDrafts: false)
        let site = try #require(model)
        var problems = diagnostics
        let publications = Publications.make(model: site, resolver: LinkResolver(model: site), diagnostics: &problems)
        return (site, publications, problems)
    }

    @Test func chineseNumerals() {
        #expect([1, 2, 10, 11, 19, 20, 21, 99, 100, 105, 110].map(ChineseNumerals.string) ==
                ["一", "二", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"])
    }

    @Test func handbookOrdersByWeightThenPrefixThenNameAndNumbersChapters() throws {
        let (model, publications, problems) = try Self.load([
            "Content/book/_index.md": "---\ntitle: 手册\nkind: handbook\n---\n",
            "Content/book/02-b/_index.md": "# 第二\n",
            "Content/book/02-b/10-z.md": "# 十\n",
            "Content/book/02-b/9-y.md": "# 九\n",
            "Content/book/02-b/a.md": "---\ntitle: 权重一\nweight: 1\n---\n",
            "Content/book/02-b/b.md": "# 无前缀\n",
            "Content/book/01-a/_index.md": "# 第一\n",
            "Content/book/01-a/01-x.md": "# 一一\n",
            "Content/book/c/_index.md": "---\ntitle: 靠权重排第一\nweight: -5\n---\n",
        ])
        #expect(problems.isEmpty)
        let book = try #require(publications.handbooks.first)
        #expect(book.chapters.map(\.title) == ["靠权重排第一", "第一", "第二"])
        #expect(book.chapters.map(\.number) == ["第一章", "第二章", "第三章"])
        let third = book.chapters[2]
        #expect(third.sections.map(\.title) == ["权重一", "九", "十", "无前缀"])
        #expect(third.sections.map(\.number) == ["3.1", "3.2", "3.3", "3.4"])
        #expect(third.outputPath == "book/b/index.html")
        #expect(book.readingOrder.map { model.pages[$0].title } == ["手册", "靠权重排第一", "第一", "一一", "第二", "权重一", "九", "十", "无前缀"])
    }

    @Test func handbookNumberingStyles() throws {
        let (_, publications, _) = try Self.load([
            "Content/book/_index.md": "---\ntitle: 手册\nkind: handbook\nnumbering: {chapter: decimal, section: none}\n---\n",
            "Content/book/01-a/_index.md": "# 甲\n",
            "Content/book/01-a/01-x.md": "# 乙\n",
        ])
        let chapter = try #require(publications.handbooks.first?.chapters.first)
        #expect(chapter.number == "1")
        #expect(chapter.sections.first?.number == nil)
    }

    static func storyFiles(count: Int, pageSize: Int) -> [String: String] {
        var files = ["Content/stories/_index.md": "---\ntitle: 榜样\nkind: stories\npage_size: \(pageSize)\n---\n"]
        for index in 0..<count {
            let unit = index % 2 == 0 ? "综采一区" : "掘进二区"
            files["Content/stories/s\(index).md"] = "---\ntitle: 故事\(index)\ndate: 2024-01-\(String(format: "%02d", index + 1))\nunit: \(unit)\ntags: [安全生产\(index % 3 == 0 ? ", 师带徒" : "")]\n---\n正文。\n"
        }
        return files
    }

    @Test(arguments: [(0, 6, 1), (1, 6, 1), (6, 6, 1), (7, 6, 2), (12, 6, 2), (13, 6, 3)])
    func paginationEdges(_ count: Int, _ pageSize: Int, _ pages: Int) throws {
        let (_, publications, problems) = try Self.load(Self.storyFiles(count: count, pageSize: pageSize))
        #expect(problems.isEmpty)
        let stories = try #require(publications.stories.first)
        #expect(stories.indexPaths.count == pages)
        #expect(stories.indexPaths.first == "stories/index.html")
        if pages > 1 { #expect(stories.indexPaths[1] == "stories/page/2.html") }
    }

    @Test func storiesAreNewestFirstWithUnitAndTagIndexes() throws {
        let (model, publications, _) = try Self.load(Self.storyFiles(count: 7, pageSize: 3))
        let stories = try #require(publications.stories.first)
        #expect(stories.stories.map { model.pages[$0].title } == (0..<7).reversed().map { "故事\($0)" })
        #expect(stories.units.map(\.name) == ["掘进二区", "综采一区"].sorted())
        #expect(stories.units.map(\.stories.count) == [3, 4])
        #expect(stories.tags.map { "\($0.name):\($0.stories.count)" } == ["安全生产:7", "师带徒:3"])
        #expect(stories.units.first?.outputPath == "stories/units/掘进二区.html")
    }

    /// Newest first by date and time; equal dates by file path; a story without a date (an error,
    /// reported) goes last.
    @Test func storiesWithEqualOrMissingDatesKeepAFixedOrder() throws {
        var files = ["Content/stories/_index.md": "---\ntitle: 榜样\nkind: stories\n---\n"]
        for (name, date) in [("b", "2024-03-01"), ("a", "2024-03-01"), ("c", "2024-03-01 09:30"), ("d", nil), ("e", "2023-12-31"), ("f", "2024-03-02")] {
            files["Content/stories/\(name).md"] = "---\ntitle: \(name)\n" + (date.map { "date: \($0)\n" } ?? "") + "kind: story\n---\n正文。\n"
        }
        let (model, publications, problems) = try Self.load(files)
        let stories = try #require(publications.stories.first)
        #expect(stories.stories.map { model.pages[$0].title } == ["f", "c", "a", "b", "e", "d"])
        #expect(problems.map(\.file) == ["Content/stories/d.md"])
    }

    @Test func storyPagesShowUnitTagsAndNeighbours() throws {
        var templates = TemporaryProject.minimalTemplates
        templates["Templates/story.mustache"] = "{{#story}}unit=[{{unitURL}}|{{unit}}]{{#tags}} tag=[{{url}}|{{name}}]{{/tags}}{{/story}}\n{{#prev}}prev={{url}}{{/prev}} {{#next}}next={{url}}{{/next}}"
        templates["Templates/stories.mustache"] = "{{#stories}}[{{title}}]{{/stories}} {{#pagination}}{{current}}/{{total}} prev={{#prev}}{{.}}{{/prev}} next={{#next}}{{.}}{{/next}}{{/pagination}}"
        templates["Templates/taxonomy.mustache"] = "{{term.kind}}:{{term.name}}:{{term.count}} {{#stories}}[{{title}}]{{/stories}}"
        let project = try TemporaryProject(Self.storyFiles(count: 7, pageSize: 3), templates: templates)
        let report = project.build()
        #expect(report.succeeded, "\(TemporaryProject.lines(report))")
        #expect(project.output("stories/s3.html") == "unit=[units/%E6%8E%98%E8%BF%9B%E4%BA%8C%E5%8C%BA.html|掘进二区] tag=[tags/%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7.html|安全生产] tag=[tags/%E5%B8%88%E5%B8%A6%E5%BE%92.html|师带徒]\nprev=s4.html next=s2.html")
        #expect(project.output("stories/index.html") == "[故事6][故事5][故事4] 1/3 prev= next=page/2.html")
        #expect(project.output("stories/page/2.html") == "[故事3][故事2][故事1] 2/3 prev=../index.html next=3.html")
        #expect(project.output("stories/page/3.html") == "[故事0] 3/3 prev=2.html next=")
        #expect(project.output("stories/tags/师带徒.html") == "标签:师带徒:3 [故事6][故事3][故事0]")
        #expect(project.output("stories/units/综采一区.html") == "单位:综采一区:4 [故事6][故事4][故事2][故事0]")
    }

    @Test func atomFeedIsWellFormedWithTheRightEntries() throws {
        var files = Self.storyFiles(count: 3, pageSize: 6)
        files["Content/site.yml"] = "title: 站\nbase_url: https://intranet.example/dangjian\n"
        files["Content/stories/s1.md"] = "---\ntitle: \"A & B <榜样>\"\ndate: 2024-01-02 08:30\nunit: 综采一区\nauthor: 宣传部\ntags: [安全生产]\n---\n正文。\n"
        let project = try TemporaryProject(files)
        #expect(project.build().succeeded)
        let feed = try #require(project.output("stories/feed.xml"))
        let document = try XMLDocument(xmlString: feed)
        let entries = try document.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='entry']")
        #expect(entries.count == 3)
        let titles = try document.nodes(forXPath: "//*[local-name()='entry']/*[local-name()='title']").map { $0.stringValue ?? "" }
        #expect(titles == ["故事2", "A & B <榜样>", "故事0"])
        #expect(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://intranet.example/dangjian/stories/s1.html\"/>"))
        #expect(feed.contains("<published>2024-01-02T08:30:00+08:00</published>"))
        let sitemap = try #require(project.output("sitemap.xml"))
        _ = try XMLDocument(xmlString: sitemap)
        #expect(sitemap.contains("<loc>https://intranet.example/dangjian/stories/units/%E7%BB%BC%E9%87%87%E4%B8%80%E5%8C%BA.html</loc>"))
    }

    /// The sitemap and the feeds are rewritten only when what they list changed.
    @Test func feedsAreKeptUntilWhatTheyListChanges() throws {
        var files = Self.storyFiles(count: 3, pageSize: 6)
        files["Content/site.yml"] = "title: 站\nbase_url: https://intranet.example/dangjian\n"
        let project = try TemporaryProject(files)
        func build() -> Bool {
            usleep(20_000)
            return SiteBuilder.build(RebuildEqualsFullBuildTests.rebuildOptions(project, memory: nil, settleSeconds: 0.01)).succeeded
        }
        #expect(build())
        func inode(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: project.root.appendingPathComponent("Output/" + path).path)
            return try #require(attributes[.systemFileNumber] as? Int)
        }
        let sitemap = try inode("sitemap.xml"), feed = try inode("stories/feed.xml")
        try project.write("Content/stories/s1.md", "---\ntitle: 故事1\ndate: 2024-01-02\nunit: 掘进二区\ntags: [安全生产]\n---\n正文。\n\n## 后记\n\n新加的一段。\n")
        #expect(build())
        #expect(try inode("sitemap.xml") == sitemap, "the same pages: the sitemap is kept")
        #expect(try inode("stories/feed.xml") == feed, "the same feed entries: kept")
        try project.write("Content/stories/s9.md", "---\ntitle: 故事9\ndate: 2025-01-02\n---\n又一篇。\n")
        #expect(build())
        #expect(try inode("sitemap.xml") != sitemap)
        #expect(project.output("sitemap.xml")?.contains("stories/s9.html</loc>") == true)
        #expect(project.output("stories/feed.xml")?.contains("故事9") == true)
    }

    @Test func aFileWhereTheSitemapGoesIsAnError() throws {
        var files = Self.storyFiles(count: 3, pageSize: 6)
        files["Content/site.yml"] = "title: 站\nbase_url: https://intranet.example/dangjian\n"
        files["Content/sitemap.xml"] = "<urlset/>"
        files["Content/stories/Feed.xml"] = "<feed/>"
        let project = try TemporaryProject(files)
        let report = project.build()
        #expect(!report.succeeded)
        #expect(TemporaryProject.lines(report) == [
            "Content/sitemap.xml: error: Output/sitemap.xml is also a file brandpress makes itself (the sitemap and the stories' Atom feeds, made because `base_url:` is set); rename this file or move it into another folder",
            "Content/stories/Feed.xml: error: Output/stories/Feed.xml is also a file brandpress makes itself (the sitemap and the stories' Atom feeds, made because `base_url:` is set); rename this file or move it into another folder",
        ])
        files["Content/site.yml"] = "title: 站\n"
        let withoutFeeds = try TemporaryProject(files)
        #expect(withoutFeeds.build().succeeded, "without base_url there is no sitemap to clash with")
    }

    @Test func withoutBaseURLThereIsNoFeedAndTheBuildSaysWhyOnce() throws {
        let project = try TemporaryProject(Self.storyFiles(count: 3, pageSize: 6))
        let report = project.build()
        #expect(report.succeeded)
        #expect(!project.exists("Output/stories/feed.xml"))
        #expect(!project.exists("Output/sitemap.xml"))
        #expect(TemporaryProject.lines(report) == ["Content/site.yml: warning: no Atom feed or sitemap was made, because they need absolute addresses; set `base_url:` in Content/site.yml to the address the site is published at"])
    }

    @Test func printViewHoldsEveryHandbookSectionInOrderWithUniqueIDs() throws {
        var templates = TemporaryProject.minimalTemplates
        templates["Templates/handbook-print.mustache"] = "{{#chapters}}<section id=\"{{id}}\">{{number}} {{title}}\n{{{content}}}{{#sections}}<section id=\"{{id}}\">{{number}} {{title}}\n{{{content}}}</section>{{/sections}}</section>{{/chapters}}"
        let project = try TemporaryProject([
            "Content/book/_index.md": "---\ntitle: 手册\nkind: handbook\n---\n",
            "Content/book/01-a/_index.md": "# 总则\n",
            "Content/book/01-a/01-x.md": "# 目的\n\n## 要求\n\n见[原则](02-y.md#要求)和[本章](_index.md)。\n",
            "Content/book/01-a/02-y.md": "# 原则\n\n## 要求\n",
            "Content/book/02-b/_index.md": "# 附则\n\n[外部](https://example.org)\n",
        ], templates: templates)
        let report = project.build()
        #expect(report.succeeded, "\(TemporaryProject.lines(report))")
        let print = try #require(project.output("book/print.html"))
        let order = ["第一章 总则", "1.1 目的", "1.2 原则", "第二章 附则"].map { print.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(print.contains(#"<h2 id="print-book-a-x-要求">要求</h2>"#))
        #expect(print.contains(#"<h2 id="print-book-a-y-要求">要求</h2>"#))
        #expect(print.contains(##"href="#print-book-a-y-%E8%A6%81%E6%B1%82""##))
        #expect(print.contains(##"href="#print-book-a-index""##))
        #expect(print.contains(#"<section id="print-book-a-x">"#))
    }
}

@Suite struct PagerWindowTests {
    @Test(arguments: [
        (1, 1, "1"), (1, 3, "1 2 3"), (1, 10, "1 2 3 … 10"), (5, 10, "1 … 3 4 5 6 7 … 10"),
        (10, 10, "1 … 8 9 10"), (4, 7, "1 2 3 4 5 6 7"),
    ])
    func showsFirstLastAndNeighbours(_ current: Int, _ total: Int, _ expected: String) {
        let window = PageContextBuilder.pageWindow(current: current, total: total)
        #expect(window.map { $0.map(String.init) ?? "…" }.joined(separator: " ") == expected)
    }
}

@Suite struct PrintViewHeadingIDTests {
    @Test(arguments: [
        (#"<h2 id="x">甲</h2><p>乙</p><h6 id="y">丙</h6>"#, #"<h2 id="p-x">甲</h2><p>乙</p><h6 id="p-y">丙</h6>"#),
        (#"<h7 id="x"><hr id="y"><h2 class="a" id="z"><h1 id=""#, #"<h7 id="x"><hr id="y"><h2 class="a" id="z"><h1 id="p-"#),
        (#"<p>&lt;h2 id="x"</p><h2 id="#, #"<p>&lt;h2 id="x"</p><h2 id="#),
        ("", ""),
    ])
    func prefixesOnlyHeadingIDs(_ html: String, _ expected: String) {
        #expect(PrintView.prefixHeadingIDs(html, with: "p-") == expected)
    }
}
