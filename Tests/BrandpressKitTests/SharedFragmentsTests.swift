import Foundation
import Testing
@testable import BrandpressKit

/// A handbook's table of contents is made of chapter entries rendered once per folder and shared by
/// the pages in it; the pages must be what rendering every entry on every page gives.
@Suite struct SharedFragmentsTests {
    static let chapterEntry = """
        <li{{#open}} class="open"{{/open}}><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>[{{number}}]{{title}}</a>\
        <ol>{{#sections}}<li><a href="{{url}}"{{#current}} aria-current="page"{{/current}}>[{{number}}]{{title}}</a></li>{{/sections}}</ol>\
        <img src="{{assets}}mark.svg" alt="{{site.title}}"></li>
        """

    static let content: [String: String] = [
        "Content/site.yml": "title: 示例站\n",
        "Content/book/_index.md": "---\ntitle: 手册\nkind: handbook\n---\n",
        "Content/book/01-a/_index.md": "# 第一\n",
        "Content/book/01-a/01-x.md": "# 一一\n",
        "Content/book/01-a/02-y.md": "# 一二\n",
        "Content/book/02-b/_index.md": "# 第二\n",
        "Content/book/02-b/01-z.md": "# 二一\n",
        "Content/book/03-page.md": "# 单页一章\n",
        "Content/guide/_index.md": "---\ntitle: 指南\nkind: handbook\nnumbering: {chapter: chinese, section: none}\n---\n",
        "Content/guide/01-a/_index.md": "# 甲\n",
        "Content/guide/01-a/01-x.md": "# 甲一\n",
        "Content/guide/02-b/_index.md": "# 乙\n",
        "Content/guide/02-b/01-x.md": "# 乙一\n",
    ]

    static func templates(tocPartials: [String: String]) -> [String: String] {
        var templates = TemporaryProject.minimalTemplates
        templates["Templates/handbook.mustache"] = "{{<base}}{{$main}}{{>partials/book-toc}}{{/main}}{{/base}}"
        templates["Templates/handbook-page.mustache"] = "{{<base}}{{$main}}{{>partials/book-toc}}{{/main}}{{/base}}"
        return templates.merging(tocPartials) { _, new in new }
    }

    @Test func sharedChapterEntriesGiveThePagesThatInlineEntriesGive() throws {
        let shared = try TemporaryProject(Self.content, templates: Self.templates(tocPartials: [
            "Templates/partials/book-toc.mustache": "<ol>{{#book.chapters}}{{{tocEntry}}}{{/book.chapters}}</ol>",
            "Templates/partials/book-toc-chapter.mustache": Self.chapterEntry,
        ]))
        let inline = try TemporaryProject(Self.content, templates: Self.templates(tocPartials: [
            "Templates/partials/book-toc.mustache": "<ol>{{#book.chapters}}\(Self.chapterEntry){{/book.chapters}}</ol>",
        ]))
        #expect(shared.build().succeeded)
        #expect(inline.build().succeeded)
        let sharedPages = shared.tree().filter { $0.key.hasPrefix("book/") || $0.key.hasPrefix("guide/") }
        let inlinePages = inline.tree().filter { $0.key.hasPrefix("book/") || $0.key.hasPrefix("guide/") }
        #expect(sharedPages.count == 14)  // 12 pages and the two print views
        #expect(Set(sharedPages.keys) == Set(inlinePages.keys))
        for (path, data) in sharedPages {
            #expect(data == inlinePages[path], "\(path) differs")
        }
    }

