/// The name of a timer a transaction machine asks its owner to run (RFC 3261 §17, Table 4;
/// RFC 6026 §7). The machines never touch a clock: they return `.startTimer(name, after:)` and
/// `.cancelTimer(name)` actions, and the owner calls `timerFired(name)` when one expires.
/// Names are per transaction, so the owner keys its timers by (transaction key, name).
public enum TransactionTimer: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// INVITE client: request retransmission, T1 doubling (§17.1.1.2), unreliable only.
    case a
    /// INVITE client: transaction timeout in Calling, 64*T1 (§17.1.1.2).
    case b
    /// INVITE client: wait for final-response retransmissions in Completed (§17.1.1.2).
    case d
    /// Non-INVITE client: request retransmission, T1 doubling capped at T2 (§17.1.2.2).
    case e
    /// Non-INVITE client: transaction timeout, 64*T1 (§17.1.2.2).
    case f
    /// INVITE server: final-response retransmission, T1 doubling capped at T2 (§17.2.1).
    case g
    /// INVITE server: wait for the ACK in Completed, 64*T1 (§17.2.1).
    case h
    /// INVITE server: absorb ACK retransmissions in Confirmed, T4 (§17.2.1).
    case i
    /// Non-INVITE server: absorb request retransmissions in Completed, 64*T1 (§17.2.2).
    case j
    /// Non-INVITE client: absorb response retransmissions in Completed, T4 (§17.1.2.2).
    case k
    /// INVITE server: absorb INVITE retransmissions and pass 2xx ACKs up in Accepted,
    /// 64*T1 (RFC 6026 §7.1).
    case l
    /// INVITE client: pass 2xx retransmissions and forked 2xx up in Accepted, 64*T1
    /// (RFC 6026 §7.2).
    case m
    /// INVITE server: send 100 (Trying) unless the TU sent a response within 200 ms
    /// (RFC 3261 §17.2.1). RFC 3261 has no letter for it; modelled as a timer so the machine,
    /// not the TU, owns the rule.
    case trying

    public var description: String {
        switch self {
        case .a: "Timer A"
        case .b: "Timer B"
        case .d: "Timer D"
        case .e: "Timer E"
        case .f: "Timer F"
        case .g: "Timer G"
        case .h: "Timer H"
        case .i: "Timer I"
        case .j: "Timer J"
        case .k: "Timer K"
        case .l: "Timer L"
        case .m: "Timer M"
        case .trying: "Timer Trying"
        }
    }
}
