import Foundation
import Testing
@testable import BrandpressKit

@Suite struct CheckTests {
    @Test func checkFindsEveryPlantedProblemAndWritesNothing() throws {
        let project = try TemporaryProject([
            "Content/_index.md": "# 首页\n\n[手册](book.md#第二节)\n",
            "Content/book.md": "# 手册\n\n## 第一节\n\n正文。\n\n![](images/a.svg)\n\n[丢失](lost.md)\n",
            "Content/images/a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "Content/images/unused.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "Content/x.md": "---\ntitle: X\ntemplate: nope\n---\n",
        ])
        try project.write("Content/images/big.png", data: Data(count: 2 * 1024 * 1024 + 1))
        try project.write("Content/y.md", "# Y\n\n![大图](images/big.png)\n")
        let report = SiteBuilder.build(BuildOptions(root: project.root, checkOnly: true))
        let lines = TemporaryProject.lines(report)
        #expect(lines.count == 6, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Content/_index.md:3:1: warning: the link 'book.md#第二节' names the heading #第二节") })
        #expect(lines.contains { $0.hasPrefix("Content/book.md:7:1: warning: this image has no text alternative") })
        #expect(lines.contains { $0.hasPrefix("Content/book.md:9:1: error: the link 'lost.md' points to Content/lost.md, which does not exist") })
        #expect(lines.contains { $0.hasPrefix("Content/images/big.png: warning: this image is 2 MB") })
        #expect(lines.contains { $0.hasPrefix("Content/images/unused.svg: warning: no page links to this file") })
        #expect(lines.contains { $0.hasPrefix("Content/x.md:3:1: error: 'template' names 'nope'") })
        #expect(!project.exists("Output"))
    }
}

@Suite struct CheckOnTheSampleTests {
    /// A copy of the real sample with five faults planted at known lines.
    @Test func findsFivePlantedFaultsInACopyOfTheSample() throws {
        let project = try TemporaryProject.copyOfTheSample()
        func edit(_ path: String, _ change: (inout [String]) -> Void) throws {
            let url = project.root.appendingPathComponent(path)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            change(&lines)
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        // 1. a date that is no date (line 3); 2. a broken link on line 12; 3. an image without alt text on line 14
        try edit("Content/stories/2024-05-zhou-yan.md") { lines in
            lines[2] = "date: 2024-02-30"
            lines[11] = "大多是倒班的年轻人。见[不存在的页](2099-01-nobody.md)。"
            lines[13] = "![](images/nothing-here.svg)"
        }
        // 4. a link to a heading that does not exist (line 40)
        try edit("Content/handbook/03-pinpai-chuangjian/03-sigongkai.md") { lines in
            lines[39] = "公示表格式见[四公开公示模板](../06-fuze/04-gongkai-moban.md#没有这一节)。"
        }
        // 5. a misspelt setting on line 2 of site.yml
        try edit("Content/site.yml") { lines in lines.insert("titel: 错字", at: 1) }

        let report = SiteBuilder.build(BuildOptions(root: project.root, checkOnly: true))
        let lines = TemporaryProject.lines(report)
        #expect(!report.succeeded)
        #expect(lines.contains { $0.hasPrefix("Content/stories/2024-05-zhou-yan.md:3:1: error: 'date' is not a date") })
        #expect(lines.contains { $0.hasPrefix("Content/site.yml:2:1: error: unknown setting 'titel'; did you mean 'title'?") })
        // Pages with front matter errors are not rendered, so the story's own link and image problems
        // show once the date is fixed; the handbook link is checked now.
        #expect(lines.contains { $0.hasPrefix("Content/handbook/03-pinpai-chuangjian/03-sigongkai.md:40:7: warning: the link '../06-fuze/04-gongkai-moban.md#没有这一节' names the heading #没有这一节") })
        #expect(lines.count == 3, "\(lines)")

        try edit("Content/stories/2024-05-zhou-yan.md") { lines in lines[2] = "date: 2024-05-10" }
        let second = TemporaryProject.lines(SiteBuilder.build(BuildOptions(root: project.root, checkOnly: true)))
        #expect(second.contains { $0.hasPrefix("Content/stories/2024-05-zhou-yan.md:12:12: error: the link '2099-01-nobody.md' points to Content/stories/2099-01-nobody.md, which does not exist") })
        #expect(second.contains { $0.hasPrefix("Content/stories/2024-05-zhou-yan.md:14:1: warning: this image has no text alternative") })
        #expect(second.contains { $0.hasPrefix("Content/stories/2024-05-zhou-yan.md:14:1: error: the link 'images/nothing-here.svg' points to Content/stories/images/nothing-here.svg, which does not exist") })
        #expect(second.count == 5, "\(second)")
    }
}
