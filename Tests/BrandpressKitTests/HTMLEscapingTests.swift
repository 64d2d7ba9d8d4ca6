import Testing
@testable import BrandpressKit

@Suite struct HTMLEscapingTests {
    @Test func theFiveSpecialCharactersBecomeEntitiesAndNothingElseChanges() {
        #expect(HTMLEscaping.escape(#"A&B <i>"引号"</i> it's"#) == "A&amp;B &lt;i&gt;&quot;引号&quot;&lt;/i&gt; it&#39;s")
        #expect(HTMLEscaping.escape("党建品牌“同·兴”——一支部一品牌") == "党建品牌“同·兴”——一支部一品牌")
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("&") == "&amp;")
        #expect(HTMLEscaping.escape("é&\u{301}") == "é&amp;\u{301}")
    }

    @Test func templatesEscapeWithTheSameReplacements() throws {
        var templates = TemporaryProject.minimalTemplates
        templates["Templates/page.mustache"] = "{{<base}}{{$main}}[{{page.params.note}}]{{/main}}{{/base}}"
        let project = try TemporaryProject(["Content/a.md": "---\ntitle: 甲\nnote: \"A&B <i>'x'</i> \\\"y\\\" 中文\"\n---\n正文\n"], templates: templates)
        #expect(project.build().succeeded)
        let html = try #require(project.output("a.html"))
        #expect(html.contains("[A&amp;B &lt;i&gt;&#39;x&#39;&lt;/i&gt; &quot;y&quot; 中文]"))
    }
}
