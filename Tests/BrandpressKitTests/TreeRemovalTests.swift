import Foundation
import Testing
@testable import BrandpressKit

@Suite struct TreeRemovalTests {
    @Test func removesEveryFileAndFolderButNeverFollowsALink() throws {
        let project = try TemporaryProject([
            "Old/index.html": "x",
            "Old/stories/a.html": "a",
            "Old/stories/deep/b.html": "b",
            "Old/search/meta.js": "m",
            "Keep/precious.txt": "do not delete",
        ])
        let old = project.root.appendingPathComponent("Old")
        try FileManager.default.createSymbolicLink(atPath: old.appendingPathComponent("link").path,
                                                   withDestinationPath: project.root.appendingPathComponent("Keep").path)
        TreeRemoval.remove(old.path)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(project.exists("Keep/precious.txt"))
    }
}
