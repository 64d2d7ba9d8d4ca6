import Foundation
import Testing
@testable import BrandpressServe

@Suite("Serve static files")
struct StaticServerTests {
    static let secret = "TOP-SECRET-OUTSIDE-BYTES"

    /// A served `site/` and, beside it, files that must never be reachable.
    func makeSite() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("site/index.html", "<p>home page</p>")
        try folder.write("site/page.html", "<p>a page</p>")
        try folder.write("site/docs/index.html", "<p>docs index</p>")
        try folder.write("site/assets/style.css", "body{}")
        try folder.write("site/assets/logo.svg", "<svg/>")
        try folder.write("site/404.html", "<p>custom not found</p>")
        try folder.write("secret", Self.secret)
        try folder.write("outside/secret.txt", Self.secret)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("site/link.txt").path, withDestinationPath: folder.url.appendingPathComponent("secret").path)
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("site/linkdir").path, withDestinationPath: folder.url.appendingPathComponent("outside").path)
        return folder
    }

    func withServer(_ folder: TemporaryFolder, _ body: (UInt16) async throws -> Void) async throws {
        let server = try PreviewServer(siteFolder: folder.url.appendingPathComponent("site"), channel: ReloadChannel(), port: 0)
        let task = Task { try await server.run() }
        let port = try await server.waitUntilListening()
        do {
            try await body(port)
        } catch {
            await server.stop()
            task.cancel()
            throw error
        }
        await server.stop()
        task.cancel()
    }

    @Test func servesPagesAssetsFoldersAndNotFound() async throws {
        let folder = try makeSite()
        try await withServer(folder) { port in
            let page = try #require(await RawHTTP.get("/page.html", port: port))
            #expect(page.status == 200)
            #expect(page.text == "<p>a page</p>")
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.headers["cache-control"] == "no-store")

            let css = try #require(await RawHTTP.get("/assets/style.css", port: port))
            #expect(css.status == 200)
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            let svg = try #require(await RawHTTP.get("/assets/logo.svg", port: port))
            #expect(svg.headers["content-type"] == "image/svg+xml")

            let home = try #require(await RawHTTP.get("/", port: port))
            #expect(home.status == 200)
            #expect(home.text == "<p>home page</p>")

            let docs = try #require(await RawHTTP.get("/docs/", port: port))
            #expect(docs.status == 200)
            #expect(docs.text == "<p>docs index</p>")
            let bare = try #require(await RawHTTP.get("/docs", port: port))
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == "/docs/")

            let missing = try #require(await RawHTTP.get("/no/such/page.html", port: port))
            #expect(missing.status == 404)
            #expect(missing.text == "<p>custom not found</p>")
            #expect(missing.headers["cache-control"] == "no-store")

            let query = try #require(await RawHTTP.get("/page.html?x=1", port: port))
            #expect(query.text == "<p>a page</p>")
        }
    }

    static let attacks = [
        "/%2e%2e/secret", "/..%2fsecret", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/..\\secret", "/%2e%2e%5csecret",
        "/%00", "/page.html%00.css", "/../secret", "/docs/../../secret", "/link.txt", "/linkdir/secret.txt", "/linkdir/",
        "/%252e%252e/secret", "//secret", "/./../secret",
    ]

    /// One server for all attacks: fifteen servers at once made the suite take 12 s on two cores.
    @Test func attacksNeverReachOutsideTheRoot() async throws {
        let folder = try makeSite()
        try await withServer(folder) { port in
            for path in Self.attacks {
                // nil means the server closed the connection without answering: also safe.
                guard let response = await RawHTTP.get(path, port: port) else { continue }
                #expect(!response.text.contains(Self.secret), "\(path) served the outside file")
                #expect(!response.text.contains("root:x:0:0"), "\(path) served /etc/passwd")
                #expect([403, 404, 400].contains(response.status), "\(path) answered \(response.status)")
            }
        }
    }

    @Test func resolverRefusesTraversalWithoutAServer() throws {
        let folder = try makeSite()
        let resolver = RequestPathResolver(root: folder.url.appendingPathComponent("site"))
        #expect(resolver.resolve(rawPath: "/%2e%2e/secret") == .forbidden)
        #expect(resolver.resolve(rawPath: "/..%2fsecret") == .forbidden)
        #expect(resolver.resolve(rawPath: "/a\\b") == .forbidden)
        #expect(resolver.resolve(rawPath: "/link.txt") == .forbidden)
        #expect(resolver.resolve(rawPath: "/missing.html") == .notFound)
        #expect(resolver.resolve(rawPath: "/docs/") == .file(folder.url.appendingPathComponent("site/docs/index.html")))
    }

    @Test func contentTypes() {
        let expected = [
            "a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8",
            "a.svg": "image/svg+xml", "a.png": "image/png", "a.JPG": "image/jpeg", "a.gif": "image/gif", "a.webp": "image/webp",
            "a.pdf": "application/pdf", "a.xml": "application/xml; charset=utf-8", "a.json": "application/json; charset=utf-8",
            "a.txt": "text/plain; charset=utf-8", "a.woff2": "font/woff2", "a.bin": "application/octet-stream", "dir.x/file": "application/octet-stream",
        ]
        for (path, type) in expected {
            #expect(ContentTypes.type(forPath: path) == type, "\(path)")
        }
    }
}
