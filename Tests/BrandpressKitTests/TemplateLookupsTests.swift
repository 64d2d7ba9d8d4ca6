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
        "{{>*dynamic}}", "{{> *dynamic}}", "{{<base}}{{.}}{{/base}}", "{{$block}}{{.}}{{/block}}", "{{#a}}{{$b}}{{.}}{{/b}}{{/a}}",
        "{{=<% %>=}}", "{{% CONTENT_TYPE: TEXT }}",
        "{{.}}", "{{{.}}}", "{{#a}}{{/a}}{{ . }}", "{{^a}}{{.}}{{/a}}", "{{#a.b}}{{.}}{{/a.b}}", "unclosed {{title", "{{}}",
    ])
    func refusesWhatItCannotFollow(_ text: String) {
        #expect(TemplateLookups(text: text) == nil)
    }

    @Test func namesThePartialsAndParentsItUses() throws {
        let lookups = try #require(TemplateLookups(text: "{{<base}}{{$main}}{{#stories}}{{> partials/card }}{{/stories}}{{#a}}{{$b}}{{#c}}{{.}}{{/c}}{{/b}}{{/a}}{{/main}}{{/base}}"))
        #expect(lookups.templates == ["base", "partials/card"])
        #expect(lookups.sectionsShowingThemselves == ["c"])
        #expect(lookups.names.isSuperset(of: ["stories", "a", "c"]))
    }

    @Test func includesWhatTheTemplatesItUsesLookUpInTurn() throws {
        let own: [String: TemplateLookups] = [
            "page": try #require(TemplateLookups(text: "{{<base}}{{$main}}{{#stories}}{{>card}}{{/stories}}{{/main}}{{/base}}")),
            "base": try #require(TemplateLookups(text: "<title>{{site.title}}</title>{{$main}}{{/main}}{{>footer}}")),
            "card": try #require(TemplateLookups(text: "<a href=\"{{url}}\">{{title}}</a>{{#unit}}{{.}}{{/unit}}{{>card}}")),
            "footer": try #require(TemplateLookups(text: "{{#links}}<a href=\"{{unitURL}}\">{{.}}</a>{{/links}}")),
        ]
        let all = try #require(own["page"]!.including(own))
        #expect(all.names.isSuperset(of: ["stories", "site", "title", "url", "unit", "links", "unitURL"]))
        #expect(all.sectionsShowingThemselves == ["unit", "links"])
        #expect(all.templates == ["base", "card", "footer"])
        #expect(own["card"]!.including(own)?.names.contains("unitURL") == false)
        var missing = own
        missing["footer"] = nil
        #expect(own["page"]!.including(missing) == nil)
        #expect(own["card"]!.including(missing) != nil)
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
