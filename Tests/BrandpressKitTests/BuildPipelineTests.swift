import Foundation
import Testing
@testable import BrandpressKit

@Suite struct BuildPipelineTests {
    static let basicSite: [String: String] = [
        "Content/site.yml": "title: 测试站点\nlanguage: zh-CN\n",
        "Content/_index.md": "---\ntitle: 首页\n---\n欢迎。见[手册](handbook/_index.md)。\n",
        "Content/handbook/_index.md": "---\ntitle: 手册\n---\n",
        "Content/handbook/01-zongze/_index.md": "# 总则\n",
        "Content/handbook/01-zongze/02-fanwei.md": "---\ntitle: 适用范围\n---\n## 适用 对象\n\n回到[目的](01-mudi.md#编写目的)。\n",
        "Content/handbook/01-zongze/01-mudi.md": "---\ntitle: 目的\n---\n## 编写目的\n\n![标识](../../images/logo.svg)\n见[范围](02-fanwei.md)和[首页](/_index.md)。\n",
        "Content/images/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ]

    @Test func writesPagesWithPrefixesDroppedAndLinksRewritten() throws {
        let project = try TemporaryProject(Self.basicSite)
        let report = project.build()
        #expect(report.succeeded, "\(TemporaryProject.lines(report))")
        let purpose = try #require(project.output("handbook/zongze/mudi.html"))
        #expect(purpose.contains(#"<h2 id="编写目的">编写目的</h2>"#))
        #expect(purpose.contains(#"<img src="../../images/logo.svg" alt="标识" />"#))
        #expect(purpose.contains(#"<a href="fanwei.html">范围</a>"#))
        #expect(purpose.contains(#"<a href="../../index.html">首页</a>"#))
        #expect(purpose.contains("root=[../../]"))
        #expect(purpose.contains(#"href="../../assets/style.css""#))
        #expect(purpose.contains("next=[fanwei.html|适用范围]"))
        let scope = try #require(project.output("handbook/zongze/fanwei.html"))
        #expect(scope.contains(#"<h2 id="适用-对象">"#))
        #expect(scope.contains(#"<a href="mudi.html#%E7%BC%96%E5%86%99%E7%9B%AE%E7%9A%84">目的</a>"#))
        #expect(scope.contains("prev=[mudi.html|目的]"))
        #expect(project.output("index.html")?.contains(#"<a href="handbook/index.html">手册</a>"#) == true)
        #expect(project.exists("Output/images/logo.svg"))
        #expect(project.exists("Output/assets/style.css"))
        #expect(project.exists("Output/404.html"))
    }

    @Test func chapterTitleComesFromItsFirstHeadingAndIsNotRepeated() throws {
        let project = try TemporaryProject(Self.basicSite)
        project.build()
        let chapter = try #require(project.output("handbook/zongze/index.html"))
        #expect(chapter.contains("<h1>总则</h1>"))
        #expect(!chapter.contains("<h1>总则</h1>\n<h1>"))
        #expect(chapter.contains("page=[mudi.html|目的]\npage=[fanwei.html|适用范围]"))
    }

    @Test func brokenLinksAreErrorsWithFileLineAndColumn() throws {
        var files = Self.basicSite
        files["Content/a.md"] = "---\ntitle: A\n---\n第一行\n\n见[不存在](missing.md)和![图](nope.png)。\n"
        let project = try TemporaryProject(files)
        let report = project.build()
        #expect(!report.succeeded)
        #expect(TemporaryProject.lines(report) == [
            "Content/a.md:6:2: error: the link 'missing.md' points to Content/missing.md, which does not exist; check the file name (links are relative to this page, or to Content/ when they start with `/`)",
            "Content/a.md:6:20: error: the link 'nope.png' points to Content/nope.png, which does not exist; check the file name (links are relative to this page, or to Content/ when they start with `/`)",
        ])
    }

    @Test func linksOutsideContentAreRefused() throws {
        var files = Self.basicSite
        files["Content/a.md"] = "# A\n\n[x](../../../outside.md) ![y](/../etc/passwd)\n"
        let project = try TemporaryProject(files)
        let lines = TemporaryProject.lines(project.build())
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("Content/a.md:3:") && $0.contains("leads outside Content/") })
    }

    @Test func missingHeadingInALinkIsAWarning() throws {
        var files = Self.basicSite
        files["Content/a.md"] = "# A\n\n[x](handbook/01-zongze/01-mudi.md#没有这一节)\n"
        let project = try TemporaryProject(files)
        let report = project.build()
        #expect(report.succeeded)
        #expect(TemporaryProject.lines(report) == [
            "Content/a.md:3:1: warning: the link 'handbook/01-zongze/01-mudi.md#没有这一节' names the heading #没有这一节, which Content/handbook/01-zongze/01-mudi.md does not have; its headings are #编写目的",
        ])
    }

    @Test func fileNamesWithSpacesChineseAndHashArePercentEncoded() throws {
        var files = Self.basicSite
        files["Content/docs/年度 总结#1.md"] = "# 年度总结\n"
        files["Content/docs/报告 100%.pdf"] = "%PDF"
        files["Content/docs/Why?.md"] = "# 为什么\n"
        files["Content/b.md"] = "# B\n\n[总结](<docs/年度 总结%231.md>) [报告](<docs/报告 100%25.pdf>) [问](docs/Why%3F.md)\n"
        let project = try TemporaryProject(files)
        let report = project.build()
        #expect(report.succeeded, "\(TemporaryProject.lines(report))")
        #expect(project.exists("Output/docs/年度 总结#1.html"))
        let page = try #require(project.output("b.html"))
        #expect(page.contains(#"href="docs/%E5%B9%B4%E5%BA%A6%20%E6%80%BB%E7%BB%93%231.html""#))
        #expect(page.contains(#"href="docs/%E6%8A%A5%E5%91%8A%20100%25.pdf""#))
        #expect(page.contains(#"href="docs/Why%3F.html""#))
        #expect(project.exists("Output/docs/Why?.html"))
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        var files = Self.basicSite
        files["Content/draft.md"] = "---\ntitle: 草稿\ndraft: true\n---\n"
        let project = try TemporaryProject(files)
        #expect(project.build().succeeded)
        #expect(!project.exists("Output/draft.html"))
        #expect(project.build(drafts: true).succeeded)
        #expect(project.exists("Output/draft.html"))
    }

    @Test func aLinkToADraftSaysSo() throws {
        var files = Self.basicSite
        files["Content/draft.md"] = "---\ntitle: 草稿\ndraft: true\n---\n"
        files["Content/c.md"] = "# C\n[草稿](draft.md)\n"
        let project = try TemporaryProject(files)
        #expect(TemporaryProject.lines(project.build()).first?.contains("points to a draft page") == true)
    }

    @Test func twoFilesForOneOutputPathAreAnError() throws {
        var files = Self.basicSite
        files["Content/01-news.md"] = "# 一\n"
        files["Content/news.md"] = "# 二\n"
        files["Content/other.md"] = "---\ntitle: 三\nslug: news\n---\n"
        let project = try TemporaryProject(files)
        let lines = TemporaryProject.lines(project.build())
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("would both be written to Output/news.html") })
    }

    @Test func slugCannotLeaveItsFolder() throws {
        var files = Self.basicSite
        files["Content/x.md"] = "---\ntitle: X\nslug: ../../x\n---\n"
        let project = try TemporaryProject(files)
        let lines = TemporaryProject.lines(project.build())
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("Content/x.md:3:1: error: 'slug' must be a plain file name"))
    }

    @Test func unknownTemplateIsAnErrorOnItsLine() throws {
        var files = Self.basicSite
        files["Content/x.md"] = "---\ntitle: X\ntemplate: ../../etc/passwd\n---\n"
        files["Content/y.md"] = "---\ntitle: Y\ntemplate: fancy\n---\n"
        let project = try TemporaryProject(files)
        let lines = TemporaryProject.lines(project.build())
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("Content/x.md:3:1: error: 'template' names '../../etc/passwd', which is not a template in Templates/"))
        #expect(lines[1].hasPrefix("Content/y.md:3:1: error: 'template' names 'fancy'"))
    }

    @Test func missingPartialAndSyntaxErrorsNameTheTemplate() throws {
        var templates = TemporaryProject.minimalTemplates
        templates["Templates/section.mustache"] = "{{<base}}{{$main}}\n  {{>partials/cards}}{{/main}}{{/base}}"
        templates["Templates/page.mustache"] = "{{<base}}{{$main}}\n{{#page}}\n{{/main}}{{/base}}"
        let project = try TemporaryProject(Self.basicSite, templates: templates)
        let lines = TemporaryProject.lines(project.build())
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("Templates/page.mustache:3:"))
        #expect(lines[0].contains("template syntax error"))
        #expect(lines[1] == "Templates/section.mustache:2:3: error: this template uses 'partials/cards', but there is no Templates/partials/cards.mustache")
    }

    /// Lines ended the Windows way are counted as lines, and a column counts characters.
    @Test func aMissingPartialIsFoundOnItsLineInCRLFText() throws {
        var templates = TemporaryProject.minimalTemplates
        templates["Templates/section.mustache"] = "{{<base}}{{$main}}\r\n\r\n<p>目录</p>{{>partials/cards}}{{/main}}{{/base}}"
        let project = try TemporaryProject(Self.basicSite, templates: templates)
        let lines = TemporaryProject.lines(project.build())
        #expect(lines == ["Templates/section.mustache:3:10: error: this template uses 'partials/cards', but there is no Templates/partials/cards.mustache"])
    }

    @Test func failedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let project = try TemporaryProject(Self.basicSite)
        #expect(project.build().succeeded)
        let before = project.tree()
        try project.write("Content/broken.md", "---\ntitle: [unclosed\n---\n")
        try project.write("Content/handbook/01-zongze/01-mudi.md", "# 改过的目的\n")
        let report = project.build()
        #expect(!report.succeeded)
        #expect(project.tree() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".Output") }
        #expect(leftovers.isEmpty)
    }

    @Test func successfulBuildLeavesNoStaleFiles() throws {
        var files = Self.basicSite
        files["Content/old.md"] = "# 旧页\n"
        let project = try TemporaryProject(files)
        #expect(project.build().succeeded)
        #expect(project.exists("Output/old.html"))
        try project.remove("Content/old.md")
        #expect(project.build().succeeded)
        #expect(!project.exists("Output/old.html"))
    }

    @Test func leftoversOfAKilledBuildAreCleanedUp() throws {
        let project = try TemporaryProject(Self.basicSite)
        try project.write(".Output.brandpress-staging-123-4/half.html", "<p>half")
        #expect(project.build().succeeded)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".Output") }
        #expect(leftovers.isEmpty)
    }

    @Test(arguments: [".", "Content", "Templates", ".."])
    func refusesOutputFoldersThatHoldTheProject(_ output: String) throws {
        let project = try TemporaryProject(Self.basicSite)
        let report = project.build(output: output)
        #expect(!report.succeeded)
        #expect(TemporaryProject.lines(report).first?.contains("which the build would replace") == true)
        #expect(project.exists("Content/_index.md"))
    }

    @Test func unknownSiteSettingNamesKeyAndLine() throws {
        var files = Self.basicSite
        files["Content/site.yml"] = "title: 站点\ntitel: 错字\n"
        let project = try TemporaryProject(files)
        #expect(TemporaryProject.lines(project.build()) == ["Content/site.yml:2:1: error: unknown setting 'titel'; did you mean 'title'?"])
    }

    @Test func everyProblemIsReportedTogether() throws {
        var files = Self.basicSite
        files["Content/a.md"] = "---\ndate: 昨天\nweight: heavy\ntags: 安全\n---\n# A\n"
        files["Content/b.md"] = "---\ntitle: B\n"
        files["Content/c.md"] = ""
        let project = try TemporaryProject(files)
        let lines = TemporaryProject.lines(project.build())
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("Content/a.md:2:1: error: 'date' is not a date"))
        #expect(lines[1].hasPrefix("Content/a.md:3:1: error: 'weight' must be a whole number"))
        #expect(lines[2].hasPrefix("Content/a.md:4:1: error: 'tags' must be a list"))
        #expect(lines[3].hasPrefix("Content/b.md:1:1: error: the front matter that starts on line 1 is never closed"))
        #expect(lines[4].hasPrefix("Content/c.md: error: this file is empty"))
    }

    @Test func pageWithoutTitleIsAnError() throws {
        var files = Self.basicSite
        files["Content/a.md"] = "只有正文，没有标题。\n"
        let project = try TemporaryProject(files)
        #expect(TemporaryProject.lines(project.build()) == ["Content/a.md:1:1: error: this page has no title; add `title: …` to its front matter or start the text with a `# heading`"])
    }

    @Test func aFolderWithoutIndexStillGetsAPageSoLinksToItWork() throws {
        var files = Self.basicSite
        files["Content/02-news/01-first.md"] = "# 第一条\n"
        files["Content/02-news/02-second.md"] = "# 第二条\n"
        files["Content/c.md"] = "# C\n\n[新闻](02-news/)\n"
        let project = try TemporaryProject(files)
        #expect(project.build().succeeded)
        let section = try #require(project.output("news/index.html"))
        #expect(section.contains("<h1>news</h1>"))
        #expect(section.contains("page=[first.html|第一条]\npage=[second.html|第二条]"))
        #expect(project.output("c.html")?.contains(#"<a href="news/index.html">新闻</a>"#) == true)
    }
}
