import Testing
@testable import BrandpressKit

@Suite struct SitePathTests {
    @Test(arguments: [
        ("index.html", "index.html", "index.html"),
        ("index.html", "stories/a.html", "stories/a.html"),
        ("stories/a.html", "stories/b.html", "b.html"),
        ("stories/a.html", "index.html", "../index.html"),
        ("stories/page/2/index.html", "stories/units/x.html", "../../units/x.html"),
        ("book/a/y.html", "book/b/z.html", "../b/z.html"),
        // A folder whose name starts like another's is not the same folder.
        ("book/ab/y.html", "book/a/y.html", "../a/y.html"),
        ("book/a/y.html", "book/ab/y.html", "../ab/y.html"),
        // A file named like a folder on the way is not that folder.
        ("book/a/y.html", "book/a", "../a"),
        ("stories/a.html", "stories/单位/矿山 一队.html", "%E5%8D%95%E4%BD%8D/%E7%9F%BF%E5%B1%B1%20%E4%B8%80%E9%98%9F.html"),
        ("品牌/a.html", "品牌/b.html", "b.html"),
        ("品牌/a.html", "品牌二/b.html", "../%E5%93%81%E7%89%8C%E4%BA%8C/b.html"),
        ("a/b.html", "a/c#x.html", "c%23x.html"),
    ])
    func relativeURLs(_ from: String, _ target: String, _ expected: String) {
        #expect(SitePath.relativeURL(from: from, to: target) == expected)
    }

    @Test func encodedPathsKeepTheirSlashesAndEncodeTheRest() {
        #expect(SitePath.encoded("assets/logo (1).svg") == "assets/logo%20(1).svg")
        #expect(SitePath.encoded("a//b") == "a//b")
        #expect(SitePath.percentDecode(SitePath.encoded("榜样/张 三.html")) == "榜样/张 三.html")
    }
}
