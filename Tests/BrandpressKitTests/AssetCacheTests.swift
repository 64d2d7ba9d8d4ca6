import Foundation
import Testing
@testable import BrandpressKit

/// A file of `Content/` whose metadata is what the last copy recorded, and whose copy the previous
/// output keeps, is not read again; any other is read and copied.
@Suite struct AssetCacheTests {
    @Test func aRecordedFileIsKeptWithoutBeingReadAndAChangedOneIsCopied() throws {
        let project = try TemporaryProject(["Content/_index.md": "# 首页\n", "Content/images/a.svg": "<svg/>", "Content/images/b.svg": "<svg>b</svg>"])
        let (loaded, problems) = SiteLoader.load(ProjectLayout(root: project.root), includeDrafts: false)
        #expect(problems.isEmpty)
        let model = try #require(loaded)
        let later = Date().timeIntervalSince1970 + 60
        let layout = ProjectLayout(root: project.root)

        // A first copy records both files.
        let first = OutputFolder(output: project.root.appendingPathComponent("Output"))
        // writeSite makes the folders the copies go into.
        func stage(_ folder: OutputFolder) throws {
            try folder.createStaging()
            try FileManager.default.createDirectory(at: folder.stagedURL("images"), withIntermediateDirectories: true)
        }
        try stage(first)
        let (written, recorded) = try SiteBuilder.copyFiles(model: model, layout: layout, folder: first, previous: nil, assets: AssetCache(), trustedBefore: later)
        try first.commit()
        #expect(Set(recorded.entries.keys) == ["images/a.svg", "images/b.svg"])
        #expect(written.kept.isEmpty)
        let cacheFile = project.root.appendingPathComponent("assets.bin")
        recorded.store(to: cacheFile)
        let reloaded = try #require(AssetCache.load(from: cacheFile))
        #expect(reloaded == recorded)

        // a.svg is gone from Content/ but its metadata (from the scan) is the recorded one: it is
        // kept without being read. b.svg's recorded digest no longer matches the output's record: it is read.
        try project.remove("Content/images/a.svg")
        var records = written.records
        records["images/b.svg"]?.digest &+= 1
        let previous = PreviousOutput(folder: first.output, records: records, listing: try #require(TreeListing.walk(first.output.path)))
        let second = OutputFolder(output: first.output)
        try stage(second)
        let (again, _) = try SiteBuilder.copyFiles(model: model, layout: layout, folder: second, previous: previous, assets: reloaded, trustedBefore: later)
        // (The theme's stylesheet is read, and kept since its bytes are the same.)
        #expect(Set(again.kept) == ["images/a.svg", "assets/style.css"])
        #expect(FileManager.default.fileExists(atPath: second.stagedPath("images/b.svg")))

        // Without the record, the missing file must be read: the copy fails.
        let third = OutputFolder(output: first.output)
        try stage(third)
        #expect(throws: (any Error).self) {
            _ = try SiteBuilder.copyFiles(model: model, layout: layout, folder: third, previous: previous, assets: AssetCache(), trustedBefore: later)
        }
        second.discard()
        third.discard()
    }

    @Test func metadataThatChangedJustNowIsNotRecorded() throws {
        let project = try TemporaryProject(["Content/_index.md": "# 首页\n", "Content/a.svg": "<svg/>"])
        let model = try #require(SiteLoader.load(ProjectLayout(root: project.root), includeDrafts: false).0)
        let folder = OutputFolder(output: project.root.appendingPathComponent("Output"))
        try folder.createStaging()
        let (_, recorded) = try SiteBuilder.copyFiles(model: model, layout: ProjectLayout(root: project.root), folder: folder, previous: nil,
                                                     assets: AssetCache(), trustedBefore: Date().timeIntervalSince1970 - 60)
        #expect(recorded.entries.isEmpty)
        folder.discard()
    }
}
