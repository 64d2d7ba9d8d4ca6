import Dispatch
import Foundation

// Written only before the handlers are installed; the handler may only do async-signal-safe things.
nonisolated(unsafe) private var shutdownPipeWriteEnd: Int32 = -1

/// Waits for Ctrl-C (SIGINT) or SIGTERM instead of letting them kill the process, so `serve` can clean up.
/// A real signal handler writes to a pipe: unlike a dispatch signal source, it also works when the
/// process was started with SIGINT ignored (a background job of a script).
final class ShutdownSignal: Sendable {
    private let stream: AsyncStream<Void>

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        self.stream = stream
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        shutdownPipeWriteEnd = ends[1]
        let readEnd = ends[0]
        Thread.detachNewThread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
            continuation.yield()
        }
        for number in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in
                var byte: UInt8 = 1
                _ = write(shutdownPipeWriteEnd, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
        }
    }

    func wait() async {
        for await _ in stream { return }
    }
}
