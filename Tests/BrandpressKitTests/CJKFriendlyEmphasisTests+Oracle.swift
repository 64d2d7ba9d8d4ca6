import Foundation
import Testing
@testable import BrandpressKit

/// A second, independent reading of the specification: the CommonMark delimiter algorithm on one line of
/// plain characters and `*`/`_` runs, with the markdown-cjk-friendly flanking written out from the spec's
/// text. Its matching copies cmark 0.30.2's quirks (rule of 3 on whole runs; one `openers_bottom` slot
/// for `_`, three by length and `can_open` for `*`), so that with plain CommonMark flanking it agrees with
/// cmark. Random paragraphs must render the same through brandpress's marker pass.
extension CJKFriendlyEmphasisTests {
    @Test func randomParagraphsFollowTheSpecificationAlgorithm() {
        var random = SplitMix64(seed: 20_240_508)
        let paragraphs = (0..<4000).map { _ in OracleParagraph.random(using: &random) }
        let html = Self.render(paragraphs.joined(separator: "\n\n"))
        // Scalars, not Characters: a paragraph may start with a variation selector, which would join `<p>`.
        let rendered = html.unicodeScalars.split(separator: "\n").map { line in
            String(String.UnicodeScalarView(line.dropFirst(3).dropLast(4)))
        }
        #expect(rendered.count == paragraphs.count)
        for (paragraph, got) in zip(paragraphs, rendered) {
            #expect(got == OracleParagraph.render(paragraph), "\(paragraph)")
        }
    }
}

/// Deterministic pseudo-random numbers for the randomised tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

enum OracleParagraph {
    static let pieces = [
        "我", "们", "的", "《", "》", "「", "」", "，", "。", "、", "（", "）", "“", "”", "‘", "’", "々", "·", "〰", "礻", "한",
        "\u{FE00}", "\u{FE01}", "\u{FE0E}", "\u{E0100}", "«", "é", "a", "b", "x", "(", ")", "!", "?", " ", "1",
        "*", "*", "**", "**", "_", "__", "***",
    ]

