import Dispatch

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

/// `ContinuousClock` time; timers on libdispatch.
///
/// A timer is a dispatch timer source (~0.5 KB) rather than a sleeping task (~2 KB): every
/// transaction keeps a few for up to 64·T1 = 32 s (Timers B, F, H, J, K), so a flood of 3000
/// requests a second holds ~100,000 of them (measured: 100,000 sleeping tasks 210 MiB, sources
/// 47 MiB). The body runs in a new task when the timer fires. Delays longer than
/// `dispatchLimit` (registration refresh, fail-back) keep a task sleeping on the continuous
/// clock instead: it counts time the machine spends suspended, so a laptop that wakes after
/// the refresh was due refreshes at once; dispatch's uptime clock would wait on.
public struct SystemTransportClock: TransportClock {
    private let origin: ContinuousClock.Instant
    /// One serial queue for every firing: its work is only starting the body's task.
    private static let queue = DispatchQueue(label: "dialtone.transport-timers")
    static let dispatchLimit: Duration = .seconds(120)

    public init() {
        origin = .now
    }

    public func now() -> Duration { ContinuousClock.now - origin }

    public func schedule(after delay: Duration, _ body: @escaping @Sendable () async -> Void) -> ScheduledTimer {
        guard delay <= Self.dispatchLimit else { return sleepingTask(after: delay, body) }
        let timer = DispatchTimer(queue: Self.queue)
        timer.start(after: delay) { Task { await body() } }
        return ScheduledTimer { timer.cancel() }
    }

    private func sleepingTask(after delay: Duration, _ body: @escaping @Sendable () async -> Void) -> ScheduledTimer {
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

/// A one-shot dispatch timer source. `@unchecked Sendable`: the source is set up once in
/// `start` before the timer is shared, and dispatch sources are thread-safe to cancel.
private final class DispatchTimer: @unchecked Sendable {
    private let source: any DispatchSourceTimer

    init(queue: DispatchQueue) {
        source = DispatchSource.makeTimerSource(queue: queue)
    }

    func start(after delay: Duration, _ fire: @escaping @Sendable () -> Void) {
        let (seconds, attoseconds) = delay.components
        let nanoseconds = max(0, seconds) * 1_000_000_000 + max(0, attoseconds) / 1_000_000_000
        // 1 ms leeway: dispatch's default would let a 32 s timer slip by seconds.
        source.schedule(deadline: .now() + .nanoseconds(Int(clamping: nanoseconds)), leeway: .milliseconds(1))
        // The handler holds the source until it fires or is cancelled; cancelling drops the
        // handler, and with it that reference.
        let source = self.source
        source.setEventHandler {
            source.cancel()
            fire()
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
    }
}
