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
        let texts = ["base": 1, "story": 2, "brand": 3, "partials/card": 4, "partials/tag": 5, "odd": 6, "shared": 7] as [String: UInt64]
        let uses: [String: (names: Set<String>, any: Bool)] = [
            "base": ([], false), "story": (["base", "partials/card"], false), "brand": (["base"], false),
            "partials/card": (["partials/tag"], false), "partials/tag": ([], false), "odd": ([], true), "shared": ([], false),
        ]
        let digests = TemplateSet.reachableDigests(textDigests: texts, uses: uses, alwaysUsed: ["shared"])
        var changedTag = texts
        changedTag["partials/tag"] = 50
        let afterTagEdit = TemplateSet.reachableDigests(textDigests: changedTag, uses: uses, alwaysUsed: ["shared"])
        #expect(digests["story"] != afterTagEdit["story"])
        #expect(digests["partials/card"] != afterTagEdit["partials/card"])
        #expect(digests["brand"] == afterTagEdit["brand"])
        #expect(digests["base"] == afterTagEdit["base"])
        #expect(digests["odd"] != afterTagEdit["odd"], "a template that may use any template depends on all")
        var changedShared = texts
        changedShared["shared"] = 70
        let afterSharedEdit = TemplateSet.reachableDigests(textDigests: changedShared, uses: uses, alwaysUsed: ["shared"])
        #expect(texts.keys.allSatisfy { digests[$0] != afterSharedEdit[$0] }, "a partial brandpress renders itself counts for every page")
    }
}
