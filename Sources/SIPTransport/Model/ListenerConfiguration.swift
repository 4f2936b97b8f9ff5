import SIPServerLocation

/// One socket to listen on: a transport, a local address, and a port (0 = let the kernel pick).
public struct ListenerConfiguration: Sendable, Hashable {
    public var transport: SIPTransport
    /// An IP literal: `127.0.0.1`, `::1`, `0.0.0.0`, `::`.
    public var address: String
    public var port: UInt16

    public init(_ transport: SIPTransport, address: String, port: UInt16 = 0) {
        self.transport = transport
        self.address = address
        self.port = port
    }
}

/// A listener that is bound, with the port the kernel chose for an ephemeral request.
public struct BoundListener: Sendable, Hashable, CustomStringConvertible {
    public var socket: SocketID
    public var transport: SIPTransport
    public var local: SIPSocketAddress

    public var description: String { "\(transport) \(local)" }
}

/// Where to send a request and how to authenticate the server: the endpoint RFC 3263 chose
/// and, for TLS, the name the certificate must carry.
public struct ConnectionTarget: Sendable, Hashable, CustomStringConvertible {
    public var endpoint: TransportEndpoint
    /// The SIP domain of the request's URI (RFC 5922 §4.1: not the SRV target), checked
    /// against the certificate; nil when the URI host is an IP address, which is then checked
    /// against the certificate's IP addresses instead.
    public var serverName: String?
    public var tls: TLSClientSettings

    public init(_ endpoint: TransportEndpoint, serverName: String? = nil, tls: TLSClientSettings = TLSClientSettings()) {
        self.endpoint = endpoint
        self.serverName = serverName
        self.tls = tls
    }

    /// The same target over another transport (RFC 3261 §18.1.1 size switch).
    func over(_ transport: SIPTransport) -> ConnectionTarget {
        var copy = self
        copy.endpoint = TransportEndpoint(transport, endpoint.address, port: endpoint.port)
        return copy
    }

    public var description: String { endpoint.description }
}
