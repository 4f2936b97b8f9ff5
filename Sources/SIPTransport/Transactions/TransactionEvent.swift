import SIPProtocol
import SIPSyntax

/// Everything the transaction layer reports to the transaction user, in order (one event enum,
/// STYLE.md). Responses to our own requests are not here: `send` returns them.
public enum TransactionEvent: Sendable {
    /// A new request (not a retransmission) for the TU; answer it with `respond(to:with:)`.
    case requestReceived(IncomingRequest)
    /// An ACK that matched no INVITE server transaction: the ACK for a 2xx, which belongs to the
    /// dialog (RFC 3261 §17.2.3, §13.3.1.4), or one for a transaction long gone.
    case ackReceived(SIPRequest, MessageOrigin)
    /// A server transaction failed: no ACK before Timer H, or the response could not be sent
    /// (RFC 3261 §17.2.1, §17.2.4). The key names the method; the request is no longer held.
    case serverTransactionFailed(TransactionKey, MessageOrigin, reason: String)
    /// A response that matched no client transaction (RFC 3261 §17.1.3): dropped.
    case strayResponse(SIPResponse, MessageOrigin)
    /// The transport answered a malformed request with this 400/505 itself.
    case requestRejected(SIPResponse, MessageOrigin)
    /// Bytes the transport could not use.
    case messageDropped(reason: String, MessageOrigin)
    /// Requests were refused or dropped because too many arrived (a flood); reported when an
    /// overload begins and ends, not per request.
    case overloaded(reason: String, MessageOrigin)
    /// A keep-alive pong (RFC 5626 §4.4).
    case keepAlivePong(FlowInfo, roundTrip: Duration)
    /// A flow died (closed, reset, no pong): the owner re-registers (RFC 5626 §4.4.1).
    case flowFailed(FlowInfo, FlowFailure)
}

/// A request handed to the TU, with what is needed to answer it.
public struct IncomingRequest: Sendable, Hashable {
    public var request: SIPRequest
    public var origin: MessageOrigin
    /// The server transaction; nil for requests answered statelessly (RFC 2543 branches).
    public var transaction: TransactionKey?
}
