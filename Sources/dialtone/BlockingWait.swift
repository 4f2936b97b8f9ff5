import Dispatch
import Synchronization

/// Runs async work to completion from a synchronous command: the main thread waits on a
/// semaphore while the work runs on the concurrency pool, which the main thread is not part of.
enum BlockingWait {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let shared = ResultBox<T>()
        Task {
            let value = await work()
            shared.value.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return shared.value.withLock { $0 }!
    }
}

private final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}
