/// Whether the transport under a transaction delivers messages reliably (RFC 3261 §17, §18).
///
/// The transaction machines never look at the transport itself: the transaction layer reads the
/// `transport` of the top Via (UDP versus TCP, TLS, SCTP, WS…) and hands the answer in. The
/// distinction matters because retransmission timers (A, E, G) run only over unreliable
/// transports, and the "wait for stray retransmissions" timers (D, I, J, K) shrink to zero over
/// reliable ones (RFC 3261 §17.1.1.2, §17.1.2.2, §17.2.1, §17.2.2, Table 4).
public enum TransportReliability: Hashable, Sendable {
    /// TCP, TLS, SCTP, WebSocket: the transport retransmits, so the transaction must not.
    case reliable
    /// UDP: the transaction retransmits and absorbs duplicates itself.
    case unreliable
}
