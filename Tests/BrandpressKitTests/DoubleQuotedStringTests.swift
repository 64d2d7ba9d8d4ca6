import Foundation
import Testing
@testable import BrandpressKit

@Suite struct DoubleQuotedStringTests {
    @Test(arguments: [
        ("党建品牌", #""党建品牌""#),
        ("say \"hi\"\\", #""say \"hi\"\\""#),
        ("a\nb\rc\td", #""a\nb\rc\td""#),
        ("\u{0}\u{1F}\u{7F}", #""\u0000\u001f\u007f""#),
        ("\u{80}x\u{9F}\u{A0}", "\"\\u0080x\\u009f\u{A0}\""),
        ("\u{FEFF}开头", #""\ufeff开头""#),
        ("行\u{2028}分\u{2029}段", #""行\u2028分\u2029段""#),
        ("\u{2027}\u{202A}\u{FEFE}😀", "\"\u{2027}\u{202A}\u{FEFE}😀\""),
    ])
    func escapesWhatJSONAndYAMLNeed(_ text: String, _ expected: String) throws {
        let quoted = DoubleQuotedString.quoted(text)
        #expect(quoted == expected)
        let decoded = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
        #expect(decoded == text)
    }
}
