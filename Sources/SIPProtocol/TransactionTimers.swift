/// The timer values every transaction machine derives its timers from (RFC 3261 §17.1.1.1,
/// Table 4; RFC 6026 §7). Defaults are the RFC's: T1 = 500 ms (RTT estimate), T2 = 4 s (longest
/// retransmit interval), T4 = 5 s (longest time a message lives in the network). They are
/// configurable because RFC 3261 §17.1.1.1 allows a larger T1 on high-latency paths and a smaller
/// one on networks known to be fast (every T1 multiple follows).
public struct TransactionTimers: Hashable, Sendable {
    /// Round-trip time estimate; A, E and G start at T1, and B, F, H, J, L and M are 64*T1.
    public let t1: Duration
    /// Cap on the retransmit interval of non-INVITE requests (E) and INVITE responses (G).
    public let t2: Duration
    /// How long a message may stay in the network: Timers I and K on unreliable transports.
    public let t4: Duration
    /// Timer D on unreliable transports. Fixed rather than 64*T1 because the client cannot know
    /// the server's T1, so RFC 3261 §17.1.1.2 asks for "at least 32 seconds".
    public let timerDUnreliable: Duration
    /// How long the INVITE server waits for the TU's first response before sending 100 (Trying)
    /// itself (RFC 3261 §17.2.1: "if the TU will not generate a provisional response within
    /// 200 ms").
    public let tryingDelay: Duration

    /// - Precondition: all values positive and `t1 <= t2`, which the doubling-then-capping
    ///   rules of §17.1.2.2 and §17.2.1 assume.
    public init(
        t1: Duration = .milliseconds(500), t2: Duration = .seconds(4), t4: Duration = .seconds(5),
        timerDUnreliable: Duration = .seconds(32), tryingDelay: Duration = .milliseconds(200)
    ) {
        precondition(t1 > .zero && t2 > .zero && t4 > .zero, "T1, T2 and T4 must be positive")
        precondition(t1 <= t2, "T1 must not exceed T2")
        precondition(timerDUnreliable > .zero && tryingDelay > .zero, "timers must be positive")
        self.t1 = t1
        self.t2 = t2
        self.t4 = t4
        self.timerDUnreliable = timerDUnreliable
        self.tryingDelay = tryingDelay
    }

    /// 64*T1: Timers B, F, H, L and M, and J on unreliable transports. Chosen by RFC 3261 §17.1.1.2
    /// so a client gives up after as many retransmissions as fit (seven for INVITE at the default).
    public var transactionTimeout: Duration { t1 * 64 }

    /// The next retransmit interval after `current` under the doubling rule capped at T2
    /// (Timers E in Trying, §17.1.2.2, and G, §17.2.1). Timer A doubles without a cap (§17.1.1.2).
    func doubledCapped(_ current: Duration) -> Duration { min(current * 2, t2) }

    /// Timer D: at least 32 s over unreliable transports, zero over reliable ones (§17.1.1.2).
    public func timerD(_ reliability: TransportReliability) -> Duration {
        switch reliability {
        case .unreliable: timerDUnreliable
        case .reliable: .zero
        }
    }

    /// Timer I: T4 over unreliable transports, zero over reliable ones (§17.2.1).
    public func timerI(_ reliability: TransportReliability) -> Duration { t4OrZero(reliability) }

    /// Timer K: T4 over unreliable transports, zero over reliable ones (§17.1.2.2).
    public func timerK(_ reliability: TransportReliability) -> Duration { t4OrZero(reliability) }

    /// Timer J: 64*T1 over unreliable transports, zero over reliable ones (§17.2.2).
    public func timerJ(_ reliability: TransportReliability) -> Duration {
        switch reliability {
        case .unreliable: transactionTimeout
        case .reliable: .zero
        }
    }

    private func t4OrZero(_ reliability: TransportReliability) -> Duration {
        switch reliability {
        case .unreliable: t4
        case .reliable: .zero
        }
    }
}
