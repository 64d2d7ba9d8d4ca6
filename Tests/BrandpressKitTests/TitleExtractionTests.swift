import Testing
@testable import BrandpressKit

@Suite struct TitleExtractionTests {
    @Test(arguments: [
        ("# 标题\n正文\n", "标题", "\n正文\n"),
        ("\n\n  # 标题 ##\n正文", "标题", "\n\n\n正文"),
        ("# 规章制度\t#", "规章制度", ""),
        ("# C#\n", "C#", "\n"),
        ("#   两端空白   \n\n第二段", "两端空白", "\n\n第二段"),
        ("   # 三个空格缩进\n", "三个空格缩进", "\n"),
    ])
    func takesTheFirstHeadingAndBlanksItsLine(_ body: String, _ title: String, _ rest: String) throws {
        let found = try #require(TitleExtraction.firstHeading(in: body))
        #expect(found.title == title)
        #expect(found.body == rest)
    }

    @Test(arguments: ["正文\n# 标题\n", "## 二级标题\n", "#标题\n", "    # 代码块\n", "#\n正文", "# ###\n", "", "\n \n"])
    func findsNoneWhenTheFirstLineIsNotAHeading(_ body: String) {
        #expect(TitleExtraction.firstHeading(in: body) == nil)
    }
}
