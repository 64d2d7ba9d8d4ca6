import Foundation
import Testing
@testable import BrandpressKit

/// Builds the real sample (`Content/` and `Templates/` of this repository) and compares chosen
/// files with `Golden/`. After an intended change to content, templates or rendering, run
/// `BRANDPRESS_RECORD=1 swift test --filter SampleSiteGolden` and review the diff of `Golden/`.
@Suite struct SampleSiteGoldenTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let chosenFiles = [
        "index.html",
        "booklet/index.html",
        "booklet/meihai-xianfeng.html",
        "handbook/index.html",
        "handbook/pinpai-chuangjian/sigongkai.html",
        "handbook/pinpai-chuangjian/shijianbiao.html",
        "handbook/print.html",
        "stories/index.html",
        "stories/page/2.html",
        "stories/2024-05-zhou-yan.html",
        "stories/units/掘进二区党支部.html",
        "stories/tags/index.html",
        "stories/feed.xml",
        "sitemap.xml",
        "404.html",
    ]

    /// One build of the sample shared by the tests of this suite: every text file it wrote, read
    /// into memory so that the temporary folder can go at once.
    static let build: (report: BuildReport, files: [String: String]) = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("brandpress-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        // From scratch, and leaving no cache in the repository for this temporary output.
        var options = BuildOptions(root: repository, output: output)
        options.cacheFolder = nil
        let report = SiteBuilder.build(options)
        var files: [String: String] = [:]
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: output.path)) ?? [] {
            if let text = try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) { files[path] = text }
        }
        return (report, files)
    }()

    @Test func sampleBuildsWithoutAnyDiagnostic() {
        #expect(Self.build.report.succeeded)
        #expect(Self.build.report.diagnostics.map(\.description) == [])
    }

    @Test(arguments: SampleSiteGoldenTests.chosenFiles)
    func fileMatchesGolden(_ path: String) throws {
        let actual = try #require(Self.build.files[path], "the sample build did not write \(path)")
        let goldenFile = Self.golden.appendingPathComponent(path)
        if ProcessInfo.processInfo.environment["BRANDPRESS_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: goldenFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: goldenFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: goldenFile, encoding: .utf8)
        #expect(actual == expected, "Output/\(path) differs from Golden/\(path)")
    }

    @Test func everyPublicationIsComplete() throws {
        let files = Array(Self.build.files.keys)
        #expect(files.filter { $0.hasPrefix("booklet/") && $0.hasSuffix(".html") && !$0.hasSuffix("index.html") }.count >= 12)
        #expect(files.filter { $0.hasPrefix("handbook/") && $0.hasSuffix(".html") && !$0.hasSuffix("index.html") && $0 != "handbook/print.html" }.count >= 20)
        #expect(files.filter { $0.hasPrefix("stories/") && $0.split(separator: "/").count == 2 && $0.hasSuffix(".html") && $0 != "stories/index.html" }.count >= 10)
        #expect(!files.contains("stories/2025-09-luo-gang.html"), "the draft story must stay out")
    }

    @Test func noLinkPointsAtABareFolderOrOutsideTheSite() throws {
        for (path, html) in Self.build.files where path.hasSuffix(".html") {
            for match in html.matches(of: /(?:href|src)="([^"]*)"/) {
                let url = String(match.1)
                if path == "404.html" { continue }
                #expect(!url.hasPrefix("/"), "\(path) uses a root-absolute URL, which breaks under a sub-path: \(url)")
                let withoutFragment = url.split(separator: "#", omittingEmptySubsequences: false).first.map(String.init) ?? ""
                #expect(!withoutFragment.hasSuffix("/"), "\(path) links to a bare folder: \(url)")
            }
        }
    }
}
