import Foundation
import Testing
@testable import BrandpressKit

/// `serve` looks up the metadata of the files it walked last time instead of walking `Content/`
/// again, while no folder changed: the inventory must be the one a new walk gives.
@Suite struct ContentScanMemoryTests {
    static let files = [
        "Content/site.yml": "title: 测试\n",
        "Content/index.md": "# 首页\n",
        "Content/stories/2024-安全.md": "# 安全\n",
        "Content/stories/images/封面.jpg": "jpeg",
        "Content/handbook/01-总则/01-目的.md": "# 目的\n",
    ]
    /// Every folder counts as settled: the tests change files at once.
    static let settledNow = Date().timeIntervalSince1970 + 3600

    static func scan(_ project: TemporaryProject) -> (ContentInventory, ContentScanMemory?) {
        ContentScanMemory.scan(project.root.appendingPathComponent("Content"), displayPrefix: "Content/", trustedBefore: settledNow)
    }

    static func freshScan(_ project: TemporaryProject) -> ContentInventory {
        ContentScanner.scan(project.root.appendingPathComponent("Content"), displayPrefix: "Content/")
    }

    /// Appends in place, as an editor saving without a temporary file does: no folder changes.
    static func append(_ text: String, to path: String, in project: TemporaryProject) throws {
        let handle = try #require(FileHandle(forWritingAtPath: project.root.appendingPathComponent(path).path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    @Test func aFileChangedInPlaceIsSeenWithoutAWalk() throws {
        let project = try TemporaryProject(Self.files)
        var (first, kept) = Self.scan(project)
        #expect(first.markdownIdentities == Self.freshScan(project).markdownIdentities)
        #expect(kept != nil)
        try Self.append("\n新的一段。\n", to: "Content/stories/2024-安全.md", in: project)
        try Self.append("more", to: "Content/stories/images/封面.jpg", in: project)
        let again = kept?.rescan()
        let rescanned = try #require(again)
        let fresh = Self.freshScan(project)
        #expect(rescanned.markdownFiles == fresh.markdownFiles)
        #expect(rescanned.assetFiles == fresh.assetFiles)
        #expect(rescanned.markdownIdentities == fresh.markdownIdentities)
        #expect(rescanned.assetIdentities == fresh.assetIdentities)
        #expect(rescanned.hasConfig)
        #expect(rescanned.markdownIdentities["stories/2024-安全.md"] != first.markdownIdentities["stories/2024-安全.md"])
        first = rescanned
        let unchanged = kept?.rescan()
        #expect(unchanged?.markdownIdentities == first.markdownIdentities, "nothing changed since")
    }

    /// Under `serve` the watcher names what changed, and only those paths are looked up.
    @Test func onlyTheNamedFilesAreLookedUpAgain() throws {
        let project = try TemporaryProject(Self.files)
        var (first, kept) = Self.scan(project)
        #expect(kept != nil)
        try Self.append("\n新的一段。\n", to: "Content/stories/2024-安全.md", in: project)
        try Self.append("\n没有人说起的一段。\n", to: "Content/index.md", in: project)
        let afterEdits = kept?.rescan(changes: ["stories/2024-安全.md", "stories", ".git/index", "stories/.2024-安全.md.swp"])
        let named = try #require(afterEdits)
        let fresh = Self.freshScan(project)
        #expect(named.markdownIdentities["stories/2024-安全.md"] == fresh.markdownIdentities["stories/2024-安全.md"])
        #expect(named.markdownIdentities["index.md"] == first.markdownIdentities["index.md"], "a file nobody named is not looked up")
        #expect(named.markdownFiles == fresh.markdownFiles)
        first = named
        let afterNothing = kept?.rescan(changes: [])
        let nothing = try #require(afterNothing)
        #expect(nothing.markdownIdentities == first.markdownIdentities)
        let afterAll = kept?.rescan(changes: nil)
        let all = try #require(afterAll)
        #expect(all.markdownIdentities == fresh.markdownIdentities, "without names every file is looked up")
        #expect(all.assetIdentities == fresh.assetIdentities)
    }

