import BrandpressKit
import Foundation
import Synchronization
import Testing
@testable import BrandpressServe

@Suite("Serve reload")
struct ReloadTests {
    static let project: [String: String] = [
        "Templates/base.mustache": "<!DOCTYPE html><html><head><title>{{page.title}}</title></head><body><main>{{$main}}{{/main}}</main></body></html>",
        "Templates/page.mustache": "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.content}}}{{/main}}{{/base}}",
        "Templates/assets/style.css": "body{}",
        "Content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "Content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "Content/docs/guide.md": "---\ntitle: Guide\n---\nfirst version\n",
    ]

    func makeProject() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        for (path, text) in Self.project { try folder.write(path, text) }
        return folder
    }

    @Test func aBrokenEditSendsTheErrorKeepsTheLastGoodSiteAndAFixReloads() async throws {
        let project = try makeProject()
        let session = try PreviewSession(root: project.url, port: 0, includeDrafts: false)
        let first = session.builder.build()
        #expect(first.succeeded, "\(first.diagnostics)")
        let serverTask = Task { try await session.server.run() }
        defer { serverTask.cancel() }
        let port = try await session.server.waitUntilListening()

        let page = try #require(await RawHTTP.get("/docs/guide.html", port: port))
        #expect(page.status == 200)
        #expect(page.text.contains("first version"))
        #expect(page.text.contains(ReloadScript.eventsPath), "the reload script is in the page")

        let events = try #require(EventStreamReader(port: port, path: ReloadScript.eventsPath))
        defer { events.stop() }
        #expect(await events.wait(for: ": brandpress") != nil)

        try project.write("Content/docs/guide.md", "---\ntitle: [broken\n---\nsecond version\n")
        let failure = try #require(await events.wait(for: "event: failure"))
        #expect(failure.contains("Content/docs/guide.md:2"), "the message names the file and line: \(failure)")
        let stillGood = try #require(await RawHTTP.get("/docs/guide.html", port: port))
        #expect(stillGood.status == 200)
        #expect(stillGood.text.contains("first version"))

        // A page opened while the site is broken is told at once.
        let late = try #require(EventStreamReader(port: port, path: ReloadScript.eventsPath))
        defer { late.stop() }
        #expect(await late.wait(for: "event: failure") != nil)

        let offset = events.text.count
        try project.write("Content/docs/guide.md", "---\ntitle: Guide\n---\nthird version\n")
        #expect(await events.wait(for: "event: reload", after: offset) != nil)
        let fixed = try #require(await RawHTTP.get("/docs/guide.html", port: port))
        #expect(fixed.text.contains("third version"))

        #expect(FileManager.default.fileExists(atPath: session.workFolder.path))
        await session.close()
        #expect(!FileManager.default.fileExists(atPath: session.workFolder.path), "close() removes the temp folder")
        #expect(project.read("Content/docs/guide.md")?.contains("third version") == true)
        let projectFiles = try FileManager.default.subpathsOfDirectory(atPath: project.url.path).sorted()
        #expect(!projectFiles.contains { $0.hasPrefix("Output") }, "serve never writes Output/")
    }

    @Test func aProjectBrokenFromTheStartShowsAPlaceholderThatReloadsAfterTheFix() async throws {
        let project = try makeProject()
        try project.write("Content/docs/guide.md", "---\ntitle: [broken\n---\n")
        let session = try PreviewSession(root: project.url, port: 0, includeDrafts: false)
        #expect(!session.builder.build().succeeded)
        let serverTask = Task { try await session.server.run() }
        defer { serverTask.cancel() }
        let port = try await session.server.waitUntilListening()

        let placeholder = try #require(await RawHTTP.get("/", port: port))
        #expect(placeholder.status == 404)
        #expect(placeholder.text.contains(ReloadScript.eventsPath), "the placeholder listens for the fix")
        let events = try #require(EventStreamReader(port: port, path: ReloadScript.eventsPath))
        defer { events.stop() }
        #expect(await events.wait(for: "event: failure") != nil)

        try project.write("Content/docs/guide.md", "---\ntitle: Guide\n---\nfixed\n")
        #expect(await events.wait(for: "event: reload") != nil)
        let home = try #require(await RawHTTP.get("/", port: port))
        #expect(home.status == 200)
        #expect(home.text.contains("Welcome."))
        await session.close()
    }

    /// An editor's swap and lock files change while one types: they make no page, so no build and
    /// no reload of the page being read.
    @Test func hiddenFilesStartNoBuild() throws {
        let project = try makeProject()
        let builds = Mutex(0)
        let builder = PreviewBuilder(root: project.url, siteFolder: project.url.appendingPathComponent("site"), includeDrafts: false,
                                     channel: ReloadChannel()) { _ in builds.withLock { $0 += 1 } }
        #expect(builder.build().succeeded)
        let content = project.url.appendingPathComponent("Content").path, templates = project.url.appendingPathComponent("Templates").path
        for path in [content + "/docs/.guide.md.swp", content + "/.git/index", templates + "/.page.mustache.swp", templates + "/assets/.style.css.swp"] {
            builder.requestBuild(changedPaths: [path])
        }
        builder.waitForRequestedBuilds()
        #expect(builds.withLock { $0 } == 1, "only the first build")
        builder.requestBuild(changedPaths: [content + "/docs/.guide.md.swp", content + "/docs/guide.md"])
        builder.waitForRequestedBuilds()
        builder.requestBuild(changedPaths: [templates + "/assets/.hidden/style.css"])
        builder.waitForRequestedBuilds()
        builder.requestBuild(changedPaths: nil)
        builder.waitForRequestedBuilds()
        #expect(builds.withLock { $0 } == 4, "a page, a theme file in a hidden folder (it is copied), and changes the watcher cannot name")
    }

    @Test func theSiteFolderIsOutsideTheProject() throws {
        let project = try makeProject()
        let session = try PreviewSession(root: project.url, port: 0, includeDrafts: false)
        defer { try? FileManager.default.removeItem(at: session.workFolder) }
        #expect(!session.workFolder.path.hasPrefix(project.url.path))
        #expect(session.workFolder.path.hasPrefix(FileManager.default.temporaryDirectory.resolvingSymlinksInPath().path))
    }

    @Test func channelTellsLateSubscribersAboutAFailureAndForgetsItAfterAReload() async {
        let channel = ReloadChannel()
        channel.send(.failure("a.md:1:1: error: <b>bad</b>\nsecond line"))
        var iterator = channel.subscribe().makeAsyncIterator()
        _ = await iterator.next()
        let message = String(decoding: await iterator.next() ?? Data(), as: UTF8.self)
        #expect(message == "event: failure\ndata: \"a.md:1:1: error: <b>bad</b>\\nsecond line\"\n\n")
        channel.send(.reload)
        var fresh = channel.subscribe().makeAsyncIterator()
        _ = await fresh.next()
        channel.close()
        #expect(await fresh.next() == nil, "no failure is replayed after a good build")
    }
}
