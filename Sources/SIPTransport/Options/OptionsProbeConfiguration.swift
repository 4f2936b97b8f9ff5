import SIPServerLocation
import SIPSyntax

/// What `dialtone options` was asked to do, validated: a SIP or SIPS URI and the ways to reach it.
public struct OptionsProbeConfiguration: Sendable {
    /// The URI as given; it becomes the OPTIONS Request-URI.
    public var uri: SIPURI
    /// The parts RFC 3263 looks at, with `--transport` applied.
    public var target: SIPTargetURI
    /// DNS servers to ask; empty means those of /etc/resolv.conf.
    public var dnsServers: [DNSServerAddress]
    public var tls: TLSClientSettings
    /// How long to wait for each target before failing over.
    public var timeout: Duration
    public var userAgent: String

    /// Validates the command line's values.
    public init(
        uri text: String, dnsServers: [String] = [], caFile: String? = nil, transport: String? = nil,
        insecure: Bool = false, timeout: Double = 5, userAgent: String = "Dialtone"
    ) throws(OptionsUsageError) {
        guard case .sip(let uri)? = try? URI(parsing: text) else { throw .notASIPURI(text) }
        var target = SIPTargetURI(
            scheme: uri.isSecure ? .sips : .sip, host: Self.host(uri.host), port: uri.port, transport: uri.transportParameter)
        if let transport {
            guard let chosen = SIPTransport(rawValue: transport.lowercased()) else { throw .unknownTransport(transport) }
            guard !(uri.isSecure && chosen != .tls) else { throw .sipsNeedsTLS(transport) }
            target.transport = chosen.rawValue
        }
        self.dnsServers = try dnsServers.map { text throws(OptionsUsageError) in
            guard let server = DNSServerAddress(parsing: text) else { throw .badDNSServer(text) }
            return server
        }
        guard timeout > 0, timeout <= 3600 else { throw .badTimeout(timeout) }
        self.uri = uri
        self.target = target
        self.tls = TLSClientSettings(trust: caFile.map { .caFile($0) } ?? .system, acceptUnverifiedCertificate: insecure)
        self.timeout = .milliseconds(Int64(timeout * 1000))
        self.userAgent = userAgent
    }

    /// The name a TLS certificate must carry: the URI's domain (RFC 5922 §4.1), or nil for a
    /// numeric host, whose certificate must then list the IP address.
    var serverName: String? {
        target.numericHost == nil ? target.domain : nil
    }

    private static func host(_ host: Host) -> String {
        switch host {
        case .hostname(let name): name
        case .ipv4(let address): address
        case .ipv6(let address): address
        }
    }
}

/// A usage error of `dialtone options` (exit status 2).
public enum OptionsUsageError: Error, Sendable, Hashable, CustomStringConvertible {
    case notASIPURI(String)
    case unknownTransport(String)
    case sipsNeedsTLS(String)
    case badDNSServer(String)
    case badTimeout(Double)

    public var description: String {
        switch self {
        case .notASIPURI(let text): "\(text) is not a sip: or sips: URI"
        case .unknownTransport(let text): "--transport \(text): expected udp, tcp or tls"
        case .sipsNeedsTLS(let text): "--transport \(text): a sips: URI is reached over TLS only (RFC 3261 §26.2)"
        case .badDNSServer(let text): "--dns-server \(text): expected an IP address with an optional port, e.g. 127.0.0.1:5353 or [::1]:53"
        case .badTimeout(let value): "--timeout \(value): expected seconds between 0 and 3600"
        }
    }
}
