/// The timers of one media loop (the 20 ms tick, DTLS retransmission and timeout), kept in
/// deadline order: pure, so the order and the cancelling are tested on a virtual clock.
/// Timers with the same deadline fire in the order they were scheduled.
struct MediaTimerQueue<Payload> {
    struct ID: Hashable, Sendable {
        fileprivate let value: UInt64
    }

    private struct Entry {
        let deadline: UInt64
        let id: ID
        let payload: Payload
    }

    /// Sorted by deadline, then by scheduling order; a call has a handful at most.
    private var entries: [Entry] = []
    private var lastID: UInt64 = 0

    var isEmpty: Bool { entries.isEmpty }
    var count: Int { entries.count }
    /// The earliest deadline (nanoseconds on the monotonic clock), if any.
    var nextDeadline: UInt64? { entries.first?.deadline }

    mutating func schedule(at deadline: UInt64, _ payload: Payload) -> ID {
        lastID += 1
        let id = ID(value: lastID)
        // After every entry due no later: equal deadlines keep their scheduling order.
        let index = entries.firstIndex { $0.deadline > deadline } ?? entries.endIndex
        entries.insert(Entry(deadline: deadline, id: id, payload: payload), at: index)
        return id
    }

    /// True when the timer was still pending.
    @discardableResult
    mutating func cancel(_ id: ID) -> Bool {
        guard let index = entries.firstIndex(where: { $0.id == id }) else { return false }
        entries.remove(at: index)
        return true
    }

    /// Removes and returns the earliest timer if it is due at `now`; call until nil, so a timer
    /// scheduled or cancelled by one that fires is seen by the next call.
    mutating func popDue(at now: UInt64) -> (id: ID, payload: Payload)? {
        guard let first = entries.first, first.deadline <= now else { return nil }
        entries.removeFirst()
        return (first.id, first.payload)
    }

    mutating func removeAll() { entries.removeAll() }
}
