import SIPProtocol

/// A scheduler on virtual time: it holds timer requests with absolute deadlines and hands them
/// back in deadline order, so tests can prove timer rules with exact `Duration` equality instead
/// of wall-clock sleeps and tolerances. Ties fire in the order they were scheduled.
struct VirtualClock {
    /// The current virtual time, counted from the start of the transaction.
    private(set) var now: Duration = .zero
    private var pending: [Entry] = []
    private var nextSequence = 0

    private struct Entry {
        let timer: TransactionTimer
        let deadline: Duration
        let sequence: Int
    }

    enum Misuse: Error, Equatable {
        case alreadyRunning(TransactionTimer)
        case notRunning(TransactionTimer)
        case nonPositiveDuration(TransactionTimer, Duration)
        case backwards(to: Duration)
        case skipped(TransactionTimer)
    }

    /// The pending timers and their absolute deadlines.
    var deadlines: [TransactionTimer: Duration] {
        Dictionary(uniqueKeysWithValues: pending.map { ($0.timer, $0.deadline) })
    }

    /// Arms `timer` to fire `duration` from now. A machine must never re-arm a running timer or
    /// ask for a zero-length one (zero-duration rules are transitions), so both are misuse.
    mutating func start(_ timer: TransactionTimer, after duration: Duration) throws(Misuse) {
        guard duration > .zero else { throw .nonPositiveDuration(timer, duration) }
        guard !pending.contains(where: { $0.timer == timer }) else { throw .alreadyRunning(timer) }
        pending.append(Entry(timer: timer, deadline: now + duration, sequence: nextSequence))
        nextSequence += 1
    }

    /// Disarms `timer`; cancelling a timer that is not running is misuse (sloppy bookkeeping).
    mutating func cancel(_ timer: TransactionTimer) throws(Misuse) {
        guard let index = pending.firstIndex(where: { $0.timer == timer }) else { throw .notRunning(timer) }
        pending.remove(at: index)
    }

    /// Removes and returns the earliest timer due at or before `limit`, moving `now` to its
    /// exact deadline; `nil` when none is due.
    mutating func popDue(notAfter limit: Duration) -> TransactionTimer? {
        let earliest = pending.indices.min { a, b in
            (pending[a].deadline, pending[a].sequence) < (pending[b].deadline, pending[b].sequence)
        }
        guard let earliest, pending[earliest].deadline <= limit else { return nil }
        let entry = pending.remove(at: earliest)
        now = entry.deadline
        return entry.timer
    }

    /// Moves time forward to `time` once every timer due by then has fired.
    mutating func settle(at time: Duration) throws(Misuse) {
        guard time >= now else { throw .backwards(to: time) }
        if let due = pending.first(where: { $0.deadline <= time }) { throw .skipped(due.timer) }
        now = time
    }
}
