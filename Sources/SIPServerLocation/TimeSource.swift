/// Monotonic time for TTL expiry and fail-back timers, injected so tests move a virtual clock
/// instead of sleeping (house style: the clock is injected; pjproject's wall-clock timer tests
/// are the example to avoid). The origin is arbitrary; only differences mean anything.
public protocol TimeSource: Sendable {
    /// Time elapsed since this source's origin.
    func now() -> Duration
}

/// The process's monotonic clock (`ContinuousClock`), counted from the source's creation.
public struct SystemTimeSource: TimeSource {
    private let origin: ContinuousClock.Instant

    public init() {
        origin = .now
    }

    public func now() -> Duration { ContinuousClock.now - origin }
}
