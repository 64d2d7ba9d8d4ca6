import Testing
@testable import BrandpressKit

@Suite struct MarkdownRendererTests {
    @Test func softBreakBetweenChineseCharactersDisappears() {
        let html = MarkdownRenderer.render("中文段落\n第二行\n\nEnglish words\nhere", options: MarkdownOptions()).html
        #expect(html == "<p>中文段落第二行</p>\n<p>English words\nhere</p>\n")
    }

    @Test func headingIDsKeepChineseAndNumberDuplicates() {
        let rendered = MarkdownRenderer.render("# 总则\n## 总则\n## 总则\n## “四公开”的内容：A & B\n### Hello World!\n", options: MarkdownOptions())
        #expect(rendered.headings.map(\.id) == ["总则", "总则-1", "总则-2", "四公开的内容a-b", "hello-world"])
        #expect(rendered.headings.map(\.level) == [1, 2, 2, 2, 3])
        #expect(rendered.html.contains(#"<h2 id="四公开的内容a-b">“四公开”的内容：A &amp; B</h2>"#))
    }

    @Test func softBreakNextToChinesePunctuationAndMixedText() {
        let html = MarkdownRenderer.render("党建品牌，\n同心向党。\n\n煤矿 coal\nmine 安全\n生产", options: MarkdownOptions()).html
        #expect(html == "<p>党建品牌，同心向党。</p>\n<p>煤矿 coal\nmine 安全生产</p>\n")
    }

    /// The scalars either side of a soft break are read from cmark's bytes: one to four bytes long.
    @Test func softBreaksAreDecidedByTheScalarsNextToThem() {
        let ends = ["中", "a", "Ω", "𠀀", "😀", "e\u{301}", "，", "1", "ﾃ"]
        for before in ends {
            for after in ends {
                let html = MarkdownRenderer.render("行\(before)\n\(after)行", options: MarkdownOptions()).html
                let joins = CJKCharacters.joinsWithoutSpace(before.unicodeScalars.last!, after.unicodeScalars.first!)
                #expect(html == "<p>行\(before)\(joins ? "" : "\n")\(after)行</p>\n", "\(before) | \(after)")
            }
        }
    }

    @Test func commonMarkModeKeepsSoftBreaksAndPlainQuotes() {
        let html = MarkdownRenderer.render("中文\n段落 \"引号\"\n# 标题", options: .commonMark).html
        #expect(html == "<p>中文\n段落 &quot;引号&quot;</p>\n<h1>标题</h1>\n")
    }

    @Test func linkResolverSeesEveryDestinationWithItsLine() {
        let rendered = MarkdownRenderer.render("第一行\n\n[甲](a.md) ![乙](b.png)\n\n[外](https://example.org)", options: MarkdownOptions()) { destination, _ in
            destination.hasSuffix(".md") ? .rewrite("a.html") : destination.hasPrefix("https:") ? .keep : .invalid("缺少文件")
        }
        #expect(rendered.html.contains(#"<a href="a.html">甲</a>"#))
        #expect(rendered.html.contains(#"<a href="https://example.org">外</a>"#))
        #expect(rendered.references.map(\.line) == [3, 3, 5])
        #expect(rendered.references.map(\.column) == [1, 11, 1])
        #expect(rendered.diagnostics.map(\.message) == ["缺少文件"])
        #expect(rendered.diagnostics.first?.line == 3)
    }
}
