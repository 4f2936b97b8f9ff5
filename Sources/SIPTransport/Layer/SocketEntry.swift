import NIOCore
import SIPServerLocation

/// A socket the transport layer owns, with what it needs to write on it and describe its flows.
struct SocketEntry {
    enum Kind {
        /// A UDP socket bound to a listen address; it talks to any peer.
        case datagramListener
        /// A UDP socket connected to one server (client side).
        case datagramConnected(remote: SIPSocketAddress)
        /// A TCP or TLS listener; its connections are entries of their own.
        case streamListener
        /// One TCP or TLS connection, opened by us or accepted.
        case connection(remote: SIPSocketAddress, tls: TLSDetails?)
    }

    let id: SocketID
    let channel: any Channel
    let transport: SIPTransport
    let local: SIPSocketAddress
    let kind: Kind
    /// For connections: why it failed, as soon as its handler knows.
    var closeReason: CloseReason? = nil

    /// The flow to `remote` over this socket.
    func flow(to remote: SIPSocketAddress) -> FlowInfo {
        switch kind {
        case .connection(let connected, let tls):
            FlowInfo(socket: id, transport: transport, local: local, remote: connected, tls: tls)
        case .datagramConnected(let connected):
            FlowInfo(socket: id, transport: transport, local: local, remote: connected)
        case .datagramListener, .streamListener:
            FlowInfo(socket: id, transport: transport, local: local, remote: remote)
        }
    }

    /// The one flow of a connected socket; nil for listeners.
    var connectedFlow: FlowInfo? {
        switch kind {
        case .connection(let remote, _), .datagramConnected(let remote): flow(to: remote)
        case .datagramListener, .streamListener: nil
        }
    }
}

/// The key under which an open connection is reused (RFC 3261 §18.1.1: "if a connection is open
/// to the destination, it SHOULD be used"). TLS connections are also keyed by the name their
/// certificate was verified for, so one verified for another domain is never reused.
struct ConnectionKey: Hashable {
    var transport: SIPTransport
    var remote: SIPSocketAddress
    var serverName: String?
}

/// A watched flow: socket and remote address (a UDP socket has many).
struct FlowKey: Hashable {
    var socket: SocketID
    var remote: SIPSocketAddress

    init(_ flow: FlowInfo) {
        socket = flow.socket
        remote = flow.remote
    }
}
