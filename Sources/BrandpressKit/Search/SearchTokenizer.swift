/// Splits text into the tokens of the search index. `Templates/assets/search.js` mirrors these rules
/// exactly; a change here needs the same change there.
///
/// - Han characters give overlapping bigrams (`安全生产` → 安全, 全生, 生产); a lone Han character gives
///   nothing, except in titles, where every Han character is also a token of its own.
/// - Runs of other letters and digits give one case-folded token each (`QC` → `qc`).
/// - Everything else (spaces, punctuation, symbols such as `×`) splits.
/// Full-width ASCII is folded to half-width first, so `３×３` and `3×3` are the same text.
public enum SearchTokenizer {
    /// Full-width ASCII to half-width, the ideographic space to a space, then lower case character by
    /// character, keeping a character whose lower case is longer in UTF-16 (so offsets in the folded
    /// text are offsets in the original, which `search.js` needs for `<mark>`).
    public static func normalize(_ text: String) -> String {
        // Works on the UTF-8 bytes: ASCII and U+3000–U+9FFF (CJK punctuation, kana, Han: nothing
        // there has a lower case, a test checks it) are nearly all of the text and are copied as
        // they are; every other character goes through `appendNormalized`.
        // Bytes kept as they are are copied a run at a time.
        var text = text
        let bytes = text.withUTF8 { source -> [UInt8] in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(source.count)
            var index = 0
            var kept = 0
            func copyKept() { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[kept..<index])) }
            while index < source.count {
                let lead = source[index]
                if lead < 0x80 {
                    if lead.isASCIIUppercase {
                        copyKept()
                        bytes.append(lead.asciiLowercased)
                        kept = index + 1
                    }
                    index += 1
                } else if (0xE3...0xE9).contains(lead), lead != 0xE3 || source[index + 1] != 0x80 || source[index + 2] != 0x80 {
                    index += 3
                } else if lead == 0xE2, source[index + 1] == 0x80 || source[index + 1] == 0x81 {
                    // U+2000–U+207F, general punctuation (quotation marks, dashes): no lower case either.
                    index += 3
                } else {
                    copyKept()
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(source[index + offset] & 0x3F) }
                    appendNormalized(Unicode.Scalar(value)!, to: &bytes)
                    index += length
                    kept = index
                }
            }
            copyKept()
            return bytes
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One character, folded and lower-cased as `normalize` describes.
    static func appendNormalized(_ original: Unicode.Scalar, to bytes: inout [UInt8]) {
        func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        var scalar = original
        switch scalar.value {
        case 0xFF01...0xFF5E: scalar = Unicode.Scalar(scalar.value - 0xFEE0)!
        case 0x3000: scalar = " "
        default: break
        }
        if isHan(scalar) || (scalar.isASCII && !(0x41...0x5A).contains(scalar.value)) {
            append(scalar)
        } else if (0x41...0x5A).contains(scalar.value) {
            bytes.append(UInt8(scalar.value + 0x20))
        } else if !scalar.properties.changesWhenLowercased {
            append(scalar)
        } else {
            let lower = scalar.properties.lowercaseMapping
            if lower.utf16.count == scalar.utf16.count { lower.unicodeScalars.forEach(append) } else { append(scalar) }
        }
    }

    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    /// Letters and digits that are not Han: the characters of word tokens.
    public static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            // What Unicode's tables say of ASCII (a test checks it), without asking them.
            return (0x30...0x39).contains(scalar.value) || (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
        }
        if isHan(scalar) { return false }
        switch scalar.value {
        case PunctuationBlocks.general: return PunctuationBlocks.generalWordCharacters[Int(scalar.value - PunctuationBlocks.general.lowerBound)]
        case PunctuationBlocks.cjk: return PunctuationBlocks.cjkWordCharacters[Int(scalar.value - PunctuationBlocks.cjk.lowerBound)]
        case PunctuationBlocks.fullWidth: return PunctuationBlocks.fullWidthWordCharacters[Int(scalar.value - PunctuationBlocks.fullWidth.lowerBound)]
        default: return isWordCharacterByUnicode(scalar)
        }
    }

    static func isWordCharacterByUnicode(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// The blocks of punctuation that Chinese text is full of (“”—…，。、《》), where `isWordCharacter`
    /// reads Unicode's answers from tables made once instead of asking for every character.
    enum PunctuationBlocks {
        static let general: ClosedRange<UInt32> = 0x2000...0x207F
        static let cjk: ClosedRange<UInt32> = 0x3000...0x303F
        static let fullWidth: ClosedRange<UInt32> = 0xFF00...0xFFEF
        static let generalWordCharacters = table(general)
        static let cjkWordCharacters = table(cjk)
        static let fullWidthWordCharacters = table(fullWidth)

        static func table(_ block: ClosedRange<UInt32>) -> [Bool] {
            block.map { Unicode.Scalar($0).map(isWordCharacterByUnicode) ?? false }
        }
    }

    /// Tokens of already normalized text, in order; `singleHan` adds each Han character (titles).
    public static func tokens(inNormalized text: String, singleHan: Bool = false) -> [String] {
        runs(in: text).flatMap { run in run.tokens(singleHan: singleHan) }
    }

    public static func tokens(in text: String, singleHan: Bool = false) -> [String] {
        tokens(inNormalized: normalize(text), singleHan: singleHan)
    }

    /// The maximal runs of Han characters and of word characters, with their scalar offsets.
    static func runs(in text: String) -> [SearchRun] {
        var runs: [SearchRun] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            defer { offset += 1 }
            guard let kind: SearchRun.Kind = isHan(scalar) ? .han : isWordCharacter(scalar) ? .word : nil else { continue }
            if let last = runs.last, last.kind == kind, last.end == offset {
                runs[runs.count - 1].scalars.append(scalar)
            } else {
                runs.append(SearchRun(kind: kind, start: offset, scalars: [scalar]))
            }
        }
        return runs
    }
}
