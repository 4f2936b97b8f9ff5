import SIPSyntax

/// Everything the transport layer reports to its owner (the transaction layer), in order.
public enum TransportEvent: Sendable {
    /// A message that parsed and passed `SIPMessageValidator`; for a request, the top Via
    /// already carries `received`/`rport` (RFC 3261 §18.2.1, RFC 3581 §4).
    case messageReceived(SIPMessage, MessageOrigin)
    /// A request failed validation and was answered statelessly with 400 (or 505), whose
    /// reason phrase names the fault (RFC 3261 §8.2, §21.4.1).
    case requestRejected(SIPResponse, MessageOrigin)
    /// Bytes that could not be used: unparsable, a malformed response (RFC 3261 §18.1.2 says
    /// drop it), or a stream that can no longer be framed (the connection is then closed).
    case messageDropped(reason: String, MessageOrigin)
    /// More datagrams arrived than could be handled: some were dropped unread (a flood, or a
    /// machine too busy). Reported at most once a second; the last one to arrive is `origin`.
    /// Also: reading from a TCP or TLS connection paused because too much of what it sent
    /// waits to be handled (nothing is dropped; TCP holds the sender back), and later resumed.
    case overloaded(reason: String, MessageOrigin)
    /// A keep-alive pong (RFC 5626 §4.4) arrived on a watched flow.
    case keepAlivePong(FlowInfo, roundTrip: Duration)
    /// A flow failed: closed, reset, or silent past the keep-alive timeout. Its owner should
    /// re-register (RFC 5626 §4.4.1).
    case flowFailed(FlowInfo, FlowFailure)
}

/// Where a message came from: the flow (socket and remote address) it arrived on.
public struct MessageOrigin: Sendable, Hashable, CustomStringConvertible {
    public var flow: FlowInfo

    public init(flow: FlowInfo) {
        self.flow = flow
    }

    public var description: String { "\(flow.transport) from \(flow.remote)" }
}

/// Why a flow is considered dead (RFC 5626 §4.4).
public enum FlowFailure: Sendable, Hashable, CustomStringConvertible {
    /// The peer closed the connection or it was reset.
    case closed(String)
    /// No pong within the timeout after a ping.
    case noPong(after: Duration)

    public var description: String {
        switch self {
        case .closed(let detail): "connection closed (\(detail))"
        case .noPong(let after): "no keep-alive pong within \(after)"
        }
    }
}
