/// The SIP transports Dialtone speaks (RFC 3261 §18). SCTP and WebSocket are not supported, so
/// their NAPTR services (`SIP+D2S`, `SIPS+D2W`, …) and URI parameters are ignored or refused.
public enum SIPTransport: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case udp
    case tcp
    case tls

    /// 5060 for UDP and TCP, 5061 for TLS: the port used when neither the URI nor an SRV record
    /// gives one (RFC 3261 §19.1.2, RFC 3263 §4.2).
    public var defaultPort: UInt16 {
        switch self {
        case .udp, .tcp: 5060
        case .tls: 5061
        }
    }

    /// The NAPTR service field that selects this transport (RFC 3263 §4.1, RFC 3261 §26.3.1).
    public var naptrService: String {
        switch self {
        case .udp: "SIP+D2U"
        case .tcp: "SIP+D2T"
        case .tls: "SIPS+D2T"
        }
    }

    /// The transport a NAPTR service field names; NAPTR services compare case-insensitively
    /// (RFC 3403 §4.1). Services of transports we do not speak give nil.
    public init?(naptrService: String) {
        guard let match = Self.allCases.first(where: {
            $0.naptrService.lowercased() == naptrService.lowercased()
        }) else { return nil }
        self = match
    }

    /// The SRV owner name for this transport under `domain`: `_sip._udp`, `_sip._tcp` or
    /// `_sips._tcp` (RFC 3263 §4.1; TLS is `_sips._tcp`, never `_sip._tls`).
    public func srvName(in domain: String) -> String {
        switch self {
        case .udp: "_sip._udp.\(domain)"
        case .tcp: "_sip._tcp.\(domain)"
        case .tls: "_sips._tcp.\(domain)"
        }
    }

    /// "UDP", "TCP" or "TLS", as SIP writes it in a Via header (RFC 3261 §20.42).
    public var description: String { rawValue.uppercased() }
}

/// The URI scheme decides whether TLS is mandatory (RFC 3261 §19.1, RFC 3263 §4.1).
public enum SIPScheme: String, Sendable, Hashable, CustomStringConvertible {
    case sip
    case sips

    public var description: String { rawValue }
}
