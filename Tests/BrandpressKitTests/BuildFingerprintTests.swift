import Foundation
import Testing
@testable import BrandpressKit

@Suite struct BuildFingerprintTests {
    /// Files changed within the last second are "racily clean"; the test lets the clock move on.
    static func settle() { sleep(2) }

    @Test func anUnchangedRebuildLeavesTheOutputAloneAndAnyChangeRebuilds() throws {
        let project = try TemporaryProject(BuildPipelineTests.basicSite)
        Self.settle()
        let first = project.build()
        #expect(first.succeeded && !first.upToDate)
        let before = project.tree()

        let second = project.build()
        #expect(second.succeeded && second.upToDate)
        #expect(second.summary.hasPrefix("nothing changed since the last build"))
        #expect(project.tree() == before)

        // A changed page rebuilds, and the result is what a build from scratch gives.
        try project.write("Content/handbook/01-zongze/01-mudi.md", "---\ntitle: 目的（修订）\n---\n正文。\n")
        let third = project.build()
        #expect(third.succeeded && !third.upToDate)
        #expect(project.output("handbook/zongze/mudi.html")?.contains("目的（修订）") == true)

        // Other options rebuild.
        #expect(!project.build(drafts: true).upToDate)
    }

    @Test func aTouchedOrDeletedOutputFileRebuilds() throws {
        let project = try TemporaryProject(BuildPipelineTests.basicSite)
        Self.settle()
        #expect(project.build().succeeded)
        #expect(project.build().upToDate)
        try project.remove("Output/handbook/zongze/mudi.html")
        let report = project.build()
        #expect(!report.upToDate)
        #expect(project.exists("Output/handbook/zongze/mudi.html"))
        #expect(project.build().upToDate)
    }

    @Test func warningsOfTheBuildThatWroteTheOutputAreShownAgain() throws {
        var files = BuildPipelineTests.basicSite
        files["Content/a.md"] = "# A\n\n[x](handbook/01-zongze/01-mudi.md#没有)\n"
        let project = try TemporaryProject(files)
        Self.settle()
        let first = project.build()
        let second = project.build()
        #expect(second.upToDate)
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.diagnostics.count == 1)
    }

    @Test func freshlyChangedInputsAreNotTrusted() throws {
        let project = try TemporaryProject(BuildPipelineTests.basicSite)
        #expect(project.build().succeeded)
        #expect(!project.build().upToDate)
    }
}

@Suite struct RebuildEqualsFullBuildTests {
    /// After every step of edits, additions, deletions, template and config changes, a rebuild in
    /// place (which may skip work) gives exactly the tree a build from scratch gives.
    @Test func everyRebuildMatchesAFullBuild() throws {
        let project = try TemporaryProject(BuildPipelineTests.basicSite)
        func rebuild() -> BuildReport {
            usleep(60_000)
            var options = BuildOptions(root: project.root, output: project.root.appendingPathComponent("Output"))
            options.settleSeconds = 0.05
            return SiteBuilder.build(options)
        }
        func fromScratch() throws -> [String: Data] {
            let output = project.root.appendingPathComponent("Scratch")
            try? FileManager.default.removeItem(at: output)
            #expect(SiteBuilder.build(BuildOptions(root: project.root, output: output)).succeeded)
            return project.tree("Scratch")
        }
        let steps: [(String, () throws -> Void)] = [
            ("first build", {}),
            ("nothing changed", {}),
            ("edit a page", { try project.write("Content/handbook/01-zongze/02-fanwei.md", "---\ntitle: 适用范围（新）\n---\n## 对象\n\n全体党员。\n") }),
            ("add a page", { try project.write("Content/handbook/01-zongze/03-yuanze.md", "# 原则\n\n同心向党。\n") }),
            ("nothing changed again", {}),
            ("delete a page", { try project.remove("Content/handbook/01-zongze/03-yuanze.md") }),
            ("edit a template", { try project.write("Templates/page.mustache", "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}<p>新模板</p>{{/main}}{{/base}}") }),
            ("edit the config", { try project.write("Content/site.yml", "title: 改名的站点\n") }),
            ("touch an asset, same bytes", { try project.write("Content/images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>") }),
            ("nothing changed at the end", {}),
        ]
        var skipped = 0
        for (name, change) in steps {
            try change()
            let report = rebuild()
            #expect(report.succeeded, "\(name)")
            if report.upToDate { skipped += 1 }
            #expect(project.tree() == (try fromScratch()), "after: \(name)")
        }
        #expect(skipped == 3, "the three steps that change nothing leave the output alone")
    }
}
