/// The DNS queries RFC 3263 needs, behind a protocol so the server-location rules are tested
/// with a fake client and no network, and the real client (c-ares) is tested on its own.
///
/// Records come back in the order of the answer section, each with its TTL. An empty answer is
/// never returned: it is `DNSError.noRecords`.
public protocol DNSClient: Sendable {
    /// NAPTR records of `name` (RFC 3403).
    func naptr(_ name: String) async throws(DNSError) -> [NAPTRRecord]
    /// SRV records of `name`, e.g. `_sip._tcp.example.com` (RFC 2782).
    func srv(_ name: String) async throws(DNSError) -> [SRVRecord]
    /// IPv4 addresses of `name`.
    func a(_ name: String) async throws(DNSError) -> [AddressRecord]
    /// IPv6 addresses of `name` (RFC 3596).
    func aaaa(_ name: String) async throws(DNSError) -> [AddressRecord]
}
