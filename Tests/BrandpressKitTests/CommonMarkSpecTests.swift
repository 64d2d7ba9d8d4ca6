import Foundation
import Testing
@testable import BrandpressKit

/// The CommonMark 0.30 examples through `MarkdownRenderer` in plain CommonMark mode, as
/// `brandpress render --commonmark --unsafe` renders them. Kept in the test suite so that CI checks
/// conformance even where the external spec runner is not at hand.
@Suite struct CommonMarkSpecTests {
    struct Example: Decodable, Sendable {
        var example: Int
        var section: String
        var markdown: String
        var html: String
    }

    static let examples: [Example] = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/commonmark/spec-0.30.json")
        return (try? JSONDecoder().decode([Example].self, from: Data(contentsOf: url))) ?? []
    }()

    @Test func allExamplesAreThere() {
        #expect(Self.examples.count == 652)
    }

    @Test func everyExamplePasses() {
        var options = MarkdownOptions.commonMark
        options.unsafeHTML = true
        var failures: [Int] = []
        for example in Self.examples {
            let html = MarkdownRenderer.render(example.markdown, options: options).html
            if html != example.html { failures.append(example.example) }
        }
        #expect(failures == [], "examples that differ from the specification")
    }
}
