/// Character classes used by the CJK-aware Markdown rules.
enum CJKCharacters {
    /// East Asian Width F, W or H (wide or full-width), excluding Hangul, per CSS Text 3's segment-break rule.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if isHangul(v) { return false }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
             0xFF61...0xFFDC, 0xFFE0...0xFFE6, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Punctuation of ambiguous width that Chinese text uses as its own: curly quotes, ellipsis, dashes, middle dot.
    static func isCJKContextPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0x2014, 0x2015, 0x00B7:
            return true
        default:
            return false
        }
    }

    static func isHangul(_ v: UInt32) -> Bool {
        (0x1100...0x11FF).contains(v) || (0x3130...0x318F).contains(v) || (0xA960...0xA97F).contains(v)
            || (0xAC00...0xD7AF).contains(v) || (0xD7B0...0xD7FF).contains(v)
    }

    /// Whether a soft line break between these two characters should produce nothing.
    static func joinsWithoutSpace(_ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        if before.value == 0x200B || after.value == 0x200B { return true }
        let wideBefore = isWide(before), wideAfter = isWide(after)
        if wideBefore && wideAfter { return true }
        return (wideBefore && isCJKContextPunctuation(after)) || (wideAfter && isCJKContextPunctuation(before))
    }
}
