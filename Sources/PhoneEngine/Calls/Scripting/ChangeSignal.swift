import Synchronization

/// Wakes async waiters when something they watch has changed, without polling: the
/// command-line runners wait on it for engine events, the interrupt and deadlines, so an idle
/// `dialtone agent` does not wake up ten times a second.
///
/// Waiters read `generation` before checking their condition and then wait for a later one,
/// so a change between the check and the wait is never missed.
public final class ChangeSignal: Sendable {
    private struct State {
        var generation = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    public init() {}

    public var generation: Int { state.withLock { $0.generation } }

    /// Something changed: every waiter wakes and checks again.
    public func signal() {
        let waiters = state.withLock { state in
            state.generation += 1
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the generation has moved past `generation` (at once if it already has).
    public func wait(after generation: Int) async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                guard state.generation == generation else { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}

/// SIGINT/SIGTERM as the runners see it: a latch that can be checked and waited for.
public final class StopRequest: Sendable {
    private let changes = ChangeSignal()
    private let flag = Atomic<Bool>(false)
    /// Other signals to wake on a stop (a waiter watching events and the stop at once).
    private let observers = Mutex<[ChangeSignal]>([])

    public init() {}

    public var isRequested: Bool { flag.load(ordering: .acquiring) }

    public func request() {
        flag.store(true, ordering: .releasing)
        changes.signal()
        for observer in observers.withLock({ $0 }) { observer.signal() }
    }

    /// `signal` is signalled when a stop is requested (at once if one already was).
    func forward(to signal: ChangeSignal) {
        observers.withLock { $0.append(signal) }
        if isRequested { signal.signal() }
    }

    /// Returns once a stop has been requested.
    public func wait() async {
        while true {
            let generation = changes.generation
            if isRequested { return }
            await changes.wait(after: generation)
        }
    }
}
