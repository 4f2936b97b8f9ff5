import SIPServerLocation

/// Why the transport layer could not do what it was asked. Each case names one failure a user or
/// the failover logic can act on; `description` is a sentence fit for a status line.
public enum SIPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing listens at the endpoint (TCP RST / ICMP port unreachable).
    case connectionRefused(TransportEndpoint)
    /// No connection within the connect timeout.
    case connectTimedOut(TransportEndpoint, after: Duration)
    /// Any other connect or socket failure, with the system's words.
    case connectionFailed(TransportEndpoint, reason: String)
    /// The TLS handshake failed; the case says exactly why.
    case tls(TransportEndpoint, TLSFailure)
    /// The flow closed (or was reset) before or while a message was written on it.
    case flowClosed(FlowInfo)
    /// The flow died while a transaction waited on it: reset, closed, ICMP unreachable, or a
    /// TLS alert after the handshake (with TLS 1.3 a refused client certificate arrives so).
    case connectionLost(FlowInfo, reason: String)
    /// A listener could not be bound.
    case bindFailed(transport: SIPTransport, address: String, port: UInt16, reason: String)
    /// An address string that is not an IP literal.
    case invalidAddress(String)
    /// No UDP socket of the address family is bound, and none could be bound on demand.
    case noSocket(SIPTransport, IPAddress.Family)
    /// A TLS listener was configured without a certificate and key.
    case missingServerIdentity
    /// The layer was shut down.
    case shutDown

    /// How failover (RFC 3263 §4.3) classifies the failure: every one of these is a transport
    /// error that moves to the next target.
    public var failoverReason: FailoverReason { .transportError(description) }

    public var description: String {
        switch self {
        case .connectionRefused(let endpoint): "connection refused by \(endpoint)"
        case .connectTimedOut(let endpoint, let after): "no connection to \(endpoint) within \(after)"
        case .connectionFailed(let endpoint, let reason): "cannot connect to \(endpoint): \(reason)"
        case .tls(let endpoint, let failure): "TLS with \(endpoint) failed: \(failure)"
        case .flowClosed(let flow): "the connection \(flow) closed"
        case .connectionLost(let flow, let reason): "the connection \(flow) failed: \(reason)"
        case .bindFailed(let transport, let address, let port, let reason):
            "cannot listen on \(transport) \(address):\(port): \(reason)"
        case .invalidAddress(let text): "\(text) is not an IP address"
        case .noSocket(let transport, let family): "no \(transport) socket for \(family == .ipv4 ? "IPv4" : "IPv6")"
        case .missingServerIdentity: "a TLS listener needs a certificate and a private key"
        case .shutDown: "the transport layer has shut down"
        }
    }
}