    /// An editor saving through a temporary file renames it over the page: the folder changes, but
    /// the events name both entries, and the folder holds the same files.
    @Test func aPageSavedThroughATemporaryFileNeedsNoWalk() throws {
        let project = try TemporaryProject(Self.files)
        var (_, kept) = Self.scan(project)
        #expect(kept != nil)
        let page = project.root.appendingPathComponent("Content/stories/2024-安全.md")
        let temporary = project.root.appendingPathComponent("Content/stories/2024-安全.md.tmp-1")
        try Data("# 安全\n\n另存。\n".utf8).write(to: temporary)
        #expect(rename(temporary.path, page.path) == 0)
        let saved = kept?.rescan(changes: ["stories/2024-安全.md.tmp-1", "stories/2024-安全.md"])
        let rescanned = try #require(saved)
        let fresh = Self.freshScan(project)
        #expect(rescanned.markdownFiles == fresh.markdownFiles)
        #expect(rescanned.assetFiles == fresh.assetFiles)
        #expect(rescanned.markdownIdentities == fresh.markdownIdentities)
        try Self.append("又一段。\n", to: "Content/stories/2024-安全.md", in: project)
        let again = kept?.rescan(changes: ["stories/2024-安全.md"])
        #expect(again?.markdownIdentities == Self.freshScan(project).markdownIdentities, "the memory goes on after the save")
        let unnamed = kept?.rescan(changes: nil)
        #expect(unnamed == nil, "a folder's metadata taken just after a change is not trusted by a look-up with no names")
    }

    @Test(arguments: ["a new file", "a file in a folder it never saw", "a folder that changed", "a file that became a folder", "a removed file"])
    func aNamedPathItCannotPlaceMeansANewWalk(_ change: String) throws {
        let project = try TemporaryProject(Self.files)
        var (_, kept) = Self.scan(project)
        #expect(kept != nil)
        let named: String
        switch change {
        case "a new file":
            try project.write("Content/stories/2025-新.md", "# 新\n")
            named = "stories/2025-新.md"
        case "a file in a folder it never saw":
            try project.write("Content/new/page.md", "# 新\n")
            named = "new/page.md"
        case "a folder that changed":
            try project.write("Content/stories/2025-新.md", "# 新\n")
            named = "stories"
        case "a file that became a folder":
            try project.remove("Content/index.md")
            try FileManager.default.createDirectory(at: project.root.appendingPathComponent("Content/index.md"), withIntermediateDirectories: false)
            named = "index.md"
        default:
            try project.remove("Content/stories/2024-安全.md")
            named = "stories/2024-安全.md"
        }
        let rescanned = kept?.rescan(changes: [named])
        #expect(rescanned == nil)
    }

    @Test(arguments: ["added", "removed", "renamed", "folder added"])
    func aChangedFolderMeansANewWalk(_ change: String) throws {
        let project = try TemporaryProject(Self.files)
        var (_, kept) = Self.scan(project)
        #expect(kept != nil)
        switch change {
        case "added": try project.write("Content/stories/2025-新.md", "# 新\n")
        case "removed": try project.remove("Content/handbook/01-总则/01-目的.md")
        case "renamed":
            try FileManager.default.moveItem(at: project.root.appendingPathComponent("Content/index.md"),
                                             to: project.root.appendingPathComponent("Content/home.md"))
        default: try FileManager.default.createDirectory(at: project.root.appendingPathComponent("Content/stories/new"), withIntermediateDirectories: false)
        }
        let rescanned = kept?.rescan()
        #expect(rescanned == nil)
    }

    @Test func foldersChangedTooRecentlyAreKeptOnlyForNamedPaths() throws {
        let project = try TemporaryProject(Self.files)
        var (_, kept) = ContentScanMemory.scan(project.root.appendingPathComponent("Content"), displayPrefix: "Content/", trustedBefore: 0)
        #expect(kept != nil)
        try Self.append("\n新的一段。\n", to: "Content/index.md", in: project)
        let named = kept?.rescan(changes: ["index.md"])
        #expect(named?.markdownIdentities == Self.freshScan(project).markdownIdentities)
        let unnamed = kept?.rescan(changes: nil)
        #expect(unnamed == nil, "its folders' metadata cannot tell whether they changed")
    }

    @Test func aSymbolicLinkIsNotKept() throws {
        let project = try TemporaryProject(Self.files)
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("Content/stories/link.md").path,
                                                   withDestinationPath: project.root.appendingPathComponent("Content/index.md").path)
        let (inventory, kept) = Self.scan(project)
        #expect(inventory.markdownFiles.contains("stories/link.md"))
        #expect(kept == nil)
    }
}