    @Test func eachPageMarksItselfAndLinksRelativeToItsFolder() throws {
        let project = try TemporaryProject(Self.content, templates: Self.templates(tocPartials: [
            "Templates/partials/book-toc.mustache": "<ol>{{#book.chapters}}{{{tocEntry}}}{{/book.chapters}}</ol>",
            "Templates/partials/book-toc-chapter.mustache": Self.chapterEntry,
        ]))
        #expect(project.build().succeeded)
        let section = try #require(project.output("book/a/y.html"))
        #expect(section.contains(#"<li class="open"><a href="index.html">[第一章]第一</a>"#))
        #expect(section.contains(#"<a href="y.html" aria-current="page">[1.2]一二</a>"#))
        #expect(section.components(separatedBy: #"aria-current="page">["#).count == 2)
        #expect(section.contains(#"<li><a href="../b/index.html">[第二章]第二</a><ol><li><a href="../b/z.html">[2.1]二一</a>"#))
        #expect(section.contains(#"<img src="../../assets/mark.svg" alt="示例站">"#))
        let otherFolder = try #require(project.output("book/b/z.html"))
        #expect(otherFolder.contains(#"<li><a href="../a/index.html">[第一章]第一</a>"#))
        #expect(otherFolder.contains(#"<a href="../page.html">[第三章]单页一章</a>"#))
        // Sections of a handbook numbered `section: none` show no number, not their chapter's.
        let unnumbered = try #require(project.output("guide/b/x.html"))
        #expect(unnumbered.contains(#"<a href="x.html" aria-current="page">[]乙一</a>"#))
        #expect(unnumbered.contains(#"<a href="../a/x.html">[]甲一</a>"#))
    }
}

/// Shared lists and values behave in templates like the arrays and dictionaries they stand for,
/// transforms included.
@Suite struct SharedTemplateValuesTests {
    @Test func transformsAndSectionsWorkOnSharedListsAndValues() throws {
        var templates = TemporaryProject.minimalTemplates
        templates["Templates/page.mustache"] = """
            {{<base}}{{$main}}nav={{count(nav)}} first={{#first(nav)}}{{title}}{{/first(nav)}} \
            crumbs={{#reversed(breadcrumbs)}}[{{title}}]{{/reversed(breadcrumbs)}} \
            site={{site.title}} empty={{#empty(nav)}}yes{{/empty(nav)}}{{^empty(nav)}}no{{/empty(nav)}}{{/main}}{{/base}}
            """
        let project = try TemporaryProject([
            "Content/site.yml": "title: 示例站\n",
            "Content/a/_index.md": "# 甲栏\n",
            "Content/a/b/_index.md": "# 乙栏\n",
            "Content/a/b/page.md": "# 一页\n",
        ], templates: templates)
        #expect(project.build().succeeded)
        let page = try #require(project.output("a/b/page.html"))
        #expect(page.contains("nav=2 first=首页 crumbs=[乙栏][甲栏][首页] site=示例站 empty=no"), "\(page)")
    }
}

/// The layout's shared parts (`siteHead`, `siteHeader`, `siteBreadcrumbs`, `siteFooter`) are rendered
/// once per folder from their partials; every page must be what rendering them in place gives.
@Suite struct SitePartsTests {
    static let header = """
        <header><a href="{{homeURL}}">{{site.title}}</a><form action="{{searchURL}}"></form>\
        <nav>{{#nav}}<a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{/nav}}</nav></header>
        """
    static let crumbs = "{{#hasBreadcrumbs}}<ol>{{#breadcrumbs}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/breadcrumbs}}</ol>{{/hasBreadcrumbs}}"
    static let head = #"<link rel="stylesheet" href="{{assets}}style.css"><base data-root="{{root}}">"#
    static let footer = "<footer>{{site.title}}</footer>"

    static let content: [String: String] = [
        "Content/site.yml": "title: 示例站\nbase_url: https://example.cn/sub/\n",
        "Content/index.md": "# 首页\n",
        "Content/a/_index.md": "# 甲栏\n",
        "Content/a/one.md": "# 一\n",
        "Content/a/two.md": "# 二\n",
        "Content/a/b/_index.md": "# 乙栏\n",
        "Content/a/b/three.md": "# 三\n",
        "Content/c/_index.md": "# 丙栏\n",
    ]

