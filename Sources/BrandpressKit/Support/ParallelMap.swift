import Foundation

/// Maps over indices on every core. Each index writes only its own slot, so no lock is needed.
enum ParallelMap {
    static func map<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        let box = SlotBox(slots)
        let chunk = max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
            let start = chunkIndex * chunk
            for index in start..<min(start + chunk, count) {
                box.slots[index] = transform(index)
            }
        }
        return slots.map { $0! }
    }
}

/// Hands the result buffer to the workers; safe because every worker writes distinct indices.
private final class SlotBox<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T?>
    init(_ slots: UnsafeMutableBufferPointer<T?>) { self.slots = slots }
}
