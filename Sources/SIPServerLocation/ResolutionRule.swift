/// A rule of RFC 3263 (or RFC 2782 / RFC 3403) that the locator applied, recorded so the debug
/// pane and `dialtone check` can explain a choice, not just show it.
public enum ResolutionRule: Sendable, Hashable, CustomStringConvertible {
    /// The URI's `transport` parameter decides the transport (RFC 3263 §4.1).
    case uriTransport(parameter: String, SIPTransport)
    /// No transport parameter, but a numeric host or a port: UDP for SIP, TLS for SIPS (§4.1).
    case defaultTransport(SIPScheme, SIPTransport)
    /// A numeric host needs no DNS; the port is the URI's or the transport's default (§4.2).
    case numericHost(IPAddress, port: UInt16)
    /// A port in the URI: A/AAAA of the domain only, no SRV (§4.2).
    case explicitPort(domain: String, port: UInt16)
    /// A transport but no port: SRV for that transport only (§4.2).
    case srvForTransport(SIPTransport, name: String)
    /// Nothing explicit: NAPTR first (§4.1).
    case naptrFirst(domain: String)
    /// This NAPTR record is followed to its SRV replacement (§4.1).
    case naptrFollowed(NAPTRRecord, SIPTransport)
    /// This NAPTR record is not used.
    case naptrIgnored(NAPTRRecord, NAPTRIgnoreReason)
    /// No usable NAPTR: SRV for each enabled transport, in our preference order (§4.1).
    case srvPerTransport(domain: String, [SIPTransport])
    /// No SRV records: A/AAAA of the domain on the transport's default port (§4.2).
    case addressFallback(domain: String, SIPTransport, port: UInt16)
    /// An SRV target of "." says the service is not offered (RFC 2782).
    case serviceNotOffered(srvName: String)
    /// The same transport, address and port was already listed; trying it twice gains nothing.
    case duplicateTarget(TransportEndpoint)

    public var description: String {
        switch self {
        case .uriTransport(let parameter, let transport):
            "transport=\(parameter) in the URI → \(transport) (RFC 3263 §4.1)"
        case .defaultTransport(let scheme, let transport):
            "\(scheme) URI without transport parameter → \(transport) (RFC 3263 §4.1)"
        case .numericHost(let address, let port):
            "numeric host \(address) → no DNS, port \(port) (RFC 3263 §4.2)"
        case .explicitPort(let domain, let port):
            "port \(port) in the URI → A/AAAA \(domain), no SRV (RFC 3263 §4.2)"
        case .srvForTransport(let transport, let name):
            "\(transport) given, no port → SRV \(name) (RFC 3263 §4.2)"
        case .naptrFirst(let domain):
            "no transport, port or numeric host → NAPTR \(domain) (RFC 3263 §4.1)"
        case .naptrFollowed(let record, let transport):
            "use NAPTR \(record.service) order \(record.order) pref \(record.preference) → \(transport) via SRV \(record.replacement)"
        case .naptrIgnored(let record, let reason):
            "ignore NAPTR \(record.service) order \(record.order) pref \(record.preference): \(reason)"
        case .srvPerTransport(let domain, let transports):
            "no usable NAPTR for \(domain) → SRV " + transports.map { $0.srvName(in: domain) }
                .joined(separator: ", ") + " (RFC 3263 §4.1)"
        case .addressFallback(let domain, let transport, let port):
            "no SRV records → A/AAAA \(domain), \(transport) port \(port) (RFC 3263 §4.2)"
        case .serviceNotOffered(let name):
            "SRV \(name) has target \".\": service not offered (RFC 2782)"
        case .duplicateTarget(let endpoint):
            "\(endpoint) already listed, skipped"
        }
    }
}
