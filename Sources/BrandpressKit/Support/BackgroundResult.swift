import Foundation

/// Work started on another thread now, its result collected later: lets the mostly serial parts of
/// one stage (merging the search index) overlap with another stage's parallel work.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before it signals, read only after `wait`.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.value = work()
            self.done.signal()
        }
    }

    func wait() -> Value {
        done.wait()
        done.signal()
        return value!
    }
}
