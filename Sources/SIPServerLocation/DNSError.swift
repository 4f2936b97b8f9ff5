/// Why a DNS query gave no records. RFC 3263 treats "the name does not exist" and "the name has
/// no records of this type" as reasons to fall through to the next rule, while the other cases
/// say nothing about the zone and must not be mistaken for an empty answer.
public enum DNSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// NXDOMAIN: the name does not exist at all (RFC 1035 §4.1.1 RCODE 3, RFC 8020).
    case nameNotFound(String)
    /// NOERROR with no records of the asked type, "NODATA" (RFC 2308 §2.2).
    case noRecords(DNSQuestion)
    /// No answer from any configured server within the timeout and tries.
    case timeout(DNSQuestion, servers: [DNSServerAddress])
    /// Every configured server refused the connection (ICMP port unreachable: nothing listens).
    case connectionRefused(DNSQuestion, servers: [DNSServerAddress])
    /// The server refused to answer, RCODE 5 (e.g. a name outside its zones and no recursion).
    case refused(DNSQuestion)
    /// The server could not answer, RCODE 2 (e.g. upstream failure, DNSSEC validation failure).
    case serverFailure(DNSQuestion)
    /// The server does not implement the query, RCODE 4.
    case notImplemented(DNSQuestion)
    /// The answer could not be decoded, or the server answered FORMERR.
    case malformedResponse(DNSQuestion, detail: String)
    /// The DNS client itself failed (out of memory, shut down, bad name); `detail` says how.
    case clientFailure(DNSQuestion, detail: String)

    /// NXDOMAIN and NODATA are answers; everything else is a failure to get one (RFC 2308 §1).
    public var isDefiniteAnswer: Bool {
        switch self {
        case .nameNotFound, .noRecords: true
        case .timeout, .connectionRefused, .refused, .serverFailure, .notImplemented,
             .malformedResponse, .clientFailure: false
        }
    }

    /// The short form the step log shows after an arrow: `NXDOMAIN`, `no records`, …
    public var description: String {
        switch self {
        case .nameNotFound: "NXDOMAIN"
        case .noRecords: "no records"
        case .timeout(_, let servers): "timeout (\(Self.list(servers)))"
        case .connectionRefused(_, let servers): "connection refused (\(Self.list(servers)))"
        case .refused: "REFUSED"
        case .serverFailure: "SERVFAIL"
        case .notImplemented: "NOTIMP"
        case .malformedResponse(_, let detail): "malformed response: \(detail)"
        case .clientFailure(_, let detail): "DNS client failure: \(detail)"
        }
    }

    private static func list(_ servers: [DNSServerAddress]) -> String {
        servers.map(\.description).joined(separator: ", ")
    }
}
