import SIPServerLocation

/// Identifies one socket of the transport layer: a UDP socket (shared by every peer it talks
/// to) or one TCP/TLS connection. Numbers are never reused within a `SIPTransportLayer`.
public struct SocketID: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    public var description: String { "#\(rawValue)" }
}

/// A flow in the sense of RFC 5626 §3.1: the socket and the remote address messages travel
/// between. Responses go back on the flow their request came on (RFC 3261 §18.2.2), and
/// keep-alive watches one flow.
public struct FlowInfo: Sendable, Hashable, CustomStringConvertible {
    public var socket: SocketID
    public var transport: SIPTransport
    public var local: SIPSocketAddress
    public var remote: SIPSocketAddress
    /// What the TLS handshake negotiated; nil on UDP and TCP.
    public var tls: TLSDetails?

    public init(
        socket: SocketID, transport: SIPTransport, local: SIPSocketAddress,
        remote: SIPSocketAddress, tls: TLSDetails? = nil
    ) {
        self.socket = socket
        self.transport = transport
        self.local = local
        self.remote = remote
        self.tls = tls
    }

    /// Whether the transport retransmits for us (RFC 3261 §17: then transactions do not).
    public var isReliable: Bool {
        switch transport {
        case .udp: false
        case .tcp, .tls: true
        }
    }

    /// The remote end as a failover endpoint.
    public var remoteEndpoint: TransportEndpoint {
        TransportEndpoint(transport, remote.address, port: remote.port)
    }

    /// `TLS 127.0.0.1:40312 → 127.0.0.1:5061`.
    public var description: String { "\(transport) \(local) → \(remote)" }
}
