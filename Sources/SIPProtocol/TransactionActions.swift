import SIPSyntax

/// What a client transaction asks its owner to do, in the order given (RFC 3261 §17.1). The
/// machines do no I/O and hold no clock: every effect is one of these values.
///
/// Timer semantics for the owner: `startTimer` arms the named timer to fire once after the
/// duration (the machines never start a timer that is already running), `cancelTimer` disarms
/// it, and an expiry is reported back through `timerFired(_:)`. After `.terminated` the machine
/// has cancelled all its timers and the owner removes the transaction from its table.
public enum ClientTransactionAction: Hashable, Sendable {
    /// Pass a request to the transport: the original, a retransmission, or the ACK for a non-2xx
    /// final response (§17.1.1.3), always to the same destination as the original request.
    case sendRequest(SIPRequest)
    /// Hand a response to the transaction user.
    case passToTransactionUser(SIPResponse)
    case startTimer(TransactionTimer, after: Duration)
    case cancelTimer(TransactionTimer)
    /// Timer B or F fired: the TU acts as if a 408 (Request Timeout) arrived (§8.1.3.1).
    case timeout
    /// The transport could not send the request (§17.1.4): the TU acts as if a 503 arrived.
    case transportError
    /// The machine entered Terminated; drop it (§17.1.1.2, §17.1.2.2).
    case terminated
}

/// What a server transaction asks its owner to do, in the order given (RFC 3261 §17.2). See
/// `ClientTransactionAction` for the timer semantics.
public enum ServerTransactionAction: Hashable, Sendable {
    /// Pass a response to the transport, to the address RFC 3261 §18.2.2 derives from the Via.
    case sendResponse(SIPResponse)
    /// Hand a request to the transaction user: the request that created the transaction, and for
    /// INVITE the ACKs for a 2xx, which RFC 6026 §7.1 routes through the Accepted state.
    case passToTransactionUser(SIPRequest)
    case startTimer(TransactionTimer, after: Duration)
    case cancelTimer(TransactionTimer)
    /// Timer H fired: no ACK arrived for a non-2xx final response. RFC 3261 §17.2.1 calls this a
    /// transaction failure the TU must hear about (a UAS ends the dialog attempt).
    case ackTimeout
    /// The transport could not send a response (§17.2.4); the TU may try another address or give up.
    case transportError
    /// The machine entered Terminated; drop it.
    case terminated
}
