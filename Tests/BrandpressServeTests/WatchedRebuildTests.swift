import BrandpressKit
import Foundation
import Synchronization
import Testing
@testable import BrandpressServe

/// `serve` looks again only at the files the watcher names: after every kind of change, once the
/// rebuilds it sets off are done, the preview's folder must be what a build from scratch gives.
@Suite("Serve rebuilds from the watcher's paths")
struct WatchedRebuildTests {
    /// The reports of the builds, in order.
    final class Reports: Sendable {
        private let reports = Mutex<[BuildReport]>([])
        private let taken = Mutex(0)

        func add(_ report: BuildReport) {
            reports.withLock { $0.append(report) }
        }

        /// Waits for the first build since the last call, then for the builds it sets off until
        /// none comes for `quiet` and `builder` has none waiting; nil when no build came within `timeout`.
        func afterBuildsSettle(of builder: PreviewBuilder, quiet: Duration = .milliseconds(400), timeout: Duration = .seconds(30)) async -> [BuildReport]? {
            let start = taken.withLock { $0 }
            let clock = ContinuousClock()
            var deadline = clock.now + timeout
            var count = start
            while true {
                while clock.now < deadline {
                    try? await Task.sleep(for: .milliseconds(20))
                    let now = reports.withLock { $0.count }
                    if now != count {
                        count = now
                        deadline = clock.now + quiet
                    }
                }
                // A build still running when the quiet time ended would report later.
                builder.waitForRequestedBuilds()
                guard reports.withLock({ $0.count }) != count else { break }
                count = reports.withLock { $0.count }
                deadline = clock.now + quiet
            }
            guard count > start else { return nil }
            taken.withLock { $0 = count }
            return reports.withLock { Array($0[start..<count]) }
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Writes over a file without a temporary file, as many editors save: its folder does not change.
    static func overwrite(_ url: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the step changes \(url.lastPathComponent)")
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(changed.utf8))
    }

    static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        for path in paths {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) { files[path] = data }
        }
        return files
    }

    @Test func everyRebuildMatchesAFullBuild() async throws {
        let folder = try TemporaryFolder()
        for name in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(name), to: folder.url.appendingPathComponent(name))
        }
        let content = folder.url.appendingPathComponent("Content")
        let siteFolder = folder.url.appendingPathComponent("site")
        let reports = Reports()
        // Folders count as settled a moment after they change, so the walk is kept from build to build.
        let builder = PreviewBuilder(root: folder.url, siteFolder: siteFolder, includeDrafts: false, channel: ReloadChannel(),
                                     settleSeconds: 0.01) { reports.add($0) }
        let watcher = try DirectoryWatcher(folders: [content, folder.url.appendingPathComponent("Templates")], debounce: .milliseconds(20)) {
            builder.requestBuild(changedPaths: $0)
        }
        defer { watcher.stop() }
        usleep(20_000)
        #expect(builder.build().succeeded)
        _ = await reports.afterBuildsSettle(of: builder, timeout: .seconds(5))

        func file(_ path: String) -> URL { content.appendingPathComponent(path) }
        let steps: [(String, () throws -> Void)] = [
            ("a story's body, in place", { try Self.overwrite(file("stories/2024-05-zhou-yan.md")) { $0 + "\n补记：本文于年底修订。\n" } }),
            ("a handbook section's body, in place", { try Self.overwrite(file("handbook/01-zongze/02-fanwei.md")) { $0 + "\n本条自发布之日起施行。\n" } }),
            ("the same story again", { try Self.overwrite(file("stories/2024-05-zhou-yan.md")) { $0 + "\n再补一句。\n" } }),
            ("a story's title, in place", { try Self.overwrite(file("stories/2023-04-sun-dahai.md")) { $0.replacingOccurrences(of: "title: ", with: "title: 【修订】") } }),
            ("a handbook chapter's title, in place", { try Self.overwrite(file("handbook/01-zongze/_index.md")) { $0.replacingOccurrences(of: "title: ", with: "title: 新") } }),
            ("a new story", { try folder.write("Content/stories/2026-01-xin-gushi.md", "---\ntitle: 新的故事\ndate: 2026-01-05\n---\n\n新的一篇。\n") }),
            ("the new story, in place", { try Self.overwrite(file("stories/2026-01-xin-gushi.md")) { $0 + "\n又加一段。\n" } }),
            ("a story saved through a temporary file", {
                let url = file("stories/2022-03-zhang-tiejun.md")
                try (try String(contentsOf: url, encoding: .utf8) + "\n另存的一段。\n").write(to: url, atomically: true, encoding: .utf8)
            }),
            ("the new story removed", { try FileManager.default.removeItem(at: file("stories/2026-01-xin-gushi.md")) }),
            ("a logo's bytes, in place", {
                let logos = file("booklet/logos")
                let logo = try #require(try FileManager.default.contentsOfDirectory(atPath: logos.path).sorted().first)
                try Self.overwrite(logos.appendingPathComponent(logo)) { $0.replacingOccurrences(of: "</svg>", with: "<!-- 新 --></svg>") }
            }),
            ("the site's settings, in place", { try Self.overwrite(file("site.yml")) { $0.replacingOccurrences(of: "title: ", with: "title: 新") } }),
            ("a template, in place", {
                try Self.overwrite(folder.url.appendingPathComponent("Templates/story.mustache")) { $0.replacingOccurrences(of: "返回榜样故事", with: "返回全部故事") }
            }),
            ("a body after all that, in place", { try Self.overwrite(file("handbook/01-zongze/02-fanwei.md")) { $0 + "\n最后一次修订。\n" } }),
        ]
        for (name, change) in steps {
            try change()
            let built = await reports.afterBuildsSettle(of: builder)
            #expect(built?.allSatisfy(\.succeeded) == true, "\(name): \(built.map { $0.flatMap(\.diagnostics) } ?? [])")
            var options = BuildOptions(root: folder.url, output: folder.url.appendingPathComponent("Scratch"), pageInjection: ReloadScript.html)
            options.cacheFolder = nil
            try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("Scratch"))
            #expect(SiteBuilder.build(options).succeeded)
            let served = Self.tree(siteFolder), full = Self.tree(folder.url.appendingPathComponent("Scratch"))
            #expect(served.keys.sorted() == full.keys.sorted(), "after: \(name)")
            for (path, data) in full where served[path] != data {
                Issue.record("after \(name): \(path) differs from a full build")
            }
        }
    }
}
