import Foundation
import Synchronization

/// Server-sent events to every open page: `reload` after a good build, `failure` with the
/// diagnostics after a failed one. A page that connects while the site is broken gets the failure at once.
public final class ReloadChannel: Sendable {
    public enum Event: Equatable, Sendable {
        case reload
        case failure(String)

        /// One SSE message; the error text travels as a JSON string so newlines survive.
        var message: Data {
            switch self {
            case .reload:
                return Data("event: reload\ndata: {}\n\n".utf8)
            case .failure(let text):
                let encoder = JSONEncoder()
                encoder.outputFormatting = .withoutEscapingSlashes
                let json = (try? encoder.encode(text)).flatMap { String(data: $0, encoding: .utf8) } ?? "\"\""
                return Data("event: failure\ndata: \(json)\n\n".utf8)
            }
        }
    }

    private struct State {
        var clients: [UInt64: AsyncStream<Data>.Continuation] = [:]
        var nextID: UInt64 = 0
        var currentFailure: String?
        var closed = false
    }

    private let state = Mutex(State())

    public init() {}

    /// A new client's stream of SSE bytes; it ends when the channel closes.
    public func subscribe() -> AsyncStream<Data> {
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self)
        // The first bytes open the stream for the browser even when nothing has happened yet.
        continuation.yield(Data(": brandpress\nretry: 1000\n\n".utf8))
        let id: UInt64? = state.withLock { state in
            guard !state.closed else { return nil }
            if let failure = state.currentFailure { continuation.yield(Event.failure(failure).message) }
            defer { state.nextID += 1 }
            state.clients[state.nextID] = continuation
            return state.nextID
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.clients.removeValue(forKey: id) }
        }
        return stream
    }

    public func send(_ event: Event) {
        let clients = state.withLock { state in
            switch event {
            case .reload: state.currentFailure = nil
            case .failure(let text): state.currentFailure = text
            }
            return Array(state.clients.values)
        }
        for client in clients { client.yield(event.message) }
    }

    public var clientCount: Int {
        state.withLock { $0.clients.count }
    }

    /// Ends every stream, so the server can stop without waiting for open pages.
    public func close() {
        let clients = state.withLock { state in
            state.closed = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for client in clients { client.finish() }
    }
}
