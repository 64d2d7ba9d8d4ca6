import Foundation
import Testing
@testable import BrandpressKit

private struct GFMExample: Decodable, Sendable, CustomTestStringConvertible {
    var example: Int
    var section: String
    var markdown: String
    var html: String

    var testDescription: String { "GFM table example \(example) (\(section))" }

    static func all() throws -> [GFMExample] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/commonmark/gfm-tables", withExtension: "json"))
        return try JSONDecoder().decode([GFMExample].self, from: Data(contentsOf: url))
    }
}

private let unsafeCommonMark: MarkdownOptions = {
    var options = MarkdownOptions.commonMark
    options.unsafeHTML = true
    return options
}()

@Suite struct PipeTableTests {
    /// Examples whose exact HTML we knowingly do not produce, with the reason. Empty: all 16 match.
    /// A listed example that starts passing fails the test too, so the list stays honest.
    static let expectedMismatches: [Int: String] = [:]

    @Test func gfmTableExamples() throws {
        let examples = try GFMExample.all()
        #expect(examples.count == 16)
        for example in examples {
            let html = MarkdownRenderer.render(example.markdown, options: unsafeCommonMark).html
            if let reason = Self.expectedMismatches[example.example] {
                #expect(html != example.html, "example \(example.example) now passes; remove it from the list (\(reason))")
            } else {
                #expect(html == example.html, "example \(example.example)")
            }
        }
    }

    /// Cells lose the spaces at their ends byte by byte, as cmark-gfm trims them: also a space
    /// that makes one character with a combining mark or joiner after it, or a prepended mark before it.
    @Test(arguments: [
        (" 综采一队 ", "综采一队"), ("\t QC小组\r", "QC小组"), ("a\\|b ", "a|b"), (" \u{301}x ", "\u{301}x"),
        (" \u{200D}安 ", "\u{200D}安"), ("x\u{600} ", "x\u{600}"), ("\u{0B}\u{0C}，安全。\r\n", "，安全。"),
        ("\u{3000}标题\u{3000}", "\u{3000}标题\u{3000}"), ("\u{A0}a\u{A0}", "\u{A0}a\u{A0}"), ("  ", ""),
    ])
    func cellsAreTrimmedByteByByteAsGFMDoes(_ cell: String, _ expected: String) {
        #expect(PipeTable.cells(ofRow: Substring("|" + cell + "|x")) == [expected, "x"])
    }

    @Test func headerFollowedByDelimiterWithoutOuterPipes() {
        let html = MarkdownRenderer.render("a | b\n--- | ---\n", options: unsafeCommonMark).html
        #expect(html == "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n</table>\n")
    }

    @Test func paragraphLineBeforeTableStaysParagraph() {
        let html = MarkdownRenderer.render("Intro *text*\n| a |\n| - |\n| b |\n", options: unsafeCommonMark).html
        #expect(html == "<p>Intro <em>text</em></p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test func tableInListItem() {
        let html = MarkdownRenderer.render("- item\n\n  | a | b |\n  | :- | -: |\n  | 1 | 2 |\n", options: unsafeCommonMark).html
        #expect(html == "<ul>\n<li>\n<p>item</p>\n<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n</li>\n</ul>\n")
    }

    @Test func tableOnListMarkerLine() {
        let html = MarkdownRenderer.render("- | a |\n  | - |\n  | b |\n", options: unsafeCommonMark).html
        #expect(html == "<ul>\n<li>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n</li>\n</ul>\n")
    }

    @Test func tableInBlockQuote() {
        let html = MarkdownRenderer.render("> Quote\n> | a | b |\n>| --- | :-: |\n> | `x\\|y` | z |\n", options: unsafeCommonMark).html
        #expect(html == "<blockquote>\n<p>Quote</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th align=\"center\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><code>x|y</code></td>\n<td align=\"center\">z</td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n")
    }

    @Test func chineseScheduleTable() {
        let markdown = """
        | 时间 | 任务 | 责任人 |
        | :--: | ---- | ----- |
        | 周一 | 编写**文档** | 张三 |
        | 周二 | 审校 | 李四、王五 |
        """
        let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions())
        #expect(rendered.html == """
        <table>
        <thead>
        <tr>
        <th align="center">时间</th>
        <th>任务</th>
        <th>责任人</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td align="center">周一</td>
        <td>编写<strong>文档</strong></td>
        <td>张三</td>
        </tr>
        <tr>
        <td align="center">周二</td>
        <td>审校</td>
        <td>李四、王五</td>
        </tr>
        </tbody>
        </table>

