/// The tokens of a text as the index counts them, without making a `String` for every one: a Han
/// bigram or a lone Han character fits in a 64-bit code; only word tokens are strings. Gives exactly
/// the tokens `SearchTokenizer.tokens` gives (a test compares them), at a fraction of the cost.
struct SearchTokenCodes {
    /// Field masks of the Han tokens, by code, and of the word tokens.
    var han = CodeTable<UInt8>(filler: 0, capacity: 1024)
    var words: [String: UInt8] = [:]

    private static let singleTag: UInt64 = 1 << 62

    static func bigram(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
        UInt64(first.value) << 21 | UInt64(second.value)
    }

    static func single(_ scalar: Unicode.Scalar) -> UInt64 {
        singleTag | UInt64(scalar.value)
    }

    /// The token a code stands for.
    static func string(of code: UInt64) -> String {
        var token = ""
        if code & singleTag != 0 {
            token.unicodeScalars.append(Unicode.Scalar(UInt32(code & 0x1F_FFFF))!)
        } else {
            token.unicodeScalars.append(Unicode.Scalar(UInt32(code >> 21))!)
            token.unicodeScalars.append(Unicode.Scalar(UInt32(code & 0x1F_FFFF))!)
        }
        return token
    }

    /// Adds the tokens of already normalized text with `mask`; `singleHan` adds each Han character.
    mutating func add(normalized text: String, mask: UInt8, singleHan: Bool) {
        var previousHan: Unicode.Scalar?
        var word = String.UnicodeScalarView()
        func endWord() {
            guard !word.isEmpty else { return }
            words[String(word), default: 0] |= mask
            word = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if SearchTokenizer.isHan(scalar) {
                endWord()
                if let previous = previousHan { han[han.slot(for: Self.bigram(previous, scalar)).slot] |= mask }
                if singleHan { han[han.slot(for: Self.single(scalar)).slot] |= mask }
                previousHan = scalar
            } else if SearchTokenizer.isWordCharacter(scalar) {
                previousHan = nil
                word.append(scalar)
            } else {
                previousHan = nil
                endWord()
            }
        }
        endWord()
    }
}
