import Testing
@testable import BrandpressKit

/// Front matter is cut off at the first line that is only `---` or `...` (spaces and tabs after it
/// allowed), with the line numbers that diagnostics point at.
@Suite struct FrontMatterSplitterTests {
    typealias Parts = FrontMatterSplitter.Parts

    @Test(arguments: [
        ("正文\n", Parts(yaml: nil, yamlFirstLine: 1, body: "正文\n", bodyFirstLine: 1)),
        ("---\ntitle: 综采一区\n---\n正文\n", Parts(yaml: "title: 综采一区\n", yamlFirstLine: 2, body: "正文\n", bodyFirstLine: 4)),
        ("--- \na: 1\nb: é\u{301}\n... \t\n\n正文", Parts(yaml: "a: 1\nb: é\u{301}\n", yamlFirstLine: 2, body: "\n正文", bodyFirstLine: 5)),
        ("---\na: '--- x'\n--- x\n----\n---", Parts(yaml: "a: '--- x'\n--- x\n----\n", yamlFirstLine: 2, body: "", bodyFirstLine: 6)),
        ("---\n---\n", Parts(yaml: "", yamlFirstLine: 2, body: "", bodyFirstLine: 3)),
        ("---x\n---\n", Parts(yaml: nil, yamlFirstLine: 1, body: "---x\n---\n", bodyFirstLine: 1)),
    ])
    func cutsAtTheClosingFence(_ text: String, _ expected: Parts) throws {
        #expect(try FrontMatterSplitter.split(text, file: "Content/a.md") == expected)
    }

    @Test(arguments: ["---\ntitle: 标题\n正文\n", "---", "---\n-- -\n"])
    func anUnclosedFrontMatterNamesItsFirstLine(_ text: String) {
        #expect(throws: BuildFailure.self) { try FrontMatterSplitter.split(text, file: "Content/a.md") }
        do {
            _ = try FrontMatterSplitter.split(text, file: "Content/a.md")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.map(\.file) == ["Content/a.md"])
            #expect(failure.diagnostics.map(\.line) == [1])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
