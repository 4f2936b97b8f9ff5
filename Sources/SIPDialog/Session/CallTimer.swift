/// The timers an invite session asks its owner to run. One of each per call, so the name is the
/// key; the owner reports expiry through `InviteSession.timerFired(_:)`.
public enum CallTimer: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Retransmit our unacknowledged 2xx to an INVITE: T1, doubling up to T2 (RFC 3261 §13.3.1.4).
    case answerRetransmission
    /// No ACK for our 2xx within 64·T1: confirm then end the dialog with BYE (§13.3.1.4).
    case answerTimeout
    /// Retry a re-INVITE refused with 491 after the random wait of §14.1.
    case glareRetry
    /// Send the session refresh (RFC 4028 §10): half the interval, when we are the refresher.
    case sessionRefresh
    /// The session expires without refresh (RFC 4028 §10): send BYE.
    case sessionExpiry
    /// Retransmit our unacknowledged reliable provisional: T1, doubling (RFC 3262 §3).
    case provisionalRetransmission
    /// No PRACK for our reliable provisional within 64·T1: reject the INVITE (RFC 3262 §3).
    case provisionalTimeout

    public var description: String {
        switch self {
        case .answerRetransmission: "2xx retransmission"
        case .answerTimeout: "2xx ACK timeout"
        case .glareRetry: "glare retry"
        case .sessionRefresh: "session refresh"
        case .sessionExpiry: "session expiry"
        case .provisionalRetransmission: "reliable 1xx retransmission"
        case .provisionalTimeout: "PRACK timeout"
        }
    }
}

/// RFC 3261 §17.1.1.1 timer values the session uses for its own retransmissions.
public struct RetransmissionTimers: Hashable, Sendable {
    /// RTT estimate, 500 ms by default.
    public var t1: Duration
    /// Maximum retransmit interval, 4 s by default.
    public var t2: Duration

    public init(t1: Duration = .milliseconds(500), t2: Duration = .seconds(4)) {
        self.t1 = t1
        self.t2 = t2
    }
}
