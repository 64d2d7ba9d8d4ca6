import Foundation
import Testing
@testable import BrandpressKit

@Suite struct RobustnessTests {
    static let page = "---\ntitle: 同心向党\ndate: 2024-05-01\n---\n## 第一节\n\n党建品牌\n建设。\n"

    @Test(arguments: [
        ("utf8-bom", Data([0xEF, 0xBB, 0xBF]) + Data(page.utf8)),
        ("utf16le", Data([0xFF, 0xFE]) + page.data(using: .utf16LittleEndian)!),
        ("utf16be", Data([0xFE, 0xFF]) + page.data(using: .utf16BigEndian)!),
        ("crlf", Data(page.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
        ("cr", Data(page.replacingOccurrences(of: "\n", with: "\r").utf8)),
        ("gb18030", try! Data(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/encodings/gb18030.md"))),
    ])
    func everyEncodingAndLineEndingGivesTheSamePage(_ name: String, _ data: Data) throws {
        let project = try TemporaryProject(["Content/a.md": ""])
        try project.write("Content/a.md", data: data)
        let report = project.build()
        #expect(report.succeeded, "\(TemporaryProject.lines(report))")
        let html = try #require(project.output("a.html"))
        #expect(html.contains("<h1>同心向党</h1>"))
        #expect(html.contains(#"<h2 id="第一节">第一节</h2>"#))
        #expect(html.contains("<p>党建品牌建设。</p>"))
        #expect(report.diagnostics.count == (name == "gb18030" ? 1 : 0))
    }

    @Test func frontMatterAndConfigValuesAreEscapedInTemplates() throws {
        var templates = TemporaryProject.minimalTemplates
        templates["Templates/page.mustache"] = #"{{<base}}{{$main}}<p title="{{page.params.unit}}">{{page.title}}</p>{{site.title}}{{/main}}{{/base}}"#
        let project = try TemporaryProject([
            "Content/site.yml": "title: \"<b>站</b>\"\n",
            "Content/a.md": "---\ntitle: \"<script>alert(1)</script>\"\nunit: '\" onmouseover=\"x'\n---\n",
        ], templates: templates)
        #expect(project.build().succeeded)
        let html = try #require(project.output("a.html"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("title=\"&quot; onmouseover=&quot;x\""))
        #expect(html.contains("&lt;b&gt;站&lt;/b&gt;"))
        #expect(!html.contains("<script>"))
    }

    @Test func rawHTMLAndDangerousLinksAreDroppedInSafeMode() throws {
        let body = "# A\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](data:text/html;base64,PHNjcmlwdD4=) [z](https://example.org)\n"
        let project = try TemporaryProject(["Content/a.md": body])
        #expect(project.build().succeeded)
        let html = try #require(project.output("a.html"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
        #expect(html.contains(#"<a href="https://example.org">z</a>"#))

        try project.write("Content/site.yml", "unsafe_html: true\n")
        #expect(project.build().succeeded)
        #expect(project.output("a.html")?.contains("<script>alert(1)</script>") == true)
    }

    @Test func deeplyNestedListsAndQuotesDoNotCrash() throws {
        let lists = (0..<5000).map { String(repeating: "  ", count: $0) + "- 第\($0)层" }.joined(separator: "\n")
        let quotes = String(repeating: ">", count: 20000) + " 引用\n"
        let rendered = MarkdownRenderer.render(lists + "\n\n" + quotes, options: MarkdownOptions())
        #expect(rendered.html.contains("第4999层"))
        #expect(rendered.html.contains("引用"))
    }

    @Test func aTwentyMegabyteFileBuilds() throws {
        let paragraph = "煤海先锋在井下一线攻坚克难，**安全生产**连续无事故。\n综采一区全体党员冲在前面。\n\n"
        let body = "# 大文件\n\n" + String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count)
        let project = try TemporaryProject(["Content/big.md": body])
        let report = project.build()
        #expect(report.succeeded)
        #expect((project.output("big.html")?.utf8.count ?? 0) > 20_000_000)
    }

    @Test func symbolicLinksLeavingContentAreRefused() throws {
        let project = try TemporaryProject(["Content/a.md": "# A\n"])
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("Content/secret.png").path, withDestinationPath: "/etc/hostname")
        let lines = TemporaryProject.lines(project.build())
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Content/secret.png: error: this symbolic link leads outside Content/") == true)
    }

    @Test func anUnwritableOutputFailsAndKeepsTheOldOne() throws {
        let project = try TemporaryProject(["Content/a.md": "# A\n"])
        try project.write("blocker", "a file where the output's parent folder should be")
        let report = project.build(output: "blocker/Output")
        #expect(!report.succeeded)
        #expect(TemporaryProject.lines(report).first?.hasPrefix("blocker/Output: error: cannot write the output") == true)
    }
}
