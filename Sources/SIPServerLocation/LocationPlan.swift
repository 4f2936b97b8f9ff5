/// What the URI alone decides before any DNS query: RFC 3263 §4.1 (transport) and §4.2 (port).
public enum LocationPlan: Sendable, Hashable {
    /// Numeric host: no DNS query at all.
    case numericHost(IPAddress, SIPTransport, port: UInt16)
    /// A domain and an explicit port: A/AAAA only, every address on that port (§4.2).
    case addressLookup(domain: String, SIPTransport, port: UInt16)
    /// A domain and an explicit transport but no port: SRV for that transport only (§4.2).
    case srvLookup(domain: String, SIPTransport)
    /// A domain and nothing else: NAPTR, then SRV, then A/AAAA (§4.1).
    case naptrLookup(domain: String)

    /// The plan for `uri` with the transports we have enabled, and the rules that led to it.
    /// Throws when the URI asks for a transport we cannot use (SCTP, WebSocket, SIPS over UDP,
    /// a disabled transport), since silently choosing another would change what was asked for.
    public static func make(
        for uri: SIPTargetURI, transports: [SIPTransport]
    ) throws(ServerLocationError) -> (plan: LocationPlan, rules: [ResolutionRule]) {
        var rules: [ResolutionRule] = []
        guard let fallback = defaultTransport(for: uri.scheme, enabled: transports) else {
            throw .transportNotEnabled(uri.scheme == .sips ? .tls : .udp)
        }
        let explicit = try explicitTransport(of: uri, enabled: transports)
        if let explicit, let parameter = uri.transport {
            rules.append(.uriTransport(parameter: parameter, explicit))
        }
        if explicit == nil, uri.numericHost != nil || uri.port != nil {
            rules.append(.defaultTransport(uri.scheme, fallback))
        }
        if let address = uri.numericHost {
            let transport = explicit ?? fallback
            let port = uri.port ?? transport.defaultPort
            rules.append(.numericHost(address, port: port))
            return (.numericHost(address, transport, port: port), rules)
        }
        let domain = uri.domain
        guard !domain.isEmpty else { throw .invalidHost(uri.host) }
        if let port = uri.port {
            let transport = explicit ?? fallback
            rules.append(.explicitPort(domain: domain, port: port))
            return (.addressLookup(domain: domain, transport, port: port), rules)
        }
        if let explicit {
            rules.append(.srvForTransport(explicit, name: explicit.srvName(in: domain)))
            return (.srvLookup(domain: domain, explicit), rules)
        }
        rules.append(.naptrFirst(domain: domain))
        return (.naptrLookup(domain: domain), rules)
    }

    /// The `transport` parameter as a transport: `tcp` in a SIPS URI means TLS over TCP and
    /// `udp` is impossible there (RFC 3261 §19.1.2, §26.2); `tls` is the deprecated spelling.
    private static func explicitTransport(
        of uri: SIPTargetURI, enabled: [SIPTransport]
    ) throws(ServerLocationError) -> SIPTransport? {
        guard let parameter = uri.transport else { return nil }
        let transport: SIPTransport
        switch (parameter.lowercased(), uri.scheme) {
        case ("udp", .sip): transport = .udp
        case ("tcp", .sip): transport = .tcp
        case ("tcp", .sips), ("tls", .sip), ("tls", .sips): transport = .tls
        default: throw .unsupportedTransport(parameter: parameter, scheme: uri.scheme)
        }
        guard enabled.contains(transport) else { throw .transportNotEnabled(transport) }
        return transport
    }

    /// With a numeric host or an explicit port and no transport parameter: UDP for SIP, TLS
    /// for SIPS (RFC 3263 §4.1); also the transport of the last-resort A/AAAA lookup (§4.2).
    /// If UDP is disabled, TCP, then TLS; nil if nothing usable is enabled.
    static func defaultTransport(for scheme: SIPScheme, enabled: [SIPTransport]) -> SIPTransport? {
        let candidates: [SIPTransport] = scheme == .sips ? [.tls] : [.udp, .tcp, .tls]
        return candidates.first(where: enabled.contains)
    }
}
