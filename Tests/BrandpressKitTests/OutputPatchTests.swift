import Foundation
import Testing
@testable import BrandpressKit

/// The update in place that publishes a build which kept most of the previous output: applied, it
/// gives the new tree; failed or killed at any step, the old tree comes back whole.
@Suite struct OutputPatchTests {
    static let old: [String: String] = [
        "Output/index.html": "旧首页",
        "Output/stories/a.html": "旧 a",
        "Output/stories/b.html": "b 不变",
        "Output/stories/gone.html": "将删除",
        "Output/retired/only.html": "整个文件夹将删除",
        "Output/search/meta.js": "不变",
    ]
    /// What the build wrote (the kept files are the old ones it did not write again).
    static let staged: [String: String] = [
        "index.html": "新首页",
        "stories/a.html": "新 a",
        "stories/c.html": "新文章",
        "stories/tags/t.html": "新文件夹里的新文件",
    ]
    static let kept = ["stories/b.html", "search/meta.js"]

    /// A project with the old output, a staging folder holding `staged`, and the previous output as the build sees it.
    static func prepared() throws -> (TemporaryProject, OutputFolder, PreviousOutput) {
        let project = try TemporaryProject(old, templates: [:])
        let folder = OutputFolder(output: project.root.appendingPathComponent("Output"))
        try folder.createStaging()
        for directory in ["stories", "stories/tags", "search"] {
            try FileManager.default.createDirectory(at: folder.stagedURL(directory), withIntermediateDirectories: true)
        }
        for (path, text) in staged { try FileWriting.write(text, to: folder.stagedURL(path)) }
        let listing = try #require(TreeListing.walk(folder.output.path))
        return (project, folder, PreviousOutput(folder: folder.output, records: [:], listing: listing))
    }