    static func templates(base: String, partials: [String: String]) -> [String: String] {
        var templates = TemporaryProject.minimalTemplates
        templates["Templates/base.mustache"] = base
        templates["Templates/home.mustache"] = "{{<base}}{{$main}}home{{/main}}{{/base}}"
        templates["Templates/404.mustache"] = "{{<base}}{{$main}}missing{{/main}}{{/base}}"
        return templates.merging(partials) { _, new in new }
    }

    static func base(head: String, header: String, crumbs: String, footer: String) -> String {
        "<html><head>\n\(head)\n</head><body>\n\(header)\n{{$crumbs}}\(crumbs){{/crumbs}}\n<main>{{$main}}{{/main}}</main>\n\(footer)\n</body></html>"
    }

    @Test func pagesEqualThoseRenderedWithThePartsInPlace() throws {
        // The partials end with a line break, which is dropped like a standalone `{{>partial}}` line's.
        let shared = try TemporaryProject(Self.content, templates: Self.templates(
            base: Self.base(head: "{{{siteHead}}}", header: "{{{siteHeader}}}", crumbs: "{{{siteBreadcrumbs}}}", footer: "{{{siteFooter}}}"),
            partials: [
                "Templates/partials/site-head.mustache": Self.head + "\n",
                "Templates/partials/site-header.mustache": Self.header + "\n",
                "Templates/partials/breadcrumbs.mustache": Self.crumbs,
                "Templates/partials/site-footer.mustache": Self.footer + "\r\n",
            ]))
        let inline = try TemporaryProject(Self.content, templates: Self.templates(
            base: Self.base(head: Self.head, header: Self.header, crumbs: Self.crumbs, footer: Self.footer), partials: [:]))
        #expect(shared.build().succeeded)
        #expect(inline.build().succeeded)
        let sharedPages = shared.tree().filter { $0.key.hasSuffix(".html") }
        let inlinePages = inline.tree().filter { $0.key.hasSuffix(".html") }
        #expect(Set(sharedPages.keys) == Set(inlinePages.keys))
        #expect(sharedPages.count >= 8)
        for (path, data) in inlinePages {
            #expect(sharedPages[path] == data, "\(path) differs")
        }
        // Pages of one folder share the parts, yet each folder links from where it is.
        let deep = try #require(shared.output("a/b/three.html"))
        #expect(deep.contains(#"<a href="../../index.html">示例站</a>"#))
        #expect(deep.contains(#"<li><a href="../index.html">甲栏</a></li><li><a href="index.html">乙栏</a></li>"#))
        #expect(deep.contains(#"<a href="../index.html" aria-current="page">甲栏</a>"#))
        let folderPage = try #require(shared.output("a/b/index.html"))
        #expect(folderPage.contains(#"<li><a href="../index.html">甲栏</a></li></ol>"#))
        #expect(try #require(shared.output("index.html")).contains(#"<a href="index.html" aria-current="page">首页</a>"#))
        // The 404 page, served at any depth, gets its own parts with absolute URLs.
        let missing = try #require(shared.output("404.html"))
        #expect(missing.contains(#"<a href="https://example.cn/sub/index.html">示例站</a>"#))
        #expect(missing.contains(#"href="https://example.cn/sub/assets/style.css""#))
    }

    @Test func aThemeWithoutThePartsGetsEmptyVariables() throws {
        let project = try TemporaryProject(Self.content, templates: Self.templates(
            base: "<html><body>[{{{siteHead}}}|{{{siteHeader}}}|{{{siteBreadcrumbs}}}|{{{siteFooter}}}]<main>{{$main}}{{/main}}</main></body></html>",
            partials: [:]))
        #expect(project.build().succeeded)
        #expect(try #require(project.output("a/one.html")).contains("[|||]"))
    }

    @Test func editingAPartRemakesEveryPage() throws {
        let project = try TemporaryProject(Self.content, templates: Self.templates(
            base: Self.base(head: "{{{siteHead}}}", header: "{{{siteHeader}}}", crumbs: "{{{siteBreadcrumbs}}}", footer: "{{{siteFooter}}}"),
            partials: ["Templates/partials/site-footer.mustache": Self.footer]))
        #expect(project.build().succeeded)
        try project.write("Templates/partials/site-footer.mustache", "<footer>© {{site.title}}</footer>")
        #expect(project.build().succeeded)
        for (path, data) in project.tree() where path.hasSuffix(".html") {
            #expect(String(decoding: data, as: UTF8.self).contains("<footer>© 示例站</footer>"), "\(path)")
        }
    }
}