        """)
    }

    @Test func linksInCellsGoThroughResolver() {
        let markdown = "Text\n\n| Page | Note |\n| --- | --- |\n| [A](a.md) | ok |\n| [B](b.md) | broken |\n"
        let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions()) { destination, _ in
            switch destination {
            case "a.md": .rewrite("x.html")
            case "b.md": .invalid("b.md does not exist")
            default: .keep
            }
        }
        #expect(rendered.html.contains("<td><a href=\"x.html\">A</a></td>"))
        #expect(rendered.diagnostics.count == 1)
        #expect(rendered.diagnostics.first?.line == 6)
        #expect(rendered.references.map(\.line) == [5, 6])
    }

    @Test func referenceLinksInCellsUseDefinitionsAnywhere() {
        let markdown = "[a]: /first \"T\"\n| [x][a] | [b] |\n| - | - |\n\n> [b]: /quoted\n"
        let html = MarkdownRenderer.render(markdown, options: unsafeCommonMark).html
        #expect(html.contains("<th><a href=\"/first\" title=\"T\">x</a></th>\n<th><a href=\"/quoted\">b</a></th>"))
    }

    @Test func cellsThatLookLikeBlocksStayInline() {
        let markdown = "| a | b | c | d |\n| - | - | - | - |\n| - | 1. x | # h | > q |\n"
        let html = MarkdownRenderer.render(markdown, options: unsafeCommonMark).html
        #expect(html.contains("<td>-</td>\n<td>1. x</td>\n<td># h</td>\n<td>&gt; q</td>\n"))
    }

    @Test func headerWithoutDelimiterStaysParagraph() {
        let html = MarkdownRenderer.render("| a | b |\n| c | d |\n", options: unsafeCommonMark).html
        #expect(html == "<p>| a | b |\n| c | d |</p>\n")
    }

    @Test func setextUnderlineAfterTableIsThematicBreak() {
        // Plain cmark reads all four lines as one setext heading; GFM ends the table at `---`.
        let html = MarkdownRenderer.render("| a |\n| - |\n| b |\n---\n", options: unsafeCommonMark).html
        #expect(html == "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n<hr />\n")
    }

    @Test func equalsUnderlineAfterTableIsRow() {
        let html = MarkdownRenderer.render("| a |\n| - |\n===\n", options: unsafeCommonMark).html
        #expect(html == "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>===</td>\n</tr>\n</tbody>\n</table>\n")
    }

    @Test func singleLineSetextHeadingIsUntouched() {
        let html = MarkdownRenderer.render("a | b\n---\n", options: unsafeCommonMark).html
        #expect(html == "<h2>a | b</h2>\n")
    }

    @Test func rowCellsAndEscapes() {
        #expect(PipeTable.cells(ofRow: "| a | b\\|c | `x\\\\|` |") == ["a", "b|c", "`x\\|`"])
        #expect(PipeTable.cells(ofRow: "|| x |") == ["", "x"])
        #expect(PipeTable.cells(ofRow: "| ") == nil)
        #expect(PipeTable.alignments(ofDelimiterRow: ":-- | :-: | --: | -") == [.left, .center, .right, .none])
        #expect(PipeTable.alignments(ofDelimiterRow: "| -- | x |") == nil)
        #expect(PipeTable.alignments(ofDelimiterRow: "|") == nil)
    }
}

/// Table cells of plain text skip cmark; cmark itself is the oracle that they come out the same.
@Suite struct PlainTableCellTests {
    static func sampleCells() throws -> [String] {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let content = repository.appendingPathComponent("Content")
        var cells: [String] = []
        let files = try #require(FileManager.default.enumerator(atPath: content.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("|") {
                cells += line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasPrefix(":-") }
            }
        }
        return cells
    }

    static let curated = [
        "综采一区", "2024", "1", "第 3 季度", "A 级", "abc DEF 123", "班组长  两名", "（一）组织", "【重点】", "《手册》", "“引号”", "‘单引’",
        "——", "……", "一、二", "，。；：？！", "👍 点赞", "e\u{301}", "\u{3000}全角空格\u{3000}", "不换行\u{A0}空格", "\u{FEFF}开头", "分\u{2028}隔",
        "下一行\u{85}", "한국어", "かな カナ", "١٢٣", "Ω≈√∞",
    ]

    @Test func plainCellsRenderAsCmarkRendersThem() throws {
        let candidates = try Self.sampleCells() + Self.curated
        var plain = 0
        for text in candidates {
            guard let fast = MarkdownRenderer.plainInline(text) else { continue }
            plain += 1
            #expect(fast == text)
            for options in [MarkdownOptions(), MarkdownOptions.commonMark] {
                let rendered = MarkdownRenderer.render(text, options: options)
                #expect(rendered.html == "<p>\(text)</p>\n", "\(text)")
                #expect(rendered.plainText == text + "\n", "\(text)")
            }
        }
        #expect(plain >= Self.curated.count - 2, "most cells should take the plain path")
    }

    @Test func anythingCmarkMightTransformTakesCmark() {
        let punctuation = (33...126).map { Character(UnicodeScalar(UInt8($0))) }.filter { !$0.isLetter && !$0.isNumber }
        for mark in punctuation {
            #expect(MarkdownRenderer.plainInline("综采\(mark)一区") == nil, "\(mark)")
        }
        for text in ["", " 前面有空格", "后面有空格 ", "制表\t符", "换\n行", "\u{0}", "\u{FEFF}开头"] {
            #expect(MarkdownRenderer.plainInline(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func aTableOfPlainAndMarkedUpCellsKeepsEveryCellsRendering() {
        let markdown = """
            | 单位 | 得分 | 说明 |
            | --- | ---: | --- |
            | 综采一区 | 98 | **“优秀”** 等级 |
            | 掘进二区 | 87.5 | 见[细则](#x) |
            """
        let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions())
        #expect(rendered.html.contains("<td>综采一区</td>"))
        #expect(rendered.html.contains(#"<td align="right">98</td>"#))
        #expect(rendered.html.contains(#"<td align="right">87.5</td>"#))
        #expect(rendered.html.contains("<td><strong>“优秀”</strong> 等级</td>"))
        #expect(rendered.html.contains(##"<td>见<a href="#x">细则</a></td>"##))
        #expect(rendered.plainText.contains("综采一区"))
        #expect(rendered.plainText.contains("掘进二区"))
        #expect(rendered.plainText.contains("“优秀” 等级"))
    }
}
