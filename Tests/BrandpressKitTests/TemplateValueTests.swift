import Foundation
import Testing
@testable import BrandpressKit

/// Text values are shown through swift-mustache's `MustacheCustomRenderable` and looked into through
/// `MustacheParent` (see TemplateValueConformances.swift), instead of the library's casts and `Mirror`:
/// what templates show must be what the library's own way shows.
@Suite struct TemplateValueTests {
    func render(_ template: String, _ context: [String: Any]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bp-values-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(template.utf8).write(to: folder.appendingPathComponent("t.mustache"))
        let (templates, diagnostics) = TemplateSet.load(from: folder, displayPrefix: "Templates/")
        #expect(diagnostics.isEmpty)
        let set = try #require(templates)
        return try #require(set.render(context, template: "t"))
    }

    @Test func textShowsAsItselfEscapedOrNot() throws {
        let context: [String: Any] = ["name": "综采一区 <b>&</b> \"甲\"", "count": 12]
        #expect(try render("{{name}}|{{{name}}}|{{&name}}|{{count}}", context)
            == "综采一区 &lt;b&gt;&amp;&lt;/b&gt; &quot;甲&quot;|综采一区 <b>&</b> \"甲\"|综采一区 <b>&</b> \"甲\"|12")
    }

    @Test func insideASectionOfTextOtherNamesAreFoundOutsideIt() throws {
        let context: [String: Any] = ["unit": "综采一区", "unitURL": "units/a.html", "page": ["title": "标题"] as [String: Any]]
        #expect(try render("{{#unit}}<a href=\"{{unitURL}}\">{{.}}</a>{{page.title}}{{/unit}}", context)
            == "<a href=\"units/a.html\">综采一区</a>标题")
    }

    @Test func textHasNoNamedParts() throws {
        let context: [String: Any] = ["unit": "综采一区", "count": "外层"]
        #expect(try render("[{{unit.count}}][{{unit.isEmpty}}][{{#unit}}{{.count}}{{/unit}}]", context) == "[][][]")
    }

    @Test func emptyTextIsShownAndCountsAsAValue() throws {
        #expect(try render("[{{name}}]{{#name}}有{{/name}}{{^name}}无{{/name}}", ["name": ""]) == "[]有")
        #expect(try render("{{#name}}有{{/name}}{{^name}}无{{/name}}", [:]) == "无")
    }
}
