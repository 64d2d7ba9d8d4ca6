import Testing
@testable import BrandpressKit

@Suite struct MarkdownRendererTests {
    @Test func softBreakBetweenChineseCharactersDisappears() {
        let html = MarkdownRenderer.render("中文段落\n第二行\n\nEnglish words\nhere", options: MarkdownOptions()).html
        #expect(html == "<p>中文段落第二行</p>\n<p>English words\nhere</p>\n")
    }
}
