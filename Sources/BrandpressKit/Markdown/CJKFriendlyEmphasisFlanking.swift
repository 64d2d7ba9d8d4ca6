/// The characters around one `*` or `_` delimiter run, as cmark's inline parser sees them.
/// `nil` stands for the start or end of a line, which counts as whitespace.
struct CJKFriendlyEmphasisNeighbours: Hashable, Sendable {
    /// The character right before the run.
    var before: Unicode.Scalar?
    /// The character before `before`, needed for variation-selector sequences.
    var beforeBefore: Unicode.Scalar?
    /// The character right after the run.
    var after: Unicode.Scalar?
}

/// Whether a delimiter run may open and/or close emphasis.
struct CJKFriendlyEmphasisFlanking: Hashable, Sendable {
    var canOpen: Bool
    var canClose: Bool

    /// CommonMark 0.30 as cmark 0.30 implements it.
    static func commonMark(_ delimiter: Unicode.Scalar, _ n: CJKFriendlyEmphasisNeighbours) -> Self {
        let beforeSpace = isWhitespace(n.before), afterSpace = isWhitespace(n.after)
        let beforePunct = isPunctuation(n.before), afterPunct = isPunctuation(n.after)
        let left = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
        let right = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
        return resolve(delimiter, left: left, right: right, punctuationBefore: beforePunct, punctuationAfter: afterPunct)
    }

    /// The markdown-cjk-friendly amendments: CJK characters, CJK punctuation and variation selectors relax flanking.
    static func cjkFriendly(_ delimiter: Unicode.Scalar, _ n: CJKFriendlyEmphasisNeighbours) -> Self {
        let beforeSpace = isWhitespace(n.before), afterSpace = isWhitespace(n.after)
        let before = BeforeSequence(n)
        let afterNonCJKPunct = isNonCJKPunctuation(n.after)
        let afterCJK = n.after.map(CJKCharacters.isCJK) ?? false
        let left = !afterSpace
            && (!afterNonCJKPunct || beforeSpace || before.isNonCJKPunctuation || before.isCJK || before.isIdeographicSelector)
        let right = !beforeSpace && (!before.isNonCJKPunctuation || afterSpace || afterNonCJKPunct || afterCJK)
        return resolve(delimiter, left: left, right: right,
                       punctuationBefore: before.isPunctuation, punctuationAfter: isPunctuation(n.after))
    }

    /// Rules 1–8 of CommonMark 6.2: `*` follows flanking alone, `_` also refuses intraword emphasis.
    private static func resolve(_ delimiter: Unicode.Scalar, left: Bool, right: Bool,
                                punctuationBefore: Bool, punctuationAfter: Bool) -> Self {
        if delimiter == "_" {
            return Self(canOpen: left && (!right || punctuationBefore), canClose: right && (!left || punctuationAfter))
        }
        return Self(canOpen: left, canClose: right)
    }

    /// What precedes the run, read as the specification's "sequences" (a character plus a variation selector).
    private struct BeforeSequence {
        var isPunctuation = false
        var isNonCJKPunctuation = false
        var isCJK = false
        var isIdeographicSelector = false

        init(_ n: CJKFriendlyEmphasisNeighbours) {
            guard let last = n.before else { return }
            var base: Unicode.Scalar? = last
            if CJKCharacters.isNonEmojiVariationSelector(last) {
                base = n.beforeBefore
                if let quote = base, CJKCharacters.isFullWidthFormQuote(quote, selector: last) {
                    // A full-width quote is CJK punctuation, though its character alone is not CJK.
                    isPunctuation = true
                    return
                }
            }
            isPunctuation = CJKFriendlyEmphasisFlanking.isPunctuation(base)
            isNonCJKPunctuation = CJKFriendlyEmphasisFlanking.isNonCJKPunctuation(base)
            isCJK = base.map(CJKCharacters.isCJK) ?? false
            isIdeographicSelector = CJKCharacters.isIdeographicVariationSelector(last)
        }
    }

    /// cmark's `cmark_utf8proc_is_space`: ASCII whitespace and Unicode Zs.
    static func isWhitespace(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: return true
        case 0..<0x80, 0x4E00...0x9FFF: return false  // most neighbours: no table lookup
        default: return generalCategory(of: scalar) == .spaceSeparator
        }
    }

    /// cmark 0.30's "Unicode punctuation": ASCII punctuation or general category P (not S: that came with 0.31).
    static func isPunctuation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII {
            return (0x21...0x2F).contains(scalar.value) || (0x3A...0x40).contains(scalar.value)
                || (0x5B...0x60).contains(scalar.value) || (0x7B...0x7E).contains(scalar.value)
        }
        if (0x4E00...0x9FFF).contains(scalar.value) { return false }  // CJK Unified Ideographs are letters (Lo)
        switch generalCategory(of: scalar) {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The blocks most non-ASCII neighbours of Chinese emphasis come from (general punctuation such
    /// as “”, CJK punctuation such as 。, full-width forms such as ，), looked up once: the
    /// runtime's own lookup was half the cost of planning the markers.
    private static let commonBlocks: [(range: ClosedRange<UInt32>, categories: [Unicode.GeneralCategory])] =
        [0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFFEF].map { range in
            (range, range.map { Unicode.Scalar($0)!.properties.generalCategory })
        }

    static func generalCategory(of scalar: Unicode.Scalar) -> Unicode.GeneralCategory {
        for block in commonBlocks where block.range.contains(scalar.value) {
            return block.categories[Int(scalar.value - block.range.lowerBound)]
        }
        return scalar.properties.generalCategory
    }

    static func isNonCJKPunctuation(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return isPunctuation(scalar) && !CJKCharacters.isCJK(scalar)
    }
}
