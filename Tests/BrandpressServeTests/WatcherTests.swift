import Foundation
import Testing
@testable import BrandpressServe

@Suite("Serve watcher")
struct WatcherTests {
    /// Counts the watcher's callbacks and lets a test wait for the next one.
    final class Changes: Sendable {
        let stream: AsyncStream<Void>
        let continuation: AsyncStream<Void>.Continuation

        init() {
            (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        }

        /// Does `action`, then waits for a callback; false when none came within the timeout.
        func afterDoing(_ action: () throws -> Void, timeout: Duration = .seconds(30)) async throws -> Bool {
            try action()
            let stream = self.stream
            return await withTaskGroup(of: Bool.self) { group in
                group.addTask {
                    for await _ in stream { return true }
                    return false
                }
                group.addTask {
                    try? await Task.sleep(for: timeout)
                    return false
                }
                let first = await group.next() ?? false
                group.cancelAll()
                return first
            }
        }
    }

    @Test func editCreateDeleteRenameAndNewFoldersEachTriggerARebuild() async throws {
        let folder = try TemporaryFolder()
        try folder.write("Content/a.md", "one")
        try folder.write("Templates/base.mustache", "x")
        let changes = Changes()
        let continuation = changes.continuation
        let watcher = try DirectoryWatcher(
            folders: [folder.url.appendingPathComponent("Content"), folder.url.appendingPathComponent("Templates")],
            debounce: .milliseconds(20)
        ) { _ in continuation.yield() }
        defer { watcher.stop() }
        let content = folder.url.appendingPathComponent("Content")
        let fileManager = FileManager.default

        #expect(try await changes.afterDoing { try folder.write("Content/a.md", "two") }, "edit")
        #expect(try await changes.afterDoing { try folder.write("Templates/base.mustache", "y") }, "edit a template")
        #expect(try await changes.afterDoing { try folder.write("Content/b.md", "new") }, "create")
        #expect(try await changes.afterDoing { try fileManager.moveItem(at: content.appendingPathComponent("b.md"), to: content.appendingPathComponent("c.md")) }, "rename")
        #expect(try await changes.afterDoing { try fileManager.removeItem(at: content.appendingPathComponent("c.md")) }, "delete")
        #expect(try await changes.afterDoing { try fileManager.createDirectory(at: content.appendingPathComponent("new"), withIntermediateDirectories: false) }, "new folder")
        #expect(try await changes.afterDoing { try folder.write("Content/new/page.md", "inside") }, "file in the new folder")
        #expect(try await changes.afterDoing { try fileManager.createDirectory(at: content.appendingPathComponent("deep/er"), withIntermediateDirectories: true) }, "nested new folders")
        #expect(try await changes.afterDoing { try folder.write("Content/deep/er/page.md", "deep") }, "file in a nested new folder")
        #expect(try await changes.afterDoing { try fileManager.moveItem(at: content.appendingPathComponent("deep"), to: content.appendingPathComponent("moved")) }, "rename a folder")
        #expect(try await changes.afterDoing { try folder.write("Content/moved/er/page.md", "after the move") }, "edit in a renamed folder")
    }

    @Test func aFolderMovedInFromOutsideIsWatched() async throws {
        let folder = try TemporaryFolder()
        try folder.write("Content/a.md", "one")
        try folder.write("outside/sub/x.md", "x")
        let changes = Changes()
        let continuation = changes.continuation
        let watcher = try DirectoryWatcher(folders: [folder.url.appendingPathComponent("Content")], debounce: .milliseconds(20)) { _ in continuation.yield() }
        defer { watcher.stop() }
        #expect(try await changes.afterDoing {
            try FileManager.default.moveItem(at: folder.url.appendingPathComponent("outside"), to: folder.url.appendingPathComponent("Content/inside"))
        })
        #expect(try await changes.afterDoing { try folder.write("Content/inside/sub/x.md", "edited") })
    }

    /// The paths each callback names: what `serve` looks at again instead of every file.
    final class Reported: Sendable {
        let stream: AsyncStream<Set<String>?>
        let continuation: AsyncStream<Set<String>?>.Continuation

        init() {
            (stream, continuation) = AsyncStream.makeStream(of: Set<String>?.self)
        }

        /// Does `action`, then gathers the paths of callbacks until `expected` are among them; nil when the watcher could not tell.
        func paths(after action: () throws -> Void, including expected: Set<String>) async throws -> Set<String>? {
            try action()
            var seen = Set<String>()
            for await paths in stream {
                guard let paths else { return nil }
                seen.formUnion(paths)
                if seen.isSuperset(of: expected) { break }
            }
            return seen
        }
    }

    @Test func eachCallbackNamesThePathsThatChanged() async throws {
        let folder = try TemporaryFolder()
        try folder.write("Content/a.md", "one")
        try folder.write("Content/sub/b.md", "two")
        let content = folder.url.appendingPathComponent("Content")
        let reported = Reported()
        let continuation = reported.continuation
        let watcher = try DirectoryWatcher(folders: [content], debounce: .milliseconds(20)) { continuation.yield($0) }
        defer { watcher.stop() }
        let root = content.path

        let edited = try await reported.paths(after: { try folder.write("Content/sub/b.md", "three") }, including: [root + "/sub/b.md"])
        #expect(edited == [root + "/sub/b.md"])
        let created = try await reported.paths(after: { try folder.write("Content/new/c.md", "four") }, including: [root + "/new"])
        #expect(created?.contains(root + "/new") == true)
        let inNewFolder = try await reported.paths(after: { try folder.write("Content/new/c.md", "five") }, including: [root + "/new/c.md"])
        #expect(inNewFolder == [root + "/new/c.md"])
        let moved = try await reported.paths(after: {
            try FileManager.default.moveItem(at: content.appendingPathComponent("new"), to: content.appendingPathComponent("renamed"))
        }, including: [root + "/new", root + "/renamed"])
        #expect(moved != nil)
        // Events from below the folder's old place would name paths that are not there any more.
        let afterMove = try await reported.paths(after: { try folder.write("Content/renamed/c.md", "six") }, including: [root + "/renamed/c.md"])
        #expect(afterMove == [root + "/renamed/c.md"])
    }
}
