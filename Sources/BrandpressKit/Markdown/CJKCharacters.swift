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

// MARK: - markdown-cjk-friendly classes

extension CJKCharacters {
    /// "CJK character" of the markdown-cjk-friendly specification (its `ranges.md`, Unicode 16):
    /// East Asian Width W/F/H minus default-emoji characters, plus Hangul; unassigned ideograph blocks count as W.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        var low = 0, high = cjkRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = cjkRanges[middle]
            if v < range.lowerBound {
                high = middle - 1
            } else if v > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// U+FE00–U+FE0E: variation selectors other than the emoji presentation selector U+FE0F.
    static func isNonEmojiVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0E).contains(scalar.value)
    }

    /// U+E0100–U+E01EF, the selectors of ideographic variation sequences (IVS).
    static func isIdeographicVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xE0100...0xE01EF).contains(scalar.value)
    }

    /// Curly quotes that U+FE01 turns into their full-width form ("CJK ambiguous punctuation sequence").
    static func isFullWidthFormQuote(_ scalar: Unicode.Scalar, selector: Unicode.Scalar) -> Bool {
        selector.value == 0xFE01 && [0x2018, 0x2019, 0x201C, 0x201D].contains(scalar.value)
    }

    private static let cjkRanges: [ClosedRange<UInt32>] = [
        0x1100...0x11FF, 0x20A9...0x20A9, 0x2329...0x232A, 0x2630...0x2637, 0x268A...0x268F,
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x303E, 0x3041...0x3096,
        0x3099...0x30FF, 0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E5, 0x31EF...0x321E,
        0x3220...0x3247, 0x3250...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3,
        0xD7B0...0xD7C6, 0xD7CB...0xD7FB, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE52,
        0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFFBE, 0xFFC2...0xFFC7, 0xFFCA...0xFFCF,
        0xFFD2...0xFFD7, 0xFFDA...0xFFDC, 0xFFE0...0xFFE6, 0xFFE8...0xFFEE, 0x16FE0...0x16FE4,
        0x16FF0...0x16FF6, 0x17000...0x18CD5, 0x18CFF...0x18D1E, 0x18D80...0x18DF2, 0x1AFF0...0x1AFF3,
        0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B132...0x1B132, 0x1B150...0x1B152,
        0x1B155...0x1B155, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1D300...0x1D356, 0x1D360...0x1D376,
        0x1F200...0x1F200, 0x1F202...0x1F202, 0x1F210...0x1F219, 0x1F21B...0x1F22E, 0x1F230...0x1F231,
        0x1F237...0x1F237, 0x1F23B...0x1F23B, 0x1F240...0x1F248, 0x1F260...0x1F265, 0x20000...0x3FFFD,
    ]
}
