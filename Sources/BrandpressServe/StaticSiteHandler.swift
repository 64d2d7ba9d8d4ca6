import FlyingFox
import Foundation

/// Serves the built site from `root` through `RequestPathResolver`; never FlyingFox's
/// DirectoryHTTPHandler, which can be led outside its folder.
struct StaticSiteHandler: HTTPHandler {
    let resolver: RequestPathResolver
    /// Shown for a missing page when the site has no `404.html` yet (the first build failed).
    let placeholder: String

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return Self.text(.methodNotAllowed, "only GET and HEAD are served\n")
        }
        switch resolver.resolve(rawPath: request.target.path()) {
        case .file(let url):
            return Self.file(url, status: .ok, headOnly: request.method == .HEAD)
        case .redirect(let location):
            var response = Self.text(.movedPermanently, "moved to \(location)\n")
            response.headers[.location] = location
            return response
        case .forbidden:
            return Self.text(.forbidden, "forbidden\n")
        case .notFound:
            let notFoundPage = resolver.root.appendingPathComponent("404.html")
            if FileManager.default.fileExists(atPath: notFoundPage.path), resolver.isInsideRoot(notFoundPage) {
                return Self.file(notFoundPage, status: .notFound, headOnly: request.method == .HEAD)
            }
            var response = Self.text(.notFound, placeholder)
            response.headers[.contentType] = ContentTypes.type(forPath: "404.html")
            return response
        }
    }

    static func file(_ url: URL, status: HTTPStatusCode, headOnly: Bool) -> HTTPResponse {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return text(.notFound, "not found\n")
        }
        var response = HTTPResponse(statusCode: status, headers: headers(contentType: ContentTypes.type(forPath: url.path)), body: headOnly ? Data() : data)
        if headOnly { response.headers[.contentLength] = String(data.count) }
        return response
    }

    static func text(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers(contentType: ContentTypes.type(forPath: "x.txt")), body: Data(text.utf8))
    }

    static func headers(contentType: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        return headers
    }
}
