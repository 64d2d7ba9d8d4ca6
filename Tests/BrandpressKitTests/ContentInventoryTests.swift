import Foundation
import Testing
@testable import BrandpressKit

/// A build takes the files of `Content/` from the walk its fingerprint makes; that inventory must be
/// the one `ContentScanner.scan` finds.
@Suite struct ContentInventoryTests {
    @Test func theFingerprintWalkGivesTheInventoryTheScanFinds() throws {
        let project = try TemporaryProject([
            "Content/site.yml": "title: 测试\n",
            "Content/index.md": "# 首页\n",
            "Content/.hidden.md": "# 不发布\n",
            "Content/.git/config": "[core]\n",
            "Content/stories/.drafts/草稿.md": "# 草稿\n",
            "Content/stories/2024-安全.md": "# 安全\n",
            "Content/stories/notes.MARKDOWN": "# 笔记\n",
            "Content/stories/images/封面.jpg": "jpeg",
            "Content/stories/site.yml": "not the config\n",
            "Content/handbook/01-总则/01-目的.md": "# 目的\n",
            "Content/handbook/01-总则/附件.pdf": "pdf",
        ])
        let layout = ProjectLayout(root: project.root, output: project.root.appendingPathComponent("Output"))
        let walked = try #require(BuildFingerprint.inputs(of: layout, options: BuildOptions(root: project.root)))
        let fromWalk = ContentScanner.inventory(of: walked.content)
        let scanned = ContentScanner.scan(layout.content, displayPrefix: "Content/")

        #expect(scanned.diagnostics.isEmpty)
        #expect(fromWalk.markdownFiles == scanned.markdownFiles)
        #expect(fromWalk.assetFiles == scanned.assetFiles)
        #expect(fromWalk.markdownIdentities == scanned.markdownIdentities)
        #expect(fromWalk.assetIdentities == scanned.assetIdentities)
        #expect(fromWalk.hasConfig && scanned.hasConfig)
        #expect(scanned.markdownFiles == ["handbook/01-总则/01-目的.md", "index.md", "stories/2024-安全.md", "stories/notes.MARKDOWN"])
        #expect(scanned.assetFiles == ["handbook/01-总则/附件.pdf", "stories/images/封面.jpg", "stories/site.yml"])
    }

    /// A symbolic link inside `Content/` makes the fingerprint walk give up, so the scan runs and
    /// reports the link.
    @Test func aLinkInsideContentLeavesTheInventoryToTheScan() throws {
        let project = try TemporaryProject(["Content/index.md": "# 首页\n"])
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("Content/outside.md").path,
                                                   withDestinationPath: "/etc/hostname")
        let layout = ProjectLayout(root: project.root, output: project.root.appendingPathComponent("Output"))
        #expect(BuildFingerprint.inputs(of: layout, options: BuildOptions(root: project.root)) == nil)
        let report = project.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.file == "Content/outside.md" && $0.message.contains("outside Content/") })
    }
}
