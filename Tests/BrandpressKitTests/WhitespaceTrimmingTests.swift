import Foundation
import Testing
@testable import BrandpressKit

/// `trimmingWhitespace` and `MarkdownRenderer.hasScheme` give what Foundation's trimming (and lowercasing) gives.
@Suite struct WhitespaceTrimmingTests {
    static let scalars: [Unicode.Scalar] = (Array(0...0x3100) + [0xFEFF, 0xFFFC, 0x1F600, 0xE0020])
        .compactMap { Unicode.Scalar(UInt32($0)) }

    @Test func trimsWhatFoundationTrims() {
        for scalar in Self.scalars {
            let c = String(Character(scalar))
            for text in [c + c + "中 文" + c, "a" + c, c, c + c] {
                #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "U+\(String(scalar.value, radix: 16))")
                #expect(text.trimmingWhitespace(andNewlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                        "U+\(String(scalar.value, radix: 16)), with newlines")
            }
        }
        #expect("\u{3000}品牌\u{3000}".trimmingWhitespace() == "品牌")
        #expect(" \n ".trimmingWhitespace(andNewlines: true) == "")
        #expect("标题"[...].trimmingWhitespace() == "标题")
    }

    @Test func schemesAreFoundAsLowercasingFindsThem() {
        let destinations = ["data:text/plain,x", "DATA:x", "  Data:x", "\u{3000}data:x", "\tdata:", "data", "dat:x", "datа:x",
                            "data :x", "https://example.com/data:x", "", ":", "d", "javascript:alert(1)", "\u{212A}data:x", "数据:x"]
        for destination in destinations {
            let expected = destination.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("data:")
            #expect(MarkdownRenderer.hasScheme(destination, "data") == expected, "\(destination)")
        }
    }
}
