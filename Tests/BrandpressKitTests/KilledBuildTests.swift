import Foundation
import Testing
@testable import BrandpressKit

/// Kills a real `brandpress build` process while it writes, then checks that nothing was lost.
@Suite struct KilledBuildTests {
    /// `swift test` builds the executable next to the test resources.
    static var executable: URL {
        Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("brandpress")
    }

    @Test func sigkillDuringWritingKeepsThePreviousOutput() throws {
        var files: [String: String] = ["Content/_index.md": "# 首页\n"]
        for index in 0..<1000 {
            files["Content/p/\(index).md"] = "# 第\(index)页\n\n" + String(repeating: "党建品牌建设，同心向党。\n", count: 200)
        }
        let project = try TemporaryProject(files)
        #expect(project.build().succeeded)
        let before = project.tree()
        try project.write("Content/p/new.md", "# 新页\n")
        // Without its cache the build renders every page again, which leaves time to kill it mid-write.
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(BuildOptions.cacheFolderName))

        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["build", "--root", project.root.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var sawStaging = false
        while Date() < deadline && process.isRunning {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: project.root.path)) ?? []
            if let staging = names.first(where: { $0.contains(OutputFolder.stagingMarker) }),
               let written = try? FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent(staging + "/p").path),
               written.count > 10 {
                kill(process.processIdentifier, SIGKILL)
                sawStaging = true
                break
            }
            usleep(200)
        }
        process.waitUntilExit()
        try #require(sawStaging, "the build finished before it could be killed; make the site bigger")
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(project.tree() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".Output") }
        #expect(!leftovers.isEmpty)

        #expect(project.build().succeeded)
        #expect(project.exists("Output/p/new.html"))
        let after = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".Output") }
        #expect(after.isEmpty)
    }
}
