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
