import Testing
@testable import BrandpressKit

/// Heading ids: the short cuts for ASCII and CJK ideographs decide as the Unicode properties do.
@Suite struct HeadingSlugTests {
    /// The rule as the properties state it.
    static func slugFromProperties(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil || scalar == "_" {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || props.isWhitespace || scalar == "·" || scalar == "・" {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : result
    }

    @Test func slugsFollowTheProperties() {
        let scalars = (Array(0...0x2FF) + Array(0x2000...0x206F) + Array(0x3000...0x30FF) + Array(stride(from: 0x4DF0, through: 0xA010, by: 3))
            + Array(0xFF00...0xFFEF) + [0x212A, 0x130, 0x1F600, 0x2460, 0x4E00, 0x9FFF]).compactMap { Unicode.Scalar(UInt32($0)) }
        for scalar in scalars {
            let text = "第\(scalar)章 A\(scalar)b"
            #expect(HeadingIDs.slug(text) == Self.slugFromProperties(text), "U+\(String(scalar.value, radix: 16))")
        }
        #expect(HeadingIDs.slug("一、品牌的 Meaning·含义") == "一品牌的-meaning-含义")
        #expect(HeadingIDs.slug("？！") == "section")
    }
}
