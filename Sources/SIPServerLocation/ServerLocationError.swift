/// Why server location produced no target. Every case that involved DNS carries the steps
/// taken, so a failure can be explained as well as a success.
public enum ServerLocationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The `transport` parameter names something we cannot do (SCTP, WebSocket, SIPS over UDP).
    case unsupportedTransport(parameter: String, scheme: SIPScheme)
    /// The URI needs a transport that the configuration switched off.
    case transportNotEnabled(SIPTransport)
    /// The host is empty.
    case invalidHost(String)
    /// The name does not exist (NXDOMAIN for every address lookup).
    case nameNotFound(String, steps: [ResolutionStep])
    /// The names exist but have no address records.
    case noAddresses(String, steps: [ResolutionStep])
    /// SRV says the service is not offered at this domain (target ".", RFC 2782).
    case serviceNotOffered(String, steps: [ResolutionStep])
    /// A query failed (timeout, SERVFAIL, REFUSED, …) and nothing usable was found.
    case lookupFailed(DNSError, steps: [ResolutionStep])

    /// The steps recorded up to the failure; empty when the URI was refused before any query.
    public var steps: [ResolutionStep] {
        switch self {
        case .unsupportedTransport, .transportNotEnabled, .invalidHost: []
        case .nameNotFound(_, let steps), .noAddresses(_, let steps),
             .serviceNotOffered(_, let steps), .lookupFailed(_, let steps): steps
        }
    }

    public var description: String {
        switch self {
        case .unsupportedTransport(let parameter, let scheme):
            "transport=\(parameter) is not supported for \(scheme) URIs"
        case .transportNotEnabled(let transport): "\(transport) is not enabled"
        case .invalidHost(let host): "invalid host \"\(host)\""
        case .nameNotFound(let name, _): "\(name) does not exist (NXDOMAIN)"
        case .noAddresses(let name, _): "no addresses for \(name)"
        case .serviceNotOffered(let name, _): "SIP service not offered at \(name)"
        case .lookupFailed(let error, _): "DNS lookup failed: \(error)"
        }
    }
}
