import FlyingSocks
import Foundation

/// Hands FlyingFox the chunks of an `AsyncStream` as they come, so a response can stay open
/// and stream server-sent events (FlyingFox sends it with chunked transfer encoding).
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let stream: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let chunk = try await nextBuffer(suggested: Int.max) else { return nil }
                pending = chunk
            }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if !pending.isEmpty {
                let taken = Array(pending.prefix(count))
                pending.removeFirst(taken.count)
                return taken
            }
            while let chunk = await base.next() {
                guard !chunk.isEmpty else { continue }
                let bytes = [UInt8](chunk)
                guard bytes.count > count else { return bytes }
                pending = Array(bytes[count...])
                return Array(bytes[..<count])
            }
            return nil
        }
    }
}
