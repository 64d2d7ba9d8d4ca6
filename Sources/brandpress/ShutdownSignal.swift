import Dispatch
import Foundation

/// Waits for Ctrl-C (SIGINT) or SIGTERM instead of letting them kill the process, so `serve` can clean up.
final class ShutdownSignal: Sendable {
    private let stream: AsyncStream<Void>
    nonisolated(unsafe) private let sources: [any DispatchSourceSignal]

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        self.stream = stream
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            return source
        }
    }

    func wait() async {
        for await _ in stream { return }
    }
}
