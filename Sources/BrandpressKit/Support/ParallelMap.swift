import Foundation
import Synchronization

/// Maps over indices on every core. Each index writes only its own slot, so no lock is needed for
/// the results.
enum ParallelMap {
    static func map<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        let box = SlotBox(slots)
        let workers = min(count, ProcessInfo.processInfo.activeProcessorCount)
        let queue = WorkQueue(count: count, workers: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let range = queue.next() {
                for index in range { box.slots[index] = transform(index) }
            }
        }
        // Moved, not copied, into the result: a copy retains every reference in every result and
        // freeing the slots releases them again, which for 10,000 pages' sources was milliseconds.
        return [T](unsafeUninitializedCapacity: count) { result, initialized in
            for index in 0..<count { (result.baseAddress! + index).initialize(to: (slots.baseAddress! + index).move()!) }
            initialized = count
        }
    }
}

/// Hands out the indices in shrinking runs (guided scheduling): large runs first, so that workers
/// seldom meet, and single indices at the end, so that a run of costly items (the unit and tag
/// pages come last among the pages) is shared out instead of left to one worker while the others wait.
private final class WorkQueue: Sendable {
    private let taken = Mutex(0)
    private let count: Int
    private let workers: Int

    init(count: Int, workers: Int) {
        self.count = count
        self.workers = workers
    }

    func next() -> Range<Int>? {
        taken.withLock { start in
            guard start < count else { return nil }
            let size = max(1, (count - start) / (workers * 4))
            defer { start += size }
            return start..<(start + size)
        }
    }
}

/// Hands the result buffer to the workers; safe because every worker writes distinct indices.
private final class SlotBox<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T?>
    init(_ slots: UnsafeMutableBufferPointer<T?>) { self.slots = slots }
}
