import Testing
@testable import BrandpressKit

@Suite struct SearchTokenizerTests {
    @Test func chineseGivesOverlappingBigrams() {
        #expect(SearchTokenizer.tokens(in: "安全生产") == ["安全", "全生", "生产"])
        #expect(SearchTokenizer.tokens(in: "煤") == [])
    }

    @Test func titlesAlsoGiveSingleCharacters() {
        #expect(SearchTokenizer.tokens(in: "四公开", singleHan: true) == ["四公", "公开", "四", "公", "开"])
    }

    @Test func latinWordsAndNumbersAreCaseFolded() {
        #expect(SearchTokenizer.tokens(in: "Hello World, QC2024 v1.5") == ["hello", "world", "qc2024", "v1", "5"])
    }

    @Test func mixedTextSplitsBetweenHanAndWords() {
        #expect(SearchTokenizer.tokens(in: "3×3精益发运") == ["3", "3", "精益", "益发", "发运"])
        #expect(SearchTokenizer.tokens(in: "QC小组2024年") == ["qc", "小组", "2024"])
    }

    @Test func punctuationSplits() {
        #expect(SearchTokenizer.tokens(in: "安全，生产。") == ["安全", "生产"])
        #expect(SearchTokenizer.tokens(in: "“四公开”（试行）") == ["四公", "公开", "试行"])
        #expect(SearchTokenizer.tokens(in: "a-b c_d") == ["a", "b", "c", "d"])
    }

    /// The byte-wise `normalize` gives what folding and lower-casing one character at a time gives.
    @Test func normalizingBytesEqualsNormalizingCharacters() {
        let texts = ["ABC xyz ３×３　ＱＣ小组，“安全”。ΣΑΣ Élan İstanbul 𠀀𠀁 😀 ﬀ ǅ ß ½ ＡＢｃ~\u{7F}\u{80}\u{2FFF}\u{A000}\u{FFFD}",
                     "", "安全生产", "abc", "Z", "小组QC活动abc", "É小组", "小组É", "ＱＣ"]
        for text in texts {
            var expected: [UInt8] = []
            for scalar in text.unicodeScalars { SearchTokenizer.appendNormalized(scalar, to: &expected) }
            #expect(SearchTokenizer.normalize(text) == String(decoding: expected, as: UTF8.self), "\(text)")
            #expect(SearchTokenizer.normalize(text).unicodeScalars.count == text.unicodeScalars.count)
        }
    }

    @Test func asciiWordCharactersAreWhatUnicodeSays() {
        for scalar in (0..<128).compactMap(Unicode.Scalar.init) {
            let unicode = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            #expect(SearchTokenizer.isWordCharacter(scalar) == unicode, "U+\(String(scalar.value, radix: 16))")
        }
    }

    /// `normalize` copies U+2000–U+207F (general punctuation) and U+3000–U+9FFF (CJK punctuation,
    /// kana, Han…) without asking Unicode's tables.
    @Test func nothingInGeneralPunctuationOrFromCJKPunctuationToHanHasALowerCase() {
        let cased = (Array(0x2000...0x207F) + Array(0x3000...0x9FFF)).compactMap(Unicode.Scalar.init).filter { $0.properties.changesWhenLowercased }
        #expect(cased.isEmpty, "\(cased.map { String(format: "U+%04X", $0.value) })")
        #expect(SearchTokenizer.normalize("“Ａ—Ｂ”…\u{2028}ⁱⁿ") == "“a—b”…\u{2028}ⁱⁿ")
    }