/// Story cards rendered into `card` (and shared between the pages of units and tags, where a story
/// appears once per unit and tag) and the unit and tag lists rendered into `unitChips` and
/// `tagChips` give the pages that including the partials in place gives.
@Suite struct StoryListFragmentsTests {
    static let card = """
        <li>{{#cover}}<img src="{{.}}" alt="{{coverAlt}}">{{/cover}}<a href="{{url}}">{{title}}</a>\
        {{#unit}}<a href="{{unitURL}}">{{.}}</a>{{/unit}}{{#date}}<time datetime="{{iso}}">{{display}}</time>{{/date}}\
        {{#author}}<span>{{.}}</span>{{/author}}<p>{{summary}}</p><img src="{{assets}}mark.svg" alt="{{site.title}}"></li>

        """
    static let chips = "<ul>{{#terms}}<li><a href=\"{{url}}\">{{name}}</a>{{count}}</li>{{/terms}}</ul>"

    static var content: [String: String] {
        var files = [
            "Content/site.yml": "title: 示例站\n",
            "Content/stories/_index.md": "---\ntitle: 榜样\nkind: stories\npage_size: 2\n---\n",
            "Content/stories/images/a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ]
        let units = ["综采一区党支部", "掘进二区党支部"], tags = ["安全生产", "党员先锋", "技术创新"]
        for number in 1...7 {
            let cover = number % 2 == 0 ? "cover: images/a.svg\ncover_alt: 图\(number)\n" : ""
            let storyTags = tags.enumerated().filter { (number + $0.offset) % 3 != 0 }.map(\.element).joined(separator: ", ")
            files["Content/stories/2024-0\(number)-s.md"] = """
                ---
                title: 故事\(number)
                date: 2024-0\(number)-0\(number)
                unit: \(units[number % 2])
                author: 作者\(number)
                tags: [\(storyTags)]
                \(cover)---

                第\(number)个故事的正文。
                """
        }
        return files
    }

    /// Cards a theme could have: without the unit's link (as shipped: the same on unit and tag pages,
    /// so shared between them), with the tags' links, with a link shown by `{{.}}`.
    static let otherCards = [
        "<li><a href=\"{{url}}\">{{title}}</a>{{#unit}}<span>{{.}}</span>{{/unit}}<p>{{summary}}</p></li>\n",
        "<li><a href=\"{{url}}\">{{title}}</a>{{#tags}}<a href=\"{{url}}\">{{name}}</a>{{/tags}}</li>\n",
        "<li>{{title}}{{#unitURL}}<a href=\"{{.}}\">{{unit}}</a>{{/unitURL}}{{^author}}{{title}}{{/author}}</li>\n",
    ]

    static func templates(shared: Bool, card: String = Self.card) -> [String: String] {
        var templates = TemporaryProject.minimalTemplates
        let cards = shared ? "{{#stories}}{{{card}}}\n{{/stories}}" : "{{#stories}}{{>partials/story-card}}{{/stories}}"
        templates["Templates/stories.mustache"] = "{{<base}}{{$main}}\(cards)\(shared ? "{{{unitChips}}}|{{{tagChips}}}" : "{{>units}}|{{>tags}}"){{/main}}{{/base}}"
        templates["Templates/taxonomy.mustache"] = "{{<base}}{{$main}}<h1>{{term.name}}</h1>\(cards){{/main}}{{/base}}"
        templates["Templates/taxonomy-list.mustache"] = "{{<base}}{{$main}}{{#terms}}{{name}}{{/terms}}{{/main}}{{/base}}"
        templates["Templates/story.mustache"] = "{{<base}}{{$main}}{{story.unit}}{{/main}}{{/base}}"
        templates["Templates/partials/story-card.mustache"] = card
        if shared {
            templates["Templates/partials/term-chips.mustache"] = Self.chips
        } else {
            templates["Templates/units.mustache"] = Self.chips.replacingOccurrences(of: "terms", with: "units")
            templates["Templates/tags.mustache"] = Self.chips.replacingOccurrences(of: "terms", with: "tags")
        }
        return templates
    }

    @Test(arguments: otherCards)
    func otherCardsGiveThePagesTheyGiveInPlace(_ card: String) throws {
        let shared = try TemporaryProject(Self.content, templates: Self.templates(shared: true, card: card))
        let inline = try TemporaryProject(Self.content, templates: Self.templates(shared: false, card: card))
        #expect(shared.build().succeeded)
        #expect(inline.build().succeeded)
        let inlinePages = inline.tree().filter { $0.key.hasSuffix(".html") }
        #expect(inlinePages.count > 10)
        #expect(shared.tree().filter { $0.key.hasSuffix(".html") } == inlinePages)
    }

    /// A story's entry is made once for its unit's and tags' pages only while no template those pages
    /// are made with, nor what it includes, names the links that differ between their folders.
    @Test func unitAndTagPagesShareStoryEntriesOnlyWithoutTermLinks() throws {
        let plainCard = Self.otherCards[0]
        let unit = "%E7%BB%BC%E9%87%87%E4%B8%80%E5%8C%BA%E5%85%9A%E6%94%AF%E9%83%A8.html"
        let variants: [(taxonomy: String, partials: [String: String], shares: Bool)] = [
            ("{{#stories}}{{{card}}}{{/stories}}", [:], true),
            ("{{#stories}}{{{card}}}<a href=\"{{unitURL}}\">U</a>{{/stories}}", [:], false),
            ("{{#stories}}{{{card}}}{{>partials/links}}{{/stories}}", ["Templates/partials/links.mustache": "<a href=\"{{unitURL}}\">U</a>"], false),
            ("{{#stories}}{{{card}}}{{>partials/links}}{{/stories}}", ["Templates/partials/links.mustache": "{{#tags}}<a href=\"{{url}}\">T</a>{{/tags}}"], false),
        ]
        for (taxonomy, partials, shares) in variants {
            var templates = Self.templates(shared: true, card: plainCard).merging(partials) { _, new in new }
            templates["Templates/taxonomy.mustache"] = "{{<base}}{{$main}}<h1>{{term.name}}</h1>\(taxonomy){{/main}}{{/base}}"
            let project = try TemporaryProject(Self.content, templates: templates)
            let (set, _) = TemplateSet.load(from: project.root.appendingPathComponent("Templates"), displayPrefix: "Templates/")
            #expect(SharedFragments(templates: try #require(set)).sharesStoryEntries(onPagesOf: SiteContext.taxonomyTemplate) == shares, "\(taxonomy) \(partials)")
            #expect(project.build().succeeded)
            guard !shares else { continue }
            let unitPage = try #require(project.output("stories/units/综采一区党支部.html"))
            let tagPage = try #require(project.output("stories/tags/安全生产.html"))
            if partials.values.contains(where: { $0.contains("tags") }) {
                #expect(unitPage.contains(#"<a href="../tags/%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7.html">T</a>"#))
                #expect(tagPage.contains(#"<a href="%E5%AE%89%E5%85%A8%E7%94%9F%E4%BA%A7.html">T</a>"#))
            } else {
                #expect(unitPage.contains(#"<a href="\#(unit)">U</a>"#))
                #expect(tagPage.contains(#"<a href="../units/\#(unit)">U</a>"#))
            }
        }
    }

    /// Index pages after the first share a story's entry with its unit's and tags' pages only while
    /// their own template names none of the links that differ between the folders.
    @Test func indexPagesShareStoryEntriesOnlyWithoutTermLinks() throws {
        let plainCard = Self.otherCards[0]
        let unit = "%E7%BB%BC%E9%87%87%E4%B8%80%E5%8C%BA%E5%85%9A%E6%94%AF%E9%83%A8.html"
        for linksUnits in [false, true] {
            var templates = Self.templates(shared: true, card: plainCard)
            let links = linksUnits ? "<a href=\"{{unitURL}}\">U</a>" : ""
            templates["Templates/stories.mustache"] = "{{<base}}{{$main}}{{#stories}}{{{card}}}\(links){{/stories}}{{/main}}{{/base}}"
            let project = try TemporaryProject(Self.content, templates: templates)
            let (set, _) = TemplateSet.load(from: project.root.appendingPathComponent("Templates"), displayPrefix: "Templates/")
            let fragments = SharedFragments(templates: try #require(set))
            #expect(fragments.sharesStoryEntries(onPagesOf: PageKind.stories.rawValue) == !linksUnits)
            #expect(fragments.sharesStoryEntries(onPagesOf: SiteContext.taxonomyTemplate))
            #expect(project.build().succeeded)
            // Page 2 lists stories 5 and 4 (newest first, two a page); story 4 is of the first unit.
            let second = try #require(project.output("stories/page/2.html"))
            #expect(second.contains(#"<a href="../2024-04-s.html">故事4</a>"#), "\(second)")
            #expect(second.contains(#"<a href="../units/\#(unit)">U</a>"#) == linksUnits, "\(second)")
            let unitPage = try #require(project.output("stories/units/综采一区党支部.html"))
            #expect(unitPage.contains(#"<a href="../2024-04-s.html">故事4</a>"#))
        }
    }

    @Test func theShippedThemeSharesStoryEntriesBetweenUnitTagAndIndexPages() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (set, problems) = TemplateSet.load(from: repository.appendingPathComponent("Templates"), displayPrefix: "Templates/")
        #expect(problems.isEmpty)
        let fragments = SharedFragments(templates: try #require(set))
        #expect(fragments.sharesStoryEntries(onPagesOf: SiteContext.taxonomyTemplate))
        #expect(fragments.sharesStoryEntries(onPagesOf: PageKind.stories.rawValue))
    }

    @Test func pagesEqualThoseRenderedWithThePartialsInPlace() throws {
        let shared = try TemporaryProject(Self.content, templates: Self.templates(shared: true))
        let inline = try TemporaryProject(Self.content, templates: Self.templates(shared: false))
        #expect(shared.build().succeeded)
        #expect(inline.build().succeeded)
        let sharedPages = shared.tree().filter { $0.key.hasSuffix(".html") }
        let inlinePages = inline.tree().filter { $0.key.hasSuffix(".html") }
        #expect(Set(sharedPages.keys) == Set(inlinePages.keys))
        for (path, data) in inlinePages {
            #expect(sharedPages[path] == data, "\(path) differs")
        }
        // A story listed on its unit's page and on each of its tags' pages links from each page's folder.
        let unit = "%E7%BB%BC%E9%87%87%E4%B8%80%E5%8C%BA%E5%85%9A%E6%94%AF%E9%83%A8.html"
        let card = #"<li><img src="../images/a.svg" alt="图4"><a href="../2024-04-s.html">故事4</a><a href="UNIT">综采一区党支部</a><time datetime="2024-04-04">2024年4月4日</time>"#
        let unitPage = try #require(shared.output("stories/units/综采一区党支部.html"))
        #expect(unitPage.contains(card.replacingOccurrences(of: "UNIT", with: unit)))
        for tag in ["安全生产", "党员先锋"] {
            #expect(try #require(shared.output("stories/tags/\(tag).html")).contains(card.replacingOccurrences(of: "UNIT", with: "../units/" + unit)), "\(tag)")
        }
        #expect(try #require(shared.output("stories/tags/技术创新.html")).contains("故事4") == false)
        let index = try #require(shared.output("stories/index.html"))
        #expect(index.contains(#"<a href="2024-07-s.html">故事7</a>"#))
        #expect(index.contains(#"<img src="../assets/mark.svg" alt="示例站">"#))
    }
}
