import Foundation
import Testing
@testable import BrandpressKit

@Suite struct SearchIndexFormatTests {
    static let documents = [
        SearchDocument(title: "四公开", url: "handbook/si.html", publication: 0, headings: ["内容公开"], meta: "综采一区", body: "内容公开、目标公开。\n\"引号\"\u{2028}"),
        SearchDocument(title: "精益发运", url: "booklet/%E5%8F%91.html", publication: 1, headings: [], meta: "", body: "3×3精益发运法"),
        SearchDocument(title: "首页", url: "index.html", publication: -1, headings: [], meta: "", body: "公开"),
    ]

    static func files() -> SearchIndexFiles {
        SearchIndexFiles(SearchIndex(documents: documents, publications: ["手册", "标识"]))
    }

    static func call(_ data: Data?, _ function: String) throws -> [Any] {
        let text = try #require(data.flatMap { String(data: $0, encoding: .utf8) })
        let prefix = "window.__bpSearch.\(function)("
        #expect(text.hasPrefix(prefix) && text.hasSuffix(");\n"))
        return try JSONSerialization.jsonObject(with: Data(("[" + text.dropFirst(prefix.count).dropLast(3) + "]").utf8)) as! [Any]
    }

    @Test func filesAreScriptsCallingTheRegistry() throws {
        let files = Self.files()
        #expect(files.shardCount == 4)
        #expect(Set(files.files.keys) == ["search/meta.js", "search/shard-00.js", "search/shard-01.js", "search/shard-02.js", "search/shard-03.js", "search/text-0.js"])
        let meta = try Self.call(files.files["search/meta.js"], "meta")[0] as! [String: Any]
        #expect(meta["v"] as? Int == 2)
        #expect(meta["count"] as? Int == 3)
        #expect(meta["shards"] as? Int == 4)
        #expect(meta["publications"] as? [String] == ["手册", "标识"])
        #expect(meta["chunks"] as? [Int] == [0])
    }

    @Test func postingsAreGapCodedPairsOfDocumentAndFieldMask() throws {
        let files = Self.files()
        let token = "公开"
        let name = SearchShards.name(of: SearchShards.shard(of: token, count: 4), count: 4)
        let arguments = try Self.call(files.files["search/shard-\(name).js"], "shard")
        #expect(arguments[0] as? String == name)
        // Document 0: title, heading and body; document 2 (gap 2): body.
        #expect((arguments[1] as? [String: [Int]])?[token] == [0, 1 | 2 | 8, 2, 8])
        #expect(SearchIndex.score(mask: 1 | 2 | 8) == 17)
    }

    @Test func numbersAreWrittenAsJSONReadsThem() throws {
        let numbers = [0, 1, 9, 10, 11, 99, 100, 1_000_000, -1, -10, -305, Int.max, Int.min, 1_000_000_000_000_000_000]
        let text = SearchJSON.numbers(numbers)
        #expect(text == "[0,1,9,10,11,99,100,1000000,-1,-10,-305,9223372036854775807,-9223372036854775808,1000000000000000000]")
        #expect(SearchJSON.numbers([]) == "[]")
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Int] == numbers)
    }

    @Test func textRowsHoldWhatSnippetsNeed() throws {
        let arguments = try Self.call(Self.files().files["search/text-0.js"], "text")
        #expect(arguments[0] as? Int == 0)
        let rows = try #require(arguments[1] as? [[Any]])
        #expect(rows.count == 3)
        #expect(rows[0][0] as? String == "四公开")
        #expect(rows[0][5] as? String == "内容公开、目标公开。\n\"引号\"\u{2028}")
        #expect(rows[1][1] as? String == "booklet/%E5%8F%91.html")
        #expect(rows[2][2] as? Int == -1)
        let text = String(data: Self.files().files["search/text-0.js"]!, encoding: .utf8)!
        #expect(text.contains("\\u2028") && !text.contains("\u{2028}"))
    }

    @Test func largeIndexesGetMoreShardsAndTextChunks() {
        let body = String(repeating: "安全生产党员示范岗技术创新精益发运", count: 40)
        let documents = (0..<400).map { SearchDocument(title: "第\($0)篇", url: "p\($0).html", publication: 0, headings: [], meta: "", body: body + "编号\($0)") }
        let files = SearchIndexFiles(SearchIndex(documents: documents, publications: ["x"]), chunkBytes: 8_000)
        #expect(files.chunkStarts.count > 10)
        #expect(files.chunkStarts.first == 0)
        #expect(files.files.keys.filter { $0.hasPrefix("search/shard-") }.count == files.shardCount)
    }

    @Test func tableCellsAndParagraphsBesideTablesAreInThePlainText() {
        let markdown = "表前一段\n| 方式 | 内容 |\n|---|---|\n| 支部园地 | 全部四项 |\n\n表后一段\n"
        let rendered = MarkdownRenderer.render(markdown, options: MarkdownOptions(unsafeHTML: false, siteExtensions: true, cjkFriendlyEmphasis: true))
        #expect(rendered.html.contains("<td>支部园地</td>"))
        #expect(rendered.plainText.contains("表前一段"))
        #expect(rendered.plainText.contains("方式 内容 支部园地 全部四项"))
        let text = rendered.plainText
        #expect(text.range(of: "表前一段")!.lowerBound < text.range(of: "支部园地")!.lowerBound)
        #expect(text.range(of: "支部园地")!.lowerBound < text.range(of: "表后一段")!.lowerBound)
    }
}
