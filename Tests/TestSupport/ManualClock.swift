import SIPTransport
import Synchronization

/// Virtual time for the transport and transaction layers: timers fire only when a test calls
/// `advance(by:)`, in deadline order (ties in scheduling order), each awaited before the next,
/// so timer rules are checked with exact durations and no sleeping.
final class ManualClock: TransportClock {
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
    }

    private let state = Mutex(State())

    func now() -> Duration { state.withLock { $0.now } }

    func schedule(after delay: Duration, _ body: @escaping @Sendable () async -> Void) -> ScheduledTimer {
        let (id, ready) = state.withLock { state -> (Int, [CheckedContinuation<Void, Never>]) in
            state.nextID += 1
            state.pending.append(Entry(id: state.nextID, deadline: state.now + delay, body: body))
            let count = state.pending.count
            let ready = state.waiters.filter { $0.count <= count }.map(\.continuation)
            state.waiters.removeAll { $0.count <= count }
            return (state.nextID, ready)
        }
        ready.forEach { $0.resume() }
        return ScheduledTimer { [weak self] in
            self?.state.withLock { $0.pending.removeAll { $0.id == id } }
        }
    }

    /// The delays of the pending timers from now, in deadline order.
    var pendingDelays: [Duration] {
        state.withLock { state in state.pending.map { $0.deadline - state.now }.sorted() }
    }

    /// Suspends until at least `count` timers are pending.
    func waitForTimers(_ count: Int) async {
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
    func advance(by delta: Duration) async {
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
