/// The parts of a SIP or SIPS URI that RFC 3263 server location looks at (§4): the scheme,
/// the host, an explicit port and the `transport` parameter. Parsing the URI is `SIPSyntax`'s job;
/// this module takes the pieces so it does not depend on the parser.
public struct SIPTargetURI: Sendable, Hashable, CustomStringConvertible {
    public var scheme: SIPScheme
    /// A domain name or a numeric IP address (IPv6 with or without brackets).
    public var host: String
    /// The port written in the URI, if any; it switches off SRV lookups (RFC 3263 §4.2).
    public var port: UInt16?
    /// The `transport` URI parameter verbatim (`udp`, `tcp`, `tls`, `sctp`, …), if present.
    public var transport: String?

    public init(scheme: SIPScheme = .sip, host: String, port: UInt16? = nil, transport: String? = nil) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.transport = transport
    }

    /// The host as an IP address when it is a numeric literal; then no DNS query is made
    /// (RFC 3263 §4.1, §4.2).
    public var numericHost: IPAddress? { IPAddress(literal: host) }

    /// The host without a trailing dot and in lower case: DNS names compare case-insensitively
    /// (RFC 4343), and the trailing dot only marks the name as fully qualified.
    public var domain: String {
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }

    public var description: String {
        var text = "\(scheme):\(host)"
        if let port { text += ":\(port)" }
        if let transport { text += ";transport=\(transport)" }
        return text
    }
}
