
/// Time for the transport and transaction layers: a monotonic `now()` and one-shot timers.
/// Injected so unit tests drive retransmission, keep-alive and fail-back timers on virtual time
/// with zero tolerance (STYLE.md), while production uses `SystemTransportClock`.
public protocol TransportClock: Sendable {
    /// Time since the clock's origin; only differences mean anything.
    func now() -> Duration
    /// Runs `body` once, `delay` from now, unless the returned timer is cancelled first.
    func schedule(after delay: Duration, _ body: @escaping @Sendable () async -> Void) -> ScheduledTimer
}

/// A pending one-shot timer. Cancelling after it fired does nothing.
public struct ScheduledTimer: Sendable {
    private let onCancel: @Sendable () -> Void

    public init(onCancel: @escaping @Sendable () -> Void) {
        self.onCancel = onCancel
    }

    public func cancel() {
        onCancel()
    }
}

/// `ContinuousClock` time and task-based timers.
public struct SystemTransportClock: TransportClock {
    private let origin: ContinuousClock.Instant

    public init() {
        origin = .now
    }

    public func now() -> Duration { ContinuousClock.now - origin }

    public func schedule(after delay: Duration, _ body: @escaping @Sendable () async -> Void) -> ScheduledTimer {
        let task = Task {
            do {
                try await Task.sleep(for: delay, clock: .continuous)
            } catch {
                return
            }
            await body()
        }
        return ScheduledTimer { task.cancel() }
    }
}
