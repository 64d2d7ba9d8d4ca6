import Foundation
@testable import BrandpressKit

/// A project folder made for one test: files written from strings, removed when the test ends.
final class TemporaryProject {
    let root: URL

    /// Small templates that show the variables tests look at, one per line.
    static let minimalTemplates: [String: String] = [
        "Templates/base.mustache": """
        <!DOCTYPE html><html lang="{{site.language}}"><head><title>{{$title}}{{page.title}}{{/title}}</title>
        <link rel="stylesheet" href="{{assets}}style.css"></head><body>
        <nav>{{#nav}}<a href="{{url}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{/nav}}</nav>
        <main>{{$main}}{{/main}}</main></body></html>
        """,
        "Templates/page.mustache": """
        {{<base}}{{$main}}<h1>{{page.title}}</h1>
        root=[{{root}}]
        {{{page.content}}}
        {{#prev}}prev=[{{url}}|{{title}}]{{/prev}}
        {{#next}}next=[{{url}}|{{title}}]{{/next}}
        {{/main}}{{/base}}
        """,
        "Templates/section.mustache": """
        {{<base}}{{$main}}<h1>{{page.title}}</h1>
        {{{page.content}}}
        {{#pages}}page=[{{url}}|{{title}}]
        {{/pages}}{{#sections}}section=[{{url}}|{{title}}]
        {{/sections}}{{/main}}{{/base}}
        """,
        "Templates/assets/style.css": "body { color: #222 }\n",
    ]

    /// A project holding a copy of the repository's sample: its `Content/` and `Templates/`.
    static func copyOfTheSample() throws -> TemporaryProject {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let project = try TemporaryProject([:], templates: [:])
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(folder), to: project.root.appendingPathComponent(folder))
        }
        return project
    }

    init(_ files: [String: String], templates: [String: String] = TemporaryProject.minimalTemplates) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("brandpress-test-\(UUID().uuidString)")
        for (path, text) in templates.merging(files, uniquingKeysWith: { _, file in file }) {
            try write(path, text)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, data: Data(text.utf8))
    }

    func write(_ path: String, data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    @discardableResult
    func build(drafts: Bool = false, output: String = "Output") -> BuildReport {
        SiteBuilder.build(BuildOptions(root: root, output: root.appendingPathComponent(output), includeDrafts: drafts))
    }

    func output(_ path: String, in folder: String = "Output") -> String? {
        try? String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// Every file under a folder with its contents, to compare whole trees.
    func tree(_ folder: String = "Output") -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = base.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    /// Every folder under a folder, sorted, to compare whole trees with `tree`.
    func folders(_ folder: String = "Output") -> [String] {
        let base = root.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(atPath: base.path)
        return (enumerator?.allObjects as? [String] ?? []).filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: base.appendingPathComponent(path).path, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    /// The report's diagnostics as the command line prints them.
    static func lines(_ report: BuildReport) -> [String] {
        report.diagnostics.map(\.description)
    }
}
