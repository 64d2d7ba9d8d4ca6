import Foundation
import Testing
@testable import BrandpressKit

/// The digest that lets a rebuild keep a page: equal variables give equal digests whatever the
/// dictionaries' order or the collections' static types, any difference gives another digest, and
/// a value it cannot read gives none (the page is then always rendered).
@Suite struct TemplateInputDigestTests {
    func digest(_ context: [String: Any]) -> UInt64? {
        TemplateInputDigest.of(context, template: "story", templates: 7, injection: nil)
    }

    let context: [String: Any] = [
        "title": "标题", "count": 3, "ratio": 0.5, "draft": false,
        "page": ["title": "综采一区", "tags": ["安全", "创新"] as [Any]] as [String: Any],
        "list": [["url": "a.html"] as [String: Any], ["url": "b.html"] as [String: Any]] as [Any],
        "rows": [["n": 1, "open": true] as [String: Any]] as [Any],
    ]

    @Test func equalVariablesGiveEqualDigestsInAnyOrder() throws {
        var reordered: [String: Any] = [:]
        for key in context.keys.sorted().reversed() { reordered[key] = context[key] }
        let first = try #require(digest(context))
        #expect(digest(reordered) == first)
        #expect(digest(context) == first)
    }

    @Test func collectionsOfOtherStaticTypesDigestLikeTheirAnyForms() {
        let typed: [String: Any] = [
            "title": "标题", "count": 3, "ratio": 0.5, "draft": false,
            "page": ["title": "综采一区", "tags": ["安全", "创新"]] as [String: Any],
            "list": [["url": "a.html"], ["url": "b.html"]],
            "rows": [["n": 1, "open": true] as [String: Any]],
        ]
        #expect(typed["list"] is [[String: String]])
        #expect(type(of: typed["rows"]!) == [[String: Any]].self)
        #expect(type(of: (typed["page"] as! [String: Any])["tags"]!) == [String].self)
        #expect(digest(typed) != nil)
        #expect(digest(typed) == digest(context))
    }

    @Test func everyDifferenceChangesTheDigest() {
        let base = digest(context)
        var changed: [[String: Any]] = []
        for (key, value) in [("title", "标题 " as Any), ("count", 4), ("count", "3"), ("ratio", 0.25), ("draft", true), ("draft", 0)] {
            var variant = context
            variant[key] = value
            changed.append(variant)
        }
        var nested = context
        nested["page"] = ["title": "综采一区", "tags": ["创新", "安全"] as [Any]] as [String: Any]
        changed.append(nested)
        var moved = context
        moved["list"] = [["url": "b.html"] as [String: Any], ["url": "a.html"] as [String: Any]] as [Any]
        changed.append(moved)
        let digests = changed.map(digest)
        #expect(!digests.contains { $0 == nil })
        #expect(!digests.contains(base))
        #expect(Set(digests.compactMap { $0 }).count == digests.count)
        #expect(TemplateInputDigest.of(context, template: "brand", templates: 7, injection: nil) != base)
        #expect(TemplateInputDigest.of(context, template: "story", templates: 8, injection: nil) != base)
        #expect(TemplateInputDigest.of(context, template: "story", templates: 7, injection: "<script></script>") != base)
    }

    @Test func sharedValuesCountByTheirContents() {
        let shared = SharedValues(["title": "同·兴", "language": "zh-CN"])
        let same = SharedValues(["language": "zh-CN", "title": "同·兴"])
        let other = SharedValues(["title": "同·兴", "language": "zh-TW"])
        #expect(digest(["site": shared]) != nil)
        #expect(digest(["site": shared]) == digest(["site": same]))
        #expect(digest(["site": shared]) != digest(["site": other]))
        #expect(digest(["nav": SharedList(["a", 1])]) != digest(["nav": SharedList(["a", 2])]))
    }

    @Test func aValueItCannotReadGivesNoDigest() {
        #expect(digest(["when": Date(timeIntervalSince1970: 0)]) == nil)
        #expect(digest(["page": ["when": Date(timeIntervalSince1970: 0)] as [String: Any]]) == nil)
        #expect(digest(["nav": SharedList([Date(timeIntervalSince1970: 0)])]) == nil)
    }
}
