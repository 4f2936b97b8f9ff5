/// A DNS server to send queries to: a numeric address and a port. Names are refused on
/// purpose: resolving the resolver would need another resolver (and could leak queries to
/// the system's servers, which tests must never reach).
public struct DNSServerAddress: Sendable, Hashable, CustomStringConvertible {
    public var address: IPAddress
    public var port: UInt16

    public init(_ address: IPAddress, port: UInt16 = 53) {
        self.address = address
        self.port = port
    }

    /// Parses `127.0.0.1`, `127.0.0.1:5353`, `::1`, `[::1]` or `[::1]:5353` (the
    /// `host[:port]` form of c-ares' `ares_set_servers_ports_csv`). The port defaults to 53.
    public init?(parsing text: String) {
        if let whole = IPAddress(literal: text) {
            self.init(whole, port: 53)
            return
        }
        guard let colon = text.lastIndex(of: ":"),
              let port = UInt16(text[text.index(after: colon)...]), port != 0
        else { return nil }
        let host = String(text[..<colon])
        // A bare IPv6 address has colons of its own: only the bracketed form takes a port.
        guard let address = IPAddress(literal: host),
              address.family == .ipv4 || host.hasPrefix("[")
        else { return nil }
        self.init(address, port: port)
    }

    /// `127.0.0.1:5353` or `[::1]:5353`.
    public var description: String { address.description(port: port) }
}