    /// One line that cmark reads as a plain paragraph (no list item, thematic break or indented code).
    static func random(using random: inout SplitMix64) -> String {
        while true {
            let count = 2 + random.below(13)
            let text = (0..<count).map { _ in pieces[random.below(pieces.count)] }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: " "))
            let scalars = Array(text.unicodeScalars)
            guard let first = scalars.first, !text.contains("  "), first != "1" else { continue }
            if scalars.allSatisfy({ $0 == "*" || $0 == "_" || $0 == " " }) { continue }
            if (first == "*" || first == "_") && scalars.count > 1 && scalars[1] == " " { continue }
            return text
        }
    }

    private struct Run {
        var character: Unicode.Scalar
        var count: Int
        let length: Int
        let position: Int
        let canOpen: Bool
        let canClose: Bool
        var active = true
    }

    private indirect enum Piece {
        case text(Unicode.Scalar)
        case run(Int)
        case emphasis(strong: Bool, [Piece])
    }

    static func render(_ line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        var runs: [Run] = []
        var pieces: [Piece] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "*" || scalar == "_" else {
                pieces.append(.text(scalar))
                index += 1
                continue
            }
            var end = index
            while end < scalars.count && scalars[end] == scalar { end += 1 }
            let (canOpen, canClose) = flanking(
                scalar,
                before: index > 0 ? scalars[index - 1] : nil,
                beforeBefore: index > 1 ? scalars[index - 2] : nil,
                after: end < scalars.count ? scalars[end] : nil
            )
            pieces.append(.run(runs.count))
            runs.append(Run(character: scalar, count: end - index, length: end - index, position: index,
                            canOpen: canOpen, canClose: canClose))
            index = end
        }
        processEmphasis(&pieces, &runs)
        return html(pieces, runs)
    }

    private static func processEmphasis(_ pieces: inout [Piece], _ runs: inout [Run]) {
        var bottoms: [String: Int] = [:]
        var current = 0
        while true {
            guard let closerAt = pieces.indices.dropFirst(current).first(where: { isActiveRun(pieces[$0], runs) }),
                  case .run(let closer) = pieces[closerAt] else { break }
            current = closerAt
            guard runs[closer].canClose else {
                current += 1
                continue
            }
            let key = runs[closer].character == "_"
                ? "_" : "*\(runs[closer].canOpen)\(runs[closer].length % 3)"
            var openerAt: Int?
            var scan = closerAt - 1
            while scan >= 0 {
                if case .run(let opener) = pieces[scan] {
                    if runs[opener].position < bottoms[key, default: -1] { break }
                    let c = runs[closer], o = runs[opener]
                    let ruleOfThree = (c.canOpen || o.canClose) && c.length % 3 != 0 && (o.length + c.length) % 3 == 0
                    if o.active && o.character == c.character && o.canOpen && !ruleOfThree {
                        openerAt = scan
                        break
                    }
                }
                scan -= 1
            }
            guard let openerAt, case .run(let opener) = pieces[openerAt] else {
                bottoms[key] = runs[closer].position
                if !runs[closer].canOpen { runs[closer].active = false }
                current += 1
                continue
            }
            let used = runs[opener].count >= 2 && runs[closer].count >= 2 ? 2 : 1
            runs[opener].count -= used
            runs[closer].count -= used
            let inner = Array(pieces[(openerAt + 1)..<closerAt])
            for piece in inner { if case .run(let run) = piece { runs[run].active = false } }
            pieces.replaceSubrange((openerAt + 1)..<closerAt, with: [.emphasis(strong: used == 2, inner)])
            current = openerAt + 2
            if runs[opener].count == 0 {
                pieces.remove(at: openerAt)
                current -= 1
            }
            if runs[closer].count == 0 { pieces.remove(at: current) }
        }
    }

    private static func isActiveRun(_ piece: Piece, _ runs: [Run]) -> Bool {
        if case .run(let run) = piece { return runs[run].active }
        return false
    }

    private static func html(_ pieces: [Piece], _ runs: [Run]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let scalar): String(scalar)
            case .run(let run): String(repeating: String(runs[run].character), count: runs[run].count)
            case .emphasis(let strong, let inner):
                strong ? "<strong>\(html(inner, runs))</strong>" : "<em>\(html(inner, runs))</em>"
            }
        }.joined()
    }

    // MARK: - Flanking, from the specification's text

    private static func isSpace(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return true }
        return c == " " || c == "\t" || c.properties.generalCategory == .spaceSeparator
    }

    private static func isPunctuation(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        if c.isASCII { return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(c) }
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    private static func isCJK(_ c: Unicode.Scalar?) -> Bool {
        c.map(CJKCharacters.isCJK) ?? false
    }

    private static func flanking(_ delimiter: Unicode.Scalar, before b: Unicode.Scalar?, beforeBefore b2: Unicode.Scalar?,
                                 after a: Unicode.Scalar?) -> (Bool, Bool) {
        let selector = b.map { (0xFE00...0xFE0E).contains($0.value) } ?? false
        let base = selector ? b2 : b
        let fullWidthQuote = selector && b?.value == 0xFE01 && base.map { "‘’“”".unicodeScalars.contains($0) } == true
        let nonCJKPunctuationBefore = !fullWidthQuote && isPunctuation(base) && !isCJK(base)
        let cjkBefore = isCJK(base)
        let ideographicSelectorBefore = b.map { (0xE0100...0xE01EF).contains($0.value) } ?? false
        let punctuationBefore = fullWidthQuote || isPunctuation(base)
        let nonCJKPunctuationAfter = isPunctuation(a) && !isCJK(a)

        let left = !isSpace(a) && (!nonCJKPunctuationAfter || isSpace(b) || nonCJKPunctuationBefore
                                    || cjkBefore || ideographicSelectorBefore)
        let right = !isSpace(b) && (!nonCJKPunctuationBefore || isSpace(a) || nonCJKPunctuationAfter || isCJK(a))
        if delimiter == "_" {
            return (left && (!right || punctuationBefore), right && (!left || isPunctuation(a)))
        }
        return (left, right)
    }
}
