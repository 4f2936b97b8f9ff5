import SIPTransport
import Synchronization

/// Virtual time for the transport and transaction layers: timers fire only when a test calls
/// `advance(by:)`, in deadline order (ties in scheduling order), each awaited before the next,
/// so timer rules are checked with exact durations and no sleeping.
public final class ManualClock: TransportClock {
    public init() {}

    private struct Entry {
        let id: Int
        let deadline: Duration
        let body: @Sendable () async -> Void
    }

    private struct State {
        var now: Duration = .zero
        var nextID = 0
        var pending: [Entry] = []
        var waiters: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var pendingWaiters: [(condition: @Sendable ([Duration]) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []

        var delays: [Duration] { pending.map { $0.deadline - now }.sorted() }

        /// Removes and returns the waiters whose condition now holds.
        mutating func readyWaiters() -> [CheckedContinuation<Void, Never>] {
            let count = pending.count
            var ready = waiters.filter { $0.count <= count }.map(\.continuation)
            waiters.removeAll { $0.count <= count }
            let delays = delays
            ready += pendingWaiters.filter { $0.condition(delays) }.map(\.continuation)
            pendingWaiters.removeAll { $0.condition(delays) }
            return ready
        }
    }

    private let state = Mutex(State())

    public func now() -> Duration { state.withLock { $0.now } }

    public func schedule(after delay: Duration, _ body: @escaping @Sendable () async -> Void) -> ScheduledTimer {
        let (id, ready) = state.withLock { state -> (Int, [CheckedContinuation<Void, Never>]) in
            state.nextID += 1
            state.pending.append(Entry(id: state.nextID, deadline: state.now + delay, body: body))
            return (state.nextID, state.readyWaiters())
        }
        ready.forEach { $0.resume() }
        return ScheduledTimer { [weak self] in
            let ready = self?.state.withLock { state in
                state.pending.removeAll { $0.id == id }
                return state.readyWaiters()
            }
            ready?.forEach { $0.resume() }
        }
    }

    /// The delays of the pending timers from now, in deadline order.
    public var pendingDelays: [Duration] {
        state.withLock { $0.delays }
    }

    /// Suspends until the delays of the pending timers (from now, sorted) satisfy `condition`:
    /// how a test knows an actor has armed the timer it is about to run out.
    public func waitForPending(_ condition: @escaping @Sendable ([Duration]) -> Bool) async {
        await withCheckedContinuation { continuation in
            let satisfied = state.withLock { state in
                if condition(state.delays) { return true }
                state.pendingWaiters.append((condition, continuation))
                return false
            }
            if satisfied { continuation.resume() }
        }
    }

    /// Suspends until at least `count` timers are pending.
    public func waitForTimers(_ count: Int) async {
        await withCheckedContinuation { continuation in
            let satisfied = state.withLock { state in
                if state.pending.count >= count { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if satisfied { continuation.resume() }
        }
    }

    /// Moves time forward by `delta`, firing every timer that falls due on the way at its
    /// exact deadline.
    public func advance(by delta: Duration) async {
        let end = now() + delta
        while let entry = popDue(notAfter: end) {
            await entry.body()
        }
        state.withLock { $0.now = end }
    }

    private func popDue(notAfter limit: Duration) -> Entry? {
        state.withLock { state in
            guard let index = state.pending.indices.min(by: { a, b in
                (state.pending[a].deadline, state.pending[a].id) < (state.pending[b].deadline, state.pending[b].id)
            }), state.pending[index].deadline <= limit else { return nil }
            let entry = state.pending.remove(at: index)
            state.now = entry.deadline
            return entry
        }
    }
}
