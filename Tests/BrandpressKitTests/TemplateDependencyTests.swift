import Testing
@testable import BrandpressKit

/// Which templates a page depends on: what it names, what those name, and everything when names are
/// chosen at run time.
@Suite struct TemplateDependencyTests {
    @Test(arguments: [
        ("{{>partials/card}}", false), ("{{> partials/card }}", false), ("{{<base}}{{$main}}{{/main}}{{/base}}", false),
        ("{{>*dynamic}}", true), ("{{> *dynamic}}", true), ("{{=<% %>=}}<%> partials/card %>", true), ("{{{page.content}}}", false),
    ])
    func runTimeNamesAndNewDelimitersMayUseAnyTemplate(_ text: String, _ expected: Bool) {
        #expect(TemplateSet.mayUseAnyTemplate(text) == expected)
    }

    @Test func aTemplateDependsOnWhatItReachesAndNothingElse() {
        let texts = ["base": 1, "story": 2, "brand": 3, "partials/card": 4, "partials/tag": 5, "odd": 6] as [String: UInt64]
        let uses: [String: (names: Set<String>, any: Bool)] = [
            "base": ([], false), "story": (["base", "partials/card"], false), "brand": (["base"], false),
            "partials/card": (["partials/tag"], false), "partials/tag": ([], false), "odd": ([], true),
        ]
        let digests = TemplateSet.reachableDigests(textDigests: texts, uses: uses)
        var changedTag = texts
        changedTag["partials/tag"] = 50
        let afterTagEdit = TemplateSet.reachableDigests(textDigests: changedTag, uses: uses)
        #expect(digests["story"] != afterTagEdit["story"])
        #expect(digests["partials/card"] != afterTagEdit["partials/card"])
        #expect(digests["brand"] == afterTagEdit["brand"])
        #expect(digests["base"] == afterTagEdit["base"])
        #expect(digests["odd"] != afterTagEdit["odd"], "a template that may use any template depends on all")
        var changedBase = texts
        changedBase["base"] = 10
        let afterBaseEdit = TemplateSet.reachableDigests(textDigests: changedBase, uses: uses)
        #expect(["base", "story", "brand", "odd"].allSatisfy { digests[$0] != afterBaseEdit[$0] })
        #expect(digests["partials/card"] == afterBaseEdit["partials/card"])
    }

    /// A template that names a variable brandpress renders from a partial depends on that partial.
    @Test(arguments: [
        ("{{#stories}}{{{card}}}{{/stories}}", ["card"]), ("{{& card }}", ["card"]), ("{{{ siteHeader }}}", ["siteHeader"]),
        ("{{#book.chapters}}{{{tocEntry}}}{{/book.chapters}}", ["tocEntry"]), ("{{{unitChips}}}{{{tagChips}}}", ["unitChips", "tagChips"]),
        ("{{#page.card}}x{{/page.card}}", ["card"]), ("{{cards}} {{{scard}}} card siteFooter", []), ("{{>partials/story-card}}{{< site-header}}{{! card }}{{story-card}}", []),
        ("{{count(card)}}{{{ card }}}", ["card"]), ("{{{siteHead}}}{{{siteBreadcrumbs}}}{{siteFooter}}", ["siteHead", "siteBreadcrumbs", "siteFooter"]),
    ])
    func renderedVariablesAreFoundInTags(_ text: String, _ expected: [String]) {
        #expect(TemplateSet.renderedVariables(in: text) == Set(expected))
    }
}
