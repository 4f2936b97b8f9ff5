import SIPServerLocation
import SIPSyntax

/// The top Via a client transport puts on a request (RFC 3261 §18.1.1): the transport actually
/// used and the sent-by of the socket it leaves from, so responses come back to us; on UDP a
/// bare `rport` asks the server to answer to the packet's source port (RFC 3581 §3), which is
/// what makes UDP work behind NAT. On TCP and TLS an `alias` (RFC 5923 §4) invites the server
/// to send its own requests to us over this connection instead of opening one to our sent-by,
/// which a NAT or firewall in front of us would not let through.
enum OutgoingVia {
    static func value(branch: String, transport: SIPTransport, sentBy: SIPSocketAddress) -> String {
        var via = "SIP/2.0/\(transport) \(sentBy.sipHost):\(sentBy.port)"
        via += transport == .udp ? ";rport" : ";alias"
        return via + ";branch=\(branch)"
    }

    /// `request` with our Via on top (any Vias it had stay below, as after a proxy's §16.6 step 8).
    static func stamp(
        _ request: SIPRequest, branch: String, transport: SIPTransport, sentBy: SIPSocketAddress
    ) -> SIPRequest {
        var stamped = request
        stamped.headers.prepend(.via, value(branch: branch, transport: transport, sentBy: sentBy))
        stamped.headers.set(.contentLength, String(stamped.body.count))
        return stamped
    }
}

/// RFC 3261 §18.1.1: a request larger than 1300 bytes (path MTU unknown) must go over a
/// congestion-controlled transport; UDP becomes TCP to the same address and port, and the top
/// Via says so. Responses are never switched (§18.2.2 sends them where the Via says).
public enum TransportSelection {
    /// The threshold of §18.1.1 for an unknown path MTU.
    public static let udpSizeLimit = 1300

    /// The transport to use for a request of `size` bytes (measured with the UDP Via) that
    /// RFC 3263 routed over `transport`.
    public static func transport(for size: Int, routed transport: SIPTransport, limit: Int = udpSizeLimit) -> SIPTransport {
        switch transport {
        case .udp: size > limit ? .tcp : .udp
        case .tcp, .tls: transport
        }
    }
}