    static func leftovers(_ project: TemporaryProject) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".Output") }
    }

    @Test func appliedItGivesTheNewTreeAndKeepsUnchangedFilesAsTheyWere() throws {
        let (project, folder, previous) = try Self.prepared()
        let keptInode = try FileManager.default.attributesOfItem(atPath: folder.output.appendingPathComponent("stories/b.html").path)[.systemFileNumber] as? Int
        var patch = try #require(OutputPatch(folder: folder, previous: previous, kept: Self.kept))
        try patch.apply()
        var expected = Dictionary(uniqueKeysWithValues: Self.staged.map { ($0.key, Data($0.value.utf8)) })
        for path in Self.kept { expected[path] = Data(Self.old["Output/" + path]!.utf8) }
        #expect(project.tree() == expected)
        #expect(project.folders() == ["search", "stories", "stories/tags"])
        #expect(try FileManager.default.attributesOfItem(atPath: folder.output.appendingPathComponent("stories/b.html").path)[.systemFileNumber] as? Int == keptInode)
        #expect(try Self.leftovers(project).isEmpty)
    }

    /// The fingerprint the build records after a patch, made from the walk before it and the files
    /// it moved in, is the one a walk of the patched tree gives: else the next build would not
    /// see that nothing changed.
    @Test func theListingAfterThePatchIsTheWalkOfThePatchedTree() throws {
        let (project, folder, previous) = try Self.prepared()
        var patch = try #require(OutputPatch(folder: folder, previous: previous, kept: Self.kept))
        try patch.apply()
        let applied = try #require(previous.listing.applying(patch, root: folder.output.path))
        let walked = try #require(TreeListing.walk(folder.output.path))
        #expect(applied.files == walked.files)
        #expect(applied.directories == walked.directories)
        #expect(applied.fingerprint == walked.fingerprint)
        #expect(TreeListing.fingerprint(of: folder.output.path) == walked.fingerprint)
        #expect(applied.fingerprint != previous.listing.fingerprint)
        withExtendedLifetime(project) {}
    }

    /// Any file's changed metadata, and any file or folder more or less, changes the fingerprint.
    @Test func theFingerprintSeesEveryChange() throws {
        let (project, folder, _) = try Self.prepared()
        let root = folder.output.path
        var seen: Set<UInt64> = []
        func fingerprint() throws -> UInt64 { try #require(TreeListing.walk(root)).fingerprint }
        #expect(seen.insert(try fingerprint()).inserted)
        #expect(try fingerprint() == seen.first)
        try FileWriting.write("旧 a", to: folder.output.appendingPathComponent("stories/a.html"))
        #expect(seen.insert(try fingerprint()).inserted, "the same bytes written again")
        try FileWriting.write("新的内容更长", to: folder.output.appendingPathComponent("stories/b.html"))
        #expect(seen.insert(try fingerprint()).inserted, "other bytes")
        try FileManager.default.createDirectory(at: folder.output.appendingPathComponent("empty"), withIntermediateDirectories: false)
        #expect(seen.insert(try fingerprint()).inserted, "a new folder")
        try FileManager.default.moveItem(at: folder.output.appendingPathComponent("stories/gone.html"),
                                         to: folder.output.appendingPathComponent("stories/moved.html"))
        #expect(seen.insert(try fingerprint()).inserted, "a renamed file")
        try FileManager.default.removeItem(at: folder.output.appendingPathComponent("retired/only.html"))
        #expect(seen.insert(try fingerprint()).inserted, "a deleted file")
        withExtendedLifetime(project) {}
    }

    @Test func aFailureAtAnyStepRollsTheOldTreeBack() throws {
        let changes = 1 + 4 + 2 + 1 // folders made, files moved in, files deleted, folders removed
        for step in 0..<changes {
            let (project, folder, previous) = try Self.prepared()
            let before = project.tree()
            let foldersBefore = project.folders()
            var patch = try #require(OutputPatch(folder: folder, previous: previous, kept: Self.kept))
            #expect(throws: FileWriting.Failure.self, "step \(step)") { try patch.apply(failAfter: step) }
            #expect(project.tree() == before, "failed at step \(step)")
            #expect(project.folders() == foldersBefore, "failed at step \(step)")
            #expect(try Self.leftovers(project).isEmpty, "failed at step \(step)")
        }
    }

    @Test func aBuildKilledAtAnyStepIsRolledBackByTheNextOne() throws {
        for step in 0..<8 {
            let (project, folder, previous) = try Self.prepared()
            let before = project.tree()
            let foldersBefore = project.folders()
            var patch = try #require(OutputPatch(folder: folder, previous: previous, kept: Self.kept))
            try patch.apply(interruptAfter: step)
            #expect(try Self.leftovers(project).contains { $0.contains(OutputFolder.journalMarker) }, "killed at step \(step)")
            OutputFolder(output: folder.output).recoverLeftovers()
            #expect(project.tree() == before, "killed at step \(step)")
            #expect(project.folders() == foldersBefore, "killed at step \(step)")
            #expect(try Self.leftovers(project).isEmpty, "killed at step \(step)")
        }
    }

    @Test func aBackupThatCannotBeMadeLeavesTheOutputUntouched() throws {
        let (project, folder, previous) = try Self.prepared()
        let before = project.tree()
        var patch = try #require(OutputPatch(folder: folder, previous: previous, kept: Self.kept))
        try FileWriting.write("挡路", to: folder.backup)
        #expect(throws: FileWriting.Failure.self) { try patch.apply() }
        #expect(project.tree() == before)
        #expect(try Self.leftovers(project).isEmpty)
    }

    @Test func aFileWhereTheOldOutputHadAFolderIsNotPatched() throws {
        let (project, folder, previous) = try Self.prepared()
        try FileWriting.write("文件", to: folder.stagedURL("retired"))
        #expect(OutputPatch(folder: folder, previous: previous, kept: Self.kept) == nil)
        withExtendedLifetime(project) {}
    }
}