    @Test func wordCharactersInPunctuationBlocksAreWhatUnicodeSays() {
        for value in Array(0x2000...0x207F) + Array(0x3000...0x303F) + Array(0xFF00...0xFFEF) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let unicode = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            #expect(SearchTokenizer.isWordCharacter(scalar) == unicode, "U+\(String(value, radix: 16))")
        }
    }

    @Test func fullWidthASCIIIsFoldedToHalfWidth() {
        #expect(SearchTokenizer.normalize("３×３　ＱＣ") == "3×3 qc")
        #expect(SearchTokenizer.tokens(in: "３×３精益发运") == SearchTokenizer.tokens(in: "3×3精益发运"))
        #expect(SearchTokenizer.tokens(in: "ＱＣ小组") == ["qc", "小组"])
    }

    @Test func queryTermsAndTheirLookupTokens() {
        let query = SearchQuery("安全 生产  ")
        #expect(query.terms.map(\.text) == ["安全", "生产"])
        #expect(SearchQuery("3×3精益发运").terms[0].tokens == ["3", "精益", "益发", "发运"])
        #expect(SearchQuery("３×３").terms[0] == .init(text: "3×3", tokens: ["3"]))
        // The word at the edge may be the end of a longer word on the page (`QC小组`).
        #expect(SearchQuery("C小组").terms[0].tokens == ["小组"])
        #expect(SearchQuery("第3号").terms[0].tokens == ["3"])
        #expect(SearchQuery("煤").terms[0].tokens == ["煤"])
        #expect(SearchQuery("。，").terms.isEmpty)
    }

    @Test func shardHashIsFNV1aOverUTF16() {
        #expect(SearchShards.hash("a") == 0xE40C_292C)
        #expect(SearchShards.hash("") == 0x811C_9DC5)
        #expect(SearchShards.name(of: 7, count: 64) == "07")
        #expect(SearchShards.name(of: 7, count: 1024) == "007")
        #expect(SearchShards.count(forEstimatedBytes: 0) == 4)
        #expect(SearchShards.count(forEstimatedBytes: 10_000_000) == 256)
    }
}

@Suite struct SearchTokenCodesTests {
    /// The index counts tokens by code; every code must stand for exactly the token the tokenizer gives.
    @Test(arguments: [
        ("安全生产标准化", false), ("安全生产标准化", true), ("3×3精益发运", true), ("ＱＣ小组 qc Group", false),
        ("党建，品牌。同·兴！", true), ("《党建工作指导手册》第一章", true), ("a", true), ("兴", true), ("兴", false),
        ("𠀀𠀁 CJK 扩展B", true), ("", true),
    ])
    func codesGiveTheTokenizersTokens(_ text: String, _ singleHan: Bool) {
        var codes = SearchTokenCodes()
        codes.add(normalized: SearchTokenizer.normalize(text), mask: 1, singleHan: singleHan)
        let fromCodes = Set(codes.han.keys.map(SearchTokenCodes.string(of:))).union(codes.words.keys)
        #expect(fromCodes == Set(SearchTokenizer.tokens(in: text, singleHan: singleHan)))
    }

    @Test func documentTablesMatchTheStringTables() {
        let document = SearchDocument(title: "煤海先锋 QC", url: "a.html", publication: 0, headings: ["四公开", "Part 2"],
                                      meta: "综采一区 安全生产", body: "党建品牌，３×３精益发运。同心向党、同向发力。")
        let codes = SearchIndex.tokenCodes(of: document)
        var merged: [String: UInt8] = codes.words
        for (code, mask) in codes.han { merged[SearchTokenCodes.string(of: code)] = mask }
        #expect(merged == SearchIndex.fieldMasks(of: document))
    }
}

@Suite struct CodeTableTests {
    @Test func holdsWhatADictionaryHoldsThroughGrowth() {
        var table = CodeTable<Int>(filler: -1, capacity: 2)
        var reference: [UInt64: Int] = [:]
        var random = SystemRandomNumberGenerator()
        for step in 0..<5_000 {
            // Many repeats, and codes that differ only in high bits, to make slots collide.
            let code = step % 3 == 0 ? UInt64.random(in: 1...200, using: &random) : UInt64(step) << 40 | 7
            let (slot, isNew) = table.slot(for: code)
            #expect(isNew == (reference[code] == nil))
            if isNew { #expect(table[slot] == -1) }
            table[slot] = (reference[code] ?? 0) + step
            reference[code] = (reference[code] ?? 0) + step
        }
        #expect(table.count == reference.count)
        #expect(Dictionary(uniqueKeysWithValues: Array(table)) == reference)
        #expect(Set(table.keys) == Set(reference.keys))
        for (code, value) in reference { #expect(table.value(of: code) == value) }
        #expect(table.value(of: 1 << 62) == nil)
    }
}
