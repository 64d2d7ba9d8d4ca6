import Testing
@testable import BrandpressKit

@Suite struct ByteSearchTests {
    @Test(arguments: [
        ("<td>甲</td><td>乙</td>", "<td>乙", 12),
        ("aaab", "aab", 1),
        ("abc", "abc", 0),
        ("abc", "", 0),
        ("abc", "abcd", nil),
        ("abcabd", "abd", 3),
        ("", "a", nil),
        ("表格单元", "单元", 6),
    ] as [(String, String, Int?)])
    func findsTheFirstOccurrence(_ haystack: String, _ needle: String, _ expected: Int?) {
        let found = Array(haystack.utf8).withUnsafeBytes { hay in
            Array(needle.utf8).withUnsafeBytes { ByteSearch.firstOffset(of: $0, in: hay) }
        }
        #expect(found == expected)
    }
}
