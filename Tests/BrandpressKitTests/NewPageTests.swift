import Foundation
import Testing
@testable import BrandpressKit

@Suite("New page")
struct NewPageTests {
    static let tricky = #"Safety: "first" #1 - [x] {y} & *z* \ back 'q'"#

    /// Publications in folders whose names say nothing, and a decoy named like one.
    func makeProject() throws -> TemporaryProject {
        try TemporaryProject([
            "Content/_index.md": "---\ntitle: Home\n---\n",
            "Content/stories/_index.md": "---\ntitle: Not the stories\n---\n",
            "Content/people/_index.md": "---\ntitle: People\nkind: stories\n---\n",
            "Content/marks/_index.md": "---\ntitle: Marks\nkind: booklet\n---\n",
            "Content/marks/01-a.md": "---\ntitle: A\n---\n",
            "Content/marks/07-b.md": "---\ntitle: B\n---\n",
            "Content/guide/_index.md": "---\ntitle: Guide\nkind: handbook\n---\n",
            "Content/guide/01-start/_index.md": "---\ntitle: Start\n---\n",
        ])
    }

    var content: (TemporaryProject) -> URL { { $0.root.appendingPathComponent("Content") } }

    static let now: Date = {
        var parts = DateComponents()
        (parts.year, parts.month, parts.day, parts.hour, parts.minute) = (2024, 5, 1, 8, 30)
        return Calendar.current.date(from: parts)!
    }()

    func frontMatter(of file: URL) throws -> FrontMatter {
        let text = try String(contentsOf: file, encoding: .utf8)
        let parts = try FrontMatterSplitter.split(text, file: file.path)
        return try FrontMatter.decode(try #require(parts.yaml), file: file.path, firstLine: parts.yamlFirstLine)
    }

    @Test func storyGoesToTheStoriesKindWithQuotedTitle() throws {
        let project = try makeProject()
        let file = try NewPage(kind: .story, title: Self.tricky, now: Self.now).create(content: content(project))
        #expect(file.path == project.root.appendingPathComponent("Content/people/2024-05-safety-first-1-x-y-z-back-q.md").path)
        let matter = try frontMatter(of: file)
        #expect(matter.title == Self.tricky)
        #expect(matter.date?.isoDate == "2024-05-01")
        #expect(matter.string("unit") == "")
        #expect(matter.string("author") == "")
        #expect(matter.tags.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8).contains("# cover:"))
    }

    @Test func brandTakesTheNextNumber() throws {
        let project = try makeProject()
        let file = try NewPage(kind: .brand, title: "品牌: \"新\"", slug: "xin-pinpai", now: Self.now).create(content: content(project))
        #expect(file.lastPathComponent == "08-xin-pinpai.md")
        #expect(file.deletingLastPathComponent().lastPathComponent == "marks")
        let matter = try frontMatter(of: file)
        #expect(matter.title == "品牌: \"新\"")
        #expect(matter.string("brand") == "品牌: \"新\"")
        #expect(matter.weight == 8)
        for key in ["unit", "logo", "logo_alt", "slogan", "meaning", "what", "how", "who", "effect"] {
            #expect(matter.string(key) == "", "\(key)")
        }
    }

    @Test func sectionIsANewChapterFolder() throws {
        let project = try makeProject()
        let file = try NewPage(kind: .section, title: "Getting started", now: Self.now).create(content: content(project))
        #expect(file.path == project.root.appendingPathComponent("Content/guide/02-getting-started/_index.md").path)
        #expect(try frontMatter(of: file).title == "Getting started")
    }

    @Test func nonASCIITitleWithoutSlugGetsADateName() throws {
        let project = try makeProject()
        let file = try NewPage(kind: .story, title: "安全生产标兵：李明", now: Self.now).create(content: content(project))
        #expect(file.lastPathComponent == "2024-05-01-0830.md")
        #expect(try frontMatter(of: file).title == "安全生产标兵：李明")
    }

    @Test func refusesToOverwriteAndBadSlugs() throws {
        let project = try makeProject()
        let page = NewPage(kind: .story, title: "Same", slug: "same", now: Self.now)
        let file = try page.create(content: content(project))
        try Data("edited by hand".utf8).write(to: file)
        #expect(throws: NewPage.Failure.self) { try page.create(content: content(project)) }
        #expect(try String(contentsOf: file, encoding: .utf8) == "edited by hand")
        for slug in ["Bad", "with space", "ü", "-lead", "trail-", "a/b", "..", ""] {
            #expect(throws: NewPage.Failure.self, "\(slug)") { try NewPage(kind: .story, title: "T", slug: slug).create(content: content(project)) }
        }
        #expect(throws: NewPage.Failure.self) { try NewPage(kind: .story, title: "   ").create(content: content(project)) }
    }

    @Test func missingPublicationIsAClearError() throws {
        let project = try TemporaryProject(["Content/_index.md": "---\ntitle: Home\n---\n"])
        #expect(throws: NewPage.Failure.self) { try NewPage(kind: .brand, title: "X").create(content: content(project)) }
    }

    @Test(arguments: ["a: b", "\"quoted\"", "'single'", "- dash", "* star", "& anchor", "! tag", "% percent", "@ at", "`tick`",
                      "line\nbreak", "tab\there", "back\\slash", "yes", "null", "123", "{a: 1}", "[1, 2]", "#hash", "trailing: ", "\u{7}bell"])
    func yamlQuotingRoundTrips(text: String) throws {
        let matter = try FrontMatter.decode("title: \(YAMLQuoting.quoted(text))\n", file: "t.md", firstLine: 2)
        #expect(matter.title == text)
    }
}
