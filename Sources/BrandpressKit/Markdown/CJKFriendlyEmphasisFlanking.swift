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

/// What the flanking rules ask of one character, told once per character (a run's neighbours are
/// asked about several times, and each answer was a table lookup).
struct CJKFriendlyEmphasisClass: Equatable, Sendable {
    /// cmark's `cmark_utf8proc_is_space`: ASCII whitespace and Unicode Zs; the start or end of a line.
    var isWhitespace: Bool
    /// cmark 0.30's "Unicode punctuation": ASCII punctuation or general category P (not S: that came with 0.31).
    var isPunctuation: Bool
    /// `CJKCharacters.isCJK`.
    var isCJK: Bool

    static let lineEnd = Self(isWhitespace: true, isPunctuation: false, isCJK: false)

    init(isWhitespace: Bool, isPunctuation: Bool, isCJK: Bool) {
        self.isWhitespace = isWhitespace
        self.isPunctuation = isPunctuation
        self.isCJK = isCJK
    }

    init(_ scalar: Unicode.Scalar?) {
        guard let scalar else {
            self = .lineEnd
            return
        }
        let value = scalar.value
        if value < 0x80 {
            self.init(isWhitespace: (0x09...0x0D).contains(value) || value == 0x20,
                      isPunctuation: (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                          || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value),
                      isCJK: false)
        } else if (0x4E00...0x9FFF).contains(value) {
            // CJK Unified Ideographs: letters (Lo), the most common neighbours of Chinese emphasis.
            self.init(isWhitespace: false, isPunctuation: false, isCJK: true)
        } else {
            let category = Self.generalCategory(of: scalar)
            self.init(isWhitespace: category == .spaceSeparator, isPunctuation: Self.isPunctuation(category), isCJK: CJKCharacters.isCJK(scalar))
        }
    }

    static func isPunctuation(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
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
        for index in commonBlocks.indices where commonBlocks[index].range.contains(scalar.value) {
            return commonBlocks[index].categories[Int(scalar.value - commonBlocks[index].range.lowerBound)]
        }
        return scalar.properties.generalCategory
    }

    /// Punctuation that is not a CJK character.
    var isNonCJKPunctuation: Bool { isPunctuation && !isCJK }
}

/// Whether a delimiter run may open and/or close emphasis.
struct CJKFriendlyEmphasisFlanking: Hashable, Sendable {
    var canOpen: Bool
    var canClose: Bool

    /// CommonMark 0.30 as cmark 0.30 implements it, for a run between characters of these classes.
    static func commonMark(_ delimiter: Unicode.Scalar, before: CJKFriendlyEmphasisClass, after: CJKFriendlyEmphasisClass) -> Self {
        let left = !after.isWhitespace && (!after.isPunctuation || before.isWhitespace || before.isPunctuation)
        let right = !before.isWhitespace && (!before.isPunctuation || after.isWhitespace || after.isPunctuation)
        return resolve(delimiter, left: left, right: right, punctuationBefore: before.isPunctuation, punctuationAfter: after.isPunctuation)
    }

    /// The markdown-cjk-friendly amendments: CJK characters, CJK punctuation and variation selectors
    /// relax flanking. `before` and `after` are the classes of `n.before` and `n.after`.
    static func cjkFriendly(_ delimiter: Unicode.Scalar, _ n: CJKFriendlyEmphasisNeighbours,
                            before: CJKFriendlyEmphasisClass, after: CJKFriendlyEmphasisClass) -> Self {
        let sequence = BeforeSequence(n, last: before)
        let left = !after.isWhitespace
            && (!after.isNonCJKPunctuation || before.isWhitespace || sequence.isNonCJKPunctuation || sequence.isCJK || sequence.isIdeographicSelector)
        let right = !before.isWhitespace && (!sequence.isNonCJKPunctuation || after.isWhitespace || after.isNonCJKPunctuation || after.isCJK)
        return resolve(delimiter, left: left, right: right, punctuationBefore: sequence.isPunctuation, punctuationAfter: after.isPunctuation)
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

        init(_ n: CJKFriendlyEmphasisNeighbours, last lastClass: CJKFriendlyEmphasisClass) {
            guard let last = n.before else { return }
            var base = lastClass
            if CJKCharacters.isNonEmojiVariationSelector(last) {
                if let quote = n.beforeBefore, CJKCharacters.isFullWidthFormQuote(quote, selector: last) {
                    // A full-width quote is CJK punctuation, though its character alone is not CJK.
                    isPunctuation = true
                    return
                }
                base = CJKFriendlyEmphasisClass(n.beforeBefore)
            }
            isPunctuation = base.isPunctuation
            isNonCJKPunctuation = base.isNonCJKPunctuation
            isCJK = base.isCJK
            isIdeographicSelector = CJKCharacters.isIdeographicVariationSelector(last)
        }
    }
}
