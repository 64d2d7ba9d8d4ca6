import Foundation
import Testing
@testable import BrandpressKit

/// Each folder of `Fixtures/bad-inputs` is a project's `Content/` with one kind of mistake, and
/// `expected.txt` holds exactly what the build must report. `BRANDPRESS_RECORD=1 swift test`
/// rewrites the expected files (review the diff before committing).
@Suite struct BadInputCorpusTests {
    static let corpus = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/bad-inputs")
    static let sourceCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/bad-inputs")

    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func corpusIsThere() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: BadInputCorpusTests.cases)
    func reportsExactlyTheExpectedProblems(_ name: String) throws {
        let project = try TemporaryProject([:])
        try FileManager.default.copyItem(at: Self.corpus.appendingPathComponent(name).appendingPathComponent("Content"),
                                         to: project.root.appendingPathComponent("Content"))
        let report = project.build()
        let actual = (TemporaryProject.lines(report) + [report.succeeded ? "build succeeded" : "build failed"]).joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["BRANDPRESS_RECORD"] == "1" {
            try actual.write(to: Self.sourceCorpus.appendingPathComponent(name).appendingPathComponent("expected.txt"), atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.corpus.appendingPathComponent(name).appendingPathComponent("expected.txt"), encoding: .utf8)
        #expect(actual == expected)
        if !report.succeeded { #expect(!project.exists("Output")) }
    }
}
