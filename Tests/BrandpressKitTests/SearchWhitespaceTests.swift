import Testing
@testable import BrandpressKit

/// A search document's text has its runs of white space collapsed byte by byte; what counts as
/// white space must be exactly `Unicode.Scalar.Properties.isWhitespace`.
@Suite struct SearchWhitespaceTests {
    /// What the collapsing means, one scalar at a time.
    static func reference(_ text: String) -> String {
        var result = ""
        var pending: Character?
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if scalar == "\n" { pending = "\n" } else if pending == nil { pending = " " }
                continue
            }
            if let space = pending, !result.isEmpty { result.append(space) }
            pending = nil
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    @Test func everyWhiteSpaceScalarAndNoOtherIsRecognised() {
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String(scalar) + "x"
            let length = text.withUTF8 { SearchDocuments.whitespaceLength(in: $0, at: 0) }
            let expected = scalar.properties.isWhitespace ? String(scalar).utf8.count : 0
            if length != expected { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func collapsingMatchesTheScalarDefinition() {
        let pieces = ["党建", "a", "B1", "\n", " ", "\t", "\r\n", "\u{3000}", "\u{A0}", "\u{85}", "\u{2028}", "\u{2029}",
                      "\u{1680}", "\u{2000}", "\u{200A}", "\u{202F}", "\u{205F}", "\u{200B}", "\u{2027}", "\u{202A}",
                      "\u{3001}", "\u{A1}", "\u{84}", "😀", "\u{FEFF}", "。"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2000 {
            let text = (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined()
            #expect(SearchDocuments.collapsingWhitespace(text) == Self.reference(text), "\(Array(text.unicodeScalars))")
        }
        #expect(SearchDocuments.collapsingWhitespace("  第一段\n\n  第二段\u{3000}\u{3000}末尾 \n") == "第一段\n第二段 末尾")
    }
}
