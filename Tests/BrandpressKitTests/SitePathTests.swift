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
        // From the root: the path as it is when nothing in it needs escaping, escaped when something does.
        ("search.html", "stories/2024-05-zhou_yan~1.html", "stories/2024-05-zhou_yan~1.html"),
        ("search.html", "榜样/周燕.html", "%E6%A6%9C%E6%A0%B7/%E5%91%A8%E7%87%95.html"),
        ("search.html", "a b/c?.html", "a%20b/c%3F.html"),
    ])
    func relativeURLs(_ from: String, _ target: String, _ expected: String) {
        #expect(SitePath.relativeURL(from: from, to: target) == expected)
    }

    @Test func partsAndRootPrefixes() {
        #expect(SitePath.parts(of: "品牌/综采一区/标识.svg") == ["品牌", "综采一区", "标识.svg"])
        #expect(SitePath.parts(of: "/a//é\u{301}/") == ["a", "é\u{301}"])
        #expect(SitePath.parts(of: "").isEmpty)
        #expect(SitePath.rootPrefix(for: "index.html") == "")
        #expect(SitePath.rootPrefix(for: "stories/units/掘进二区.html") == "../../")
    }

    /// What a file system that ignores case sees: the same as `lowercased()`, for every kind of path.
    @Test func foldingCaseIsLowercasing() {
        let paths = ["stories/2015-01-000264.html", "Stories/Night-Shift.HTML", "品牌/综采一区/标识.svg", "units/ＡＢＣ班.html",
                     "ÉTÉ/été.html", "a/İstanbul.html", "", "Z@[`{/az"]
        for path in paths {
            #expect(SitePath.foldingCase(path) == path.lowercased(), "\(path)")
        }
        // The characters `foldingCase` passes over have no lower case of their own.
        for value in UInt32(0x3000)...0x9FFF {
            let text = String(Unicode.Scalar(value)!)
            #expect(text.lowercased() == text, "U+\(String(value, radix: 16))")
        }
    }

    /// Markdown files are told by their extension in any case; a page's stem is its name without it.
    @Test func markdownStemsInAnyCase() {
        let cases: [(String, String?)] = [
            ("02-meetings.md", "02-meetings"), ("_index.MD", "_index"), ("夜班.Markdown", "夜班"), ("a.markdown", "a"),
            (".md", ""), ("md", nil), ("a.mdx", nil), ("a.m", nil), ("a-md", nil), ("logo.svg", nil), ("a.md.txt", nil), ("", nil),
        ]
        for (name, stem) in cases {
            #expect(SitePath.isMarkdown(name) == (stem != nil), "\(name)")
            if let stem { #expect(SitePath.fileStem(of: name) == stem, "\(name)") }
        }
    }

    @Test func foldersAndFileNamesSplitAtTheLastSlash() {
        let cases: [(String, String, String)] = [
            ("stories/2024-05-周燕.md", "stories", "2024-05-周燕.md"), ("品牌/综采一区/标识.svg", "品牌/综采一区", "标识.svg"),
            ("index.md", "", "index.md"), ("a/", "a", ""), ("/a", "", "a"), ("", "", ""), ("é/e\u{301}.md", "é", "e\u{301}.md"),
        ]
        for (path, directory, fileName) in cases {
            #expect(SitePath.directory(of: path) == directory, "\(path)")
            #expect(SitePath.fileName(of: path) == fileName, "\(path)")
        }
    }

    /// A file's stem, found on the bytes, against the file name with its last extension cut off.
    @Test func fileStemsAreFileNamesWithoutTheirLastExtension() {
        for path in ["stories/2024-05-周燕.md", "a/b/02-meetings.markdown", "_index.MD", "noextension", "a.b/c", "a/b.c.d", "a/.md",
                     "", "/x.md", "夜班/e\u{301}.md", "x.", String(repeating: "长", count: 40) + "/" + String(repeating: "名", count: 30) + ".md"] {
            let name = SitePath.fileName(of: path)
            let expected = name.utf8.lastIndex(of: UInt8(ascii: ".")).map { String(name[..<$0]) } ?? name
            #expect(SitePath.fileStem(of: path) == expected, "\(path)")
        }
        #expect(SitePath.concatenating("stories", "/", "2024-05-周燕", ".html") == "stories/2024-05-周燕.html")
        #expect(SitePath.concatenating("", "", "index", ".html") == "index.html")
        #expect(SitePath.concatenating(String(repeating: "手册", count: 20), "/", "e\u{301}", "") == String(repeating: "手册", count: 20) + "/e\u{301}")
    }

    /// Whether a path is directly in a folder, on the bytes, against comparing its directory's bytes.
    @Test func directlyInAFolderIsHavingItAsDirectory() {
        let paths = ["stories/2024-05-周燕.html", "stories/a/b.html", "stories-2/x.html", "storiesx", "index.html", "", "/x", "a/", "a//b",
                     "手册/第二章.html", "手册/第二章/附录.html", "e\u{301}/x", "\u{E9}/x"]
        for folder in ["", "stories", "stories/a", "手册", "\u{E9}", "e\u{301}", "a", "a/"] {
            for path in paths {
                #expect(SitePath.isDirectly(in: folder, path) == SitePath.directory(of: path).utf8.elementsEqual(folder.utf8), "\(folder) \(path)")
            }
        }
        #expect(OutputPatch.folders(holding: ["a/b/c.html", "a/b/d.html", "a/e.html", "f.html", "a/b/g/h.html", "a/b/i.html"])
                == ["a", "a/b", "a/b/g"])
    }

    @Test func orderPrefixesAreOneToThreeDigitsAndADash() {
        #expect(SitePath.orderPrefix("01-basics")! == (1, "basics"))
        #expect(SitePath.orderPrefix("007-采掘")! == (7, "采掘"))
        #expect(SitePath.orderPrefix("120-")! == (120, ""))
        for name in ["0001-four", "basics", "-1", "01basics", "1", "", "一-二", "１-full-width"] {
            #expect(SitePath.orderPrefix(name) == nil, "\(name)")
            #expect(SitePath.orderNumber(name) == nil, "\(name)")
        }
        #expect(SitePath.orderNumber("007-采掘")?.0 == 7)
        #expect(SitePath.strippingOrderPrefix("02-综采") == "综采")
        #expect(SitePath.strippingOrderPrefix("02-") == "02-")
        #expect(SitePath.outputDirectory(for: "01-手册/002-第二章/附录") == "手册/第二章/附录")
        #expect(SitePath.assetOutputPath(for: "01-品牌/02-logo/01-标识.svg") == "品牌/logo/01-标识.svg")
    }

    @Test func normalizingResolvesDotsAndEmptyParts() {
        let cases: [(String, String?)] = [
            ("品牌/标识.svg", "品牌/标识.svg"), ("a//b", "a/b"), ("/a/", "a"), ("./a", "a"), ("a/./b", "a/b"), ("a/../b", "b"),
            ("a/b/..", "a"), ("..", nil), ("a/../..", nil), (".../a", ".../a"), ("a/.b/c.", "a/.b/c."), ("", ""), (".", ""),
        ]
        for (path, expected) in cases {
            #expect(SitePath.normalize(path) == expected, "\(path)")
        }
        #expect(SitePath.outputDirectory(for: "手册/第二章") == "手册/第二章")
        #expect(SitePath.outputDirectory(for: "a//01-b/") == "a/b")
        #expect(SitePath.outputDirectory(for: "./02-c") == "./c")
        #expect(SitePath.outputDirectory(for: "") == "")
    }

    @Test func encodedPathsKeepTheirSlashesAndEncodeTheRest() {
        #expect(SitePath.encoded("assets/logo (1).svg") == "assets/logo%20(1).svg")
        #expect(SitePath.encoded("a//b") == "a//b")
        #expect(SitePath.percentDecode(SitePath.encoded("榜样/张 三.html")) == "榜样/张 三.html")
    }
}
