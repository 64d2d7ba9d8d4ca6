import Foundation
import Testing
@testable import BrandpressKit

/// `Templates/assets/search.js` repeats the tokenizer, the query rules and the shard hash; when node
/// is installed, both are run on the same texts and must agree.
@Suite struct SearchClientMirrorTests {
    static let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let script = SearchSampleSiteTests.repository.appendingPathComponent("Templates/assets/search.js").path

    static let samples = [
        "安全生产", "3×3精益发运", "３×３ ＱＣ小组", "“四公开”（试行）", "Hello World, QC2024 v1.5", "C小组", "第3号", "煤",
        "Ⅳ级 ①号 ΣΑΣ İstanbul", "𠀀𠀁 汉字", "a-b c_d", "。，",
    ]

    struct Answer: Decodable, Equatable {
        var tokens: [String]
        var titleTokens: [String]
        var normalized: String
        var terms: [[String]]
        var shard: String
    }

    static func swiftAnswer(_ text: String) -> Answer {
        Answer(
            tokens: SearchTokenizer.tokens(in: text),
            titleTokens: SearchTokenizer.tokens(in: text, singleHan: true),
            normalized: SearchTokenizer.normalize(text),
            terms: SearchQuery(text).terms.map { [$0.text] + $0.tokens },
            shard: SearchShards.name(of: SearchShards.shard(of: text, count: 512), count: 512))
    }

    @Test(.enabled(if: node != nil, "node is not installed"))
    func nodeAndSwiftAgree() throws {
        let program = """
        const c = require(process.argv[1]);
        const samples = JSON.parse(process.argv[2]);
        console.log(JSON.stringify(samples.map(t => ({
          tokens: c.tokens(t, false), titleTokens: c.tokens(t, true), normalized: c.normalize(t),
          terms: c.parseQuery(t).map(q => [q.text].concat(q.tokens)), shard: c.shardName(t, 512) }))));
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.node!)
        process.arguments = ["-e", program, Self.script, String(data: try JSONEncoder().encode(Self.samples), encoding: .utf8)!]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answers = try JSONDecoder().decode([Answer].self, from: data)
        #expect(answers.count == Self.samples.count)
        for (sample, answer) in zip(Self.samples, answers) {
            #expect(answer == Self.swiftAnswer(sample), "\(sample)")
        }
    }
}
