import Foundation
import Testing
@testable import BrandpressKit

/// Queries over the sample `Content/`, answered from the built index the way the search page does.
@Suite struct SearchSampleSiteTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Query → pages it must return (site paths); the full answer must equal reading every page.
    static let expectations: [(String, Set<String>)] = [
        ("煤海先锋", ["booklet/meihai-xianfeng.html"]),
        ("四公开", ["handbook/pinpai-chuangjian/sigongkai.html", "handbook/fuze/gongkai-moban.html", "handbook/index.html", "index.html"]),
        ("安全生产", ["booklet/anquan-shouwang.html", "handbook/zongze/fanwei.html", "stories/2022-03-zhang-tiejun.html"]),
        ("3×3", ["booklet/jingyi-fayun.html", "stories/2023-09-ma-xiaowei.html"]),
        ("３×３", ["booklet/jingyi-fayun.html", "stories/2023-09-ma-xiaowei.html"]),
        ("3×3精益发运", ["booklet/jingyi-fayun.html"]),
        ("精益发运", ["booklet/jingyi-fayun.html", "stories/2023-09-ma-xiaowei.html"]),
        ("党员示范岗", ["booklet/meihai-xianfeng.html", "handbook/peiyu-tisheng/ronghe.html", "stories/2022-07-wang-guifang.html"]),
        ("师带徒", ["handbook/peiyu-tisheng/ronghe.html", "stories/2023-04-sun-dahai.html", "stories/2024-02-chen-lei.html", "stories/2025-06-tian-hao.html"]),
        ("三会一课", ["handbook/zhibu-jianshe/sanhui-yike.html", "handbook/zhibu-jianshe/zuzhi-shenghuo.html"]),
        ("合理化建议", ["booklet/caijue-tezhan.html", "handbook/pinpai-chuangjian/sigongkai.html"]),
        ("瓦斯", ["booklet/yifeng-qingyuan.html"]),
        ("技术创新", ["stories/2023-01-zhao-chenyu.html", "stories/2023-09-ma-xiaowei.html"]),
        ("综采一区党支部", ["booklet/meihai-xianfeng.html"]),
        ("乌金浪里争先锋", ["booklet/meihai-xianfeng.html"]),
        // Table cells are searched too.
        ("随时更新", ["handbook/pinpai-chuangjian/sigongkai.html"]),
        ("班前会 考核", ["handbook/peiyu-tisheng/ronghe.html"]),
        ("四公开，", []),
        ("没有这个词语", []),
    ]

    static func builtIndex() throws -> (SearchIndexReader, URL) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("brandpress-search-\(UUID().uuidString)")
        var options = BuildOptions(root: repository, output: output)
        options.cacheFolder = nil
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
        return (try SearchIndexReader(folder: output.appendingPathComponent("search")), output)
    }

    @Test func sampleQueriesReturnTheirPages() throws {
        let (reader, output) = try Self.builtIndex()
        defer { try? FileManager.default.removeItem(at: output) }
        #expect(reader.rows.count > 50)
        for (query, pages) in Self.expectations {
            let found = try reader.search(query)
            #expect(Set(found).isSuperset(of: pages), "\(query): \(found)")
            #expect(Set(found) == reader.bruteForce(query), "\(query)")
            #expect(Set(found).count == found.count)
        }
        #expect(try reader.search("煤海先锋").first == "booklet/meihai-xianfeng.html")
        #expect(try reader.search("四公开").first == "handbook/pinpai-chuangjian/sigongkai.html")
        #expect(try reader.search("四公开，").isEmpty)
    }

    /// Every substring with two Han characters in a row finds its page, and exactly the pages that hold it.
    @Test func everyChineseSubstringIsFound() throws {
        let (reader, output) = try Self.builtIndex()
        defer { try? FileManager.default.removeItem(at: output) }
        var checked = 0
        for (id, row) in reader.rows.enumerated() {
            let scalars = Array(row.normalized.unicodeScalars)
            for start in stride(from: 0, to: scalars.count, by: 13) {
                for length in [2, 3, 5, 8] where start + length <= scalars.count {
                    let piece = scalars[start..<(start + length)]
                    guard !piece.contains(where: { $0.properties.isWhitespace }),
                          zip(piece, piece.dropFirst()).contains(where: { SearchTokenizer.isHan($0) && SearchTokenizer.isHan($1) })
                    else { continue }
                    let query = String(String.UnicodeScalarView(piece))
                    let found = try reader.search(query)
                    #expect(found.contains(row.url), "\(query) should find \(row.url) (document \(id))")
                    if checked % 7 == 0 { #expect(Set(found) == reader.bruteForce(query), "\(query)") }
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }
}
