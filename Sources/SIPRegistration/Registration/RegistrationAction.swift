import SIPSyntax

/// The registration machine's two timers; the driver runs at most one of each.
public enum RegistrationTimer: Sendable, Hashable {
    /// Re-REGISTER before the binding expires (RFC 3261 §10.2.1).
    case refresh
    /// Try again after a failure (RFC 5626 §4.5 back-off).
    case retry
}

/// What the driver must do after feeding the machine an event, in order.
public enum RegistrationAction: Sendable {
    /// Send this REGISTER in a new client transaction. It has no Via: the transaction layer adds
    /// one with a fresh branch.
    case send(SIPRequest)
    /// (Re)start a timer; a running timer of the same kind is replaced.
    case startTimer(RegistrationTimer, after: Duration)
    case cancelTimer(RegistrationTimer)
    case stateChanged(RegistrationState)
    /// NAT detected from the top Via's `received`/`rport` (RFC 3581 §4): the Contact now
    /// carries the public address.
    case contactRewritten(from: SIPURI, to: SIPURI)
}

/// Where a final response came from: the registrar, or the transaction layer, which makes up a
/// 408 when no target answered (RFC 3261 §17.1.2.2 Timer F) and a 503 when the transport failed
/// (RFC 3261 §8.1.3.1, RFC 3263 §4.3). The driver knows which one it is handing over.
public enum ResponseOrigin: Sendable, Hashable {
    case server
    case localTimeout
    case localTransportError(String)
}
