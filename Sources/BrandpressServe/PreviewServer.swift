import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP side of `serve`: the reload channel at `ReloadScript.eventsPath`, the built site everywhere else,
/// on 127.0.0.1 only.
public final class PreviewServer: Sendable {
    public let siteFolder: URL
    public let channel: ReloadChannel
    private let server: HTTPServer

    public init(siteFolder: URL, channel: ReloadChannel, port: UInt16) throws {
        self.siteFolder = siteFolder
        self.channel = channel
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        let placeholder = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>brandpress</title></head><body>"
            + "<p>There is no page here (yet). The preview reloads by itself after the next good build.</p>"
            + ReloadScript.html + "</body></html>\n"
        let site = StaticSiteHandler(resolver: RequestPathResolver(root: siteFolder), placeholder: placeholder)
        let handler = PreviewHandler(site: site, events: ReloadEventsHandler(channel: channel))
        server = HTTPServer(config: .init(address: address, logger: .disabled), handler: handler)
    }

    /// Runs until `stop()`; throws when the port cannot be opened.
    public func run() async throws {
        try await server.run()
    }

    /// Waits until the server accepts connections and returns its port.
    /// FlyingFox gives up after 5 s by default, which a busy machine (a full test run on two cores) can exceed.
    public func waitUntilListening(timeout: TimeInterval = 60) async throws -> UInt16 {
        try await server.waitUntilListening(timeout: timeout)
        guard case .ip4(_, let port)? = await server.listeningAddress else { return 0 }
        return port
    }

    public func stop() async {
        channel.close()
        await server.stop(timeout: 0)
    }
}

struct PreviewHandler: HTTPHandler {
    let site: StaticSiteHandler
    let events: ReloadEventsHandler

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if request.target.path() == ReloadScript.eventsPath {
            return try await events.handleRequest(request)
        }
        return try await site.handleRequest(request)
    }
}

struct ReloadEventsHandler: HTTPHandler {
    let channel: ReloadChannel

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        let body = HTTPBodySequence(from: EventStreamBody(stream: channel.subscribe()))
        return HTTPResponse(statusCode: .ok, headers: headers, body: body)
    }
}
