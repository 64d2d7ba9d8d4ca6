import Testing
@testable import BrandpressKit

/// What a template can look up, read from its text: too many names only cost renders, too few would
/// share one rendering between values that render differently.
@Suite struct TemplateLookupsTests {
    @Test func namesEveryPartOfEveryTag() throws {
        let lookups = try #require(TemplateLookups(text: """
            <a href="{{url}}">{{{title}}}</a>{{& raw}}{{#date}}<time datetime="{{ iso }}">{{display}}</time>{{/date}}
            {{^cover}}none{{/cover}}{{#tags}}{{.}}{{/tags}}{{site.title}}{{uppercased(unit)}}{{! a note }}{{
            multiLine }}
            """))
        #expect(lookups.names == ["url", "title", "raw", "date", "iso", "display", "cover", "tags", "site", "uppercased", "unit", "a", "note", "multiLine"])
        #expect(lookups.sectionsShowingThemselves == ["tags"])
    }

    @Test(arguments: [
        "{{>partials/other}}", "{{<base}}{{/base}}", "{{$block}}{{/block}}", "{{=<% %>=}}", "{{% CONTENT_TYPE: TEXT }}",
        "{{.}}", "{{{.}}}", "{{#a}}{{/a}}{{ . }}", "{{^a}}{{.}}{{/a}}", "{{#a.b}}{{.}}{{/a.b}}", "unclosed {{title", "{{}}",
    ])
    func refusesWhatItCannotFollow(_ text: String) {
        #expect(TemplateLookups(text: text) == nil)
    }

    @Test func seesTheNamedValuesUnlessASectionShowingItselfIsTrue() throws {
        let lookups = try #require(TemplateLookups(text: "{{title}}{{#flag}}{{.}}{{/flag}}"))
        let values: [String: Any] = ["title": "标题", "unitURL": "../units/a.html", "flag": "是"]
        var otherLink = values
        otherLink["unitURL"] = "a.html"
        #expect(lookups.seenNames(in: values) == ["title", "flag"])
        #expect(TemplateInputDigest.of(values, only: lookups.seenNames(in: values)) == TemplateInputDigest.of(otherLink, only: lookups.seenNames(in: otherLink)))
        var otherTitle = values
        otherTitle["title"] = "另一个"
        #expect(TemplateInputDigest.of(values, only: lookups.seenNames(in: values)) != TemplateInputDigest.of(otherTitle, only: lookups.seenNames(in: otherTitle)))
        var flagged = values
        flagged["flag"] = true
        #expect(lookups.seenNames(in: flagged) == nil)
    }
}
