import SIPServerLocation
import SIPSyntax

/// How a client request should be sent.
public struct RequestOptions: Sendable {
    /// Certificate checks for TLS targets.
    public var tls: TLSClientSettings
    /// The SIP domain a TLS server's certificate must name (RFC 5922 §4.1); nil to check the
    /// target's IP address instead.
    public var serverName: String?
    /// Give up on one target after this long even if the transaction's Timer B/F has not fired,
    /// and fail over; nil waits for the transaction timeout (64*T1).
    public var attemptTimeout: Duration?
    /// Receives provisional responses.
    public var provisional: (@Sendable (SIPResponse) -> Void)?
    /// Receives final responses that arrive after the one `send` returned: retransmitted or
    /// forked 2xx to an INVITE (RFC 6026 §3), which the TU must ACK too (RFC 3261 §13.2.2.4).
    public var lateFinal: (@Sendable (SIPResponse) -> Void)?

    public init(
        tls: TLSClientSettings = TLSClientSettings(), serverName: String? = nil,
        attemptTimeout: Duration? = nil, provisional: (@Sendable (SIPResponse) -> Void)? = nil,
        lateFinal: (@Sendable (SIPResponse) -> Void)? = nil
    ) {
        self.lateFinal = lateFinal
        self.tls = tls
        self.serverName = serverName
        self.attemptTimeout = attemptTimeout
        self.provisional = provisional
    }
}

/// The end of a client request after failover.
public struct ClientOutcome: Sendable {
    /// Where the final response came from.
    public enum Source: Sendable, Hashable {
        /// A server answered: the target RFC 3263 chose, and the flow used.
        case server(ResolvedTarget, FlowInfo)
        /// No response in time: the response is a local 408 (RFC 3261 §8.1.3.1).
        case timeout
        /// The request could not be sent: the response is a local 503 (RFC 3261 §8.1.3.1).
        case transportError(SIPTransportError)
        /// There was no target to try.
        case noTarget
    }

    /// The final response: the server's, or the 408/503 the TU must act on as if received.
    public var response: SIPResponse
    public var source: Source
    /// Every target tried, in order, with its result.
    public var attempts: [AttemptRecord]
    /// The target list with this request's failures recorded; keep it for the next request
    /// so fail-back works.
    public var targets: TargetList
    /// From sending the request on the answering attempt to its final response.
    public var roundTrip: Duration?
}

/// One attempt of a request to one target.
public struct AttemptRecord: Sendable, Hashable {
    public enum Result: Sendable, Hashable {
        case response(statusCode: Int, reasonPhrase: String)
        case timeout
        case transportError(SIPTransportError)
    }

    public var target: ResolvedTarget
    /// The flow used; nil when none could be opened.
    public var flow: FlowInfo?
    public var result: Result
}
