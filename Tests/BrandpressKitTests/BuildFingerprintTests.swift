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
