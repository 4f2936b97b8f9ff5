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
        var waiters: [(id: Int, count: Int, continuation: CheckedContinuation<Bool, Never>)] = []
        var pendingWaiters: [(id: Int, condition: @Sendable ([Duration]) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = []
        var nextWaiter = 0

        var delays: [Duration] { pending.map { $0.deadline - now }.sorted() }

        /// Removes and returns the waiters whose condition now holds.
        mutating func readyWaiters() -> [CheckedContinuation<Bool, Never>] {
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
        let (id, ready) = state.withLock { state -> (Int, [CheckedContinuation<Bool, Never>]) in
            state.nextID += 1
            state.pending.append(Entry(id: state.nextID, deadline: state.now + delay, body: body))
            return (state.nextID, state.readyWaiters())
        }
        ready.forEach { $0.resume(returning: true) }
        return ScheduledTimer { [weak self] in
            let ready = self?.state.withLock { state in
                state.pending.removeAll { $0.id == id }
                return state.readyWaiters()
            }
            ready?.forEach { $0.resume(returning: true) }
        }
    }

    /// The delays of the pending timers from now, in deadline order.
    public var pendingDelays: [Duration] {
        state.withLock { $0.delays }
    }

    /// Suspends until the delays of the pending timers (from now, sorted) satisfy `condition`:
    /// how a test knows an actor has armed the timer it is about to run out. False when they
    /// did not within `limit` of real time, so an engine that never arms the timer fails the
    /// test instead of hanging it.
    @discardableResult
    public func waitForPending(
        within limit: Duration = .seconds(30), _ condition: @escaping @Sendable ([Duration]) -> Bool
    ) async -> Bool {
        await withCheckedContinuation { continuation in
            let id = state.withLock { state -> Int? in
                if condition(state.delays) { return nil }
                state.nextWaiter += 1
                state.pendingWaiters.append((state.nextWaiter, condition, continuation))
                return state.nextWaiter
            }
            guard let id else { return continuation.resume(returning: true) }
            expire(id, after: limit)
        }
    }

    /// Suspends until at least `count` timers are pending; false when they were not within
    /// `limit` of real time.
    @discardableResult
    public func waitForTimers(_ count: Int, within limit: Duration = .seconds(30)) async -> Bool {
        await withCheckedContinuation { continuation in
            let id = state.withLock { state -> Int? in
                if state.pending.count >= count { return nil }
                state.nextWaiter += 1
                state.waiters.append((state.nextWaiter, count, continuation))
                return state.nextWaiter
            }
            guard let id else { return continuation.resume(returning: true) }
            expire(id, after: limit)
        }
    }

    /// Gives up on waiter `id` after `limit` of real time, unless it was satisfied first.
    private func expire(_ id: Int, after limit: Duration) {
        Task { [weak self] in
            try? await Task.sleep(for: limit)
            let expired = self?.state.withLock { state -> CheckedContinuation<Bool, Never>? in
                if let index = state.waiters.firstIndex(where: { $0.id == id }) {
                    return state.waiters.remove(at: index).continuation
                }
                if let index = state.pendingWaiters.firstIndex(where: { $0.id == id }) {
                    return state.pendingWaiters.remove(at: index).continuation
                }
                return nil
            }
            expired?.resume(returning: false)
        }
    }

    /// Moves time forward by `delta`, firing every timer that falls due on the way at its
    /// exact deadline.
    public func advance(by delta: Duration) async {
        let end = now() + delta
        while let entry = popDue(notAfter: end) {
            await entry.body()
        }
        // Moving time changes every delay: waiters may hold now.
        let ready = state.withLock { state in
            state.now = end
            return state.readyWaiters()
        }
        ready.forEach { $0.resume(returning: true) }
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
