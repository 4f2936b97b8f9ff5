import SIPServerLocation
import SIPSyntax

/// Where a server transport sends a response (RFC 3261 §18.2.2 with RFC 3581 §4), decided from
/// the top Via of the request and the flow it arrived on.
enum ResponseRoute: Sendable, Hashable {
    /// Back on the arrival flow: the connection for TCP/TLS, or the UDP socket to the packet's
    /// source address and port (`received` + `rport`).
    case arrivalFlow
    /// Another address: on UDP without `rport`, the source IP at the sent-by port from the same
    /// socket; on TCP/TLS whose connection is gone, a new connection to `received` (else the
    /// sent-by host) at the sent-by port (§18.2.2 "the server SHOULD open a connection to the IP
    /// address in the received parameter, if present, using the port in the sent-by value").
    case address(SIPSocketAddress)
    /// The sent-by is a name with no `received`: not reachable without DNS; dropped.
    case unroutable(String)

    /// - Parameters:
    ///   - via: the request's top Via as we stamped it on receipt.
    ///   - flowOpen: whether the arrival connection still exists.
    static func decide(via: SIPVia?, arrival: FlowInfo, flowOpen: Bool) -> ResponseRoute {
        switch arrival.transport {
        case .udp:
            // rport/received were stamped from the source, so the source is the answer (RFC 3581 §4);
            // without rport, §18.2.2 sends to received at the sent-by port.
            guard let via, via.rport == nil else { return .arrivalFlow }
            let port = via.port ?? SIPTransport.udp.defaultPort
            return port == arrival.remote.port ? .arrivalFlow : .address(SIPSocketAddress(arrival.remote.address, port: port))
        case .tcp, .tls:
            if flowOpen { return .arrivalFlow }
            guard let via else { return .unroutable("no Via") }
            let port = via.port ?? arrival.transport.defaultPort
            if let received = via.received, let socket = address(received, port: port) { return .address(socket) }
            if let socket = address(via.host, port: port) { return .address(socket) }
            return .unroutable("sent-by \(via.host) is a name and the connection closed")
        }
    }

    private static func address(_ host: Host, port: UInt16) -> SIPSocketAddress? {
        switch host {
        case .hostname: nil
        case .ipv4(let text), .ipv6(let text): SIPSocketAddress(literal: text, port: port)
        }
    }
}
