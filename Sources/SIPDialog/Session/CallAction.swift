import SIPSyntax

/// What an invite session asks its owner (the call actor over the transaction layer) to do, in
/// the order given. The session never does I/O and holds no clock.
public enum CallAction: Hashable, Sendable {
    /// Send a request in a new client transaction; the transaction layer adds the top Via
    /// with a fresh branch. Its responses come back through `receive(_: SIPResponse)`.
    case send(SIPRequest)
    /// Send a CANCEL for the INVITE with the same Call-ID and CSeq number: it must use the
    /// INVITE transaction's Via and branch, not a new one (RFC 3261 §9.1).
    case sendCancel(SIPRequest)
    /// Send the ACK for a 2xx: a request outside any transaction, with a new branch
    /// (RFC 3261 §13.2.2.4, §17.1.1.3).
    case sendACK(SIPRequest)
    /// Send a response through the server transaction of the request `to` names.
    case respond(SIPResponse, to: RequestIdentity)
    /// Arm the named timer once (re-arming replaces it).
    case startTimer(CallTimer, after: Duration)
    case cancelTimer(CallTimer)
    /// Tell the application.
    case event(CallEvent)
}

extension Array where Element == CallAction {
    /// The events among the actions, in order (for owners and tests that only relay events).
    public var events: [CallEvent] {
        compactMap { if case .event(let event) = $0 { event } else { nil } }
    }

    /// The requests sent in new transactions, in order.
    public var sentRequests: [SIPRequest] {
        compactMap { if case .send(let request) = $0 { request } else { nil } }
    }

    /// The responses sent, in order.
    public var responses: [SIPResponse] {
        compactMap { if case .respond(let response, _) = $0 { response } else { nil } }
    }
}
