/// Collects the events of an `AsyncStream` so a test can await the first one that matches,
/// with a deadline, instead of sleeping.
actor EventLog<Event: Sendable> {
    private var events: [Event] = []
    private var waiters: [Int: (predicate: @Sendable (Event) -> Bool, continuation: CheckedContinuation<Event?, Never>)] = [:]
    private var nextWaiter = 0

    static func collecting(_ stream: AsyncStream<Event>) -> EventLog {
        let log = EventLog()
        Task { for await event in stream { await log.append(event) } }
        return log
    }

    var all: [Event] { events }

    /// The first event so far or to come that matches, or nil after `timeout`.
    func first(within timeout: Duration = .seconds(30), where predicate: @escaping @Sendable (Event) -> Bool) async -> Event? {
        if let found = events.first(where: predicate) { return found }
        nextWaiter += 1
        let id = nextWaiter
        return await withCheckedContinuation { continuation in
            waiters[id] = (predicate, continuation)
            Task {
                try? await Task.sleep(for: timeout)
                self.expire(id)
            }
        }
    }

    private func append(_ event: Event) {
        events.append(event)
        for (id, waiter) in waiters where waiter.predicate(event) {
            waiters[id] = nil
            waiter.continuation.resume(returning: event)
        }
    }

    private func expire(_ id: Int) {
        waiters.removeValue(forKey: id)?.continuation.resume(returning: nil)
    }
}
