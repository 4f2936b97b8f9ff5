/// The RFC 5922 §7.1–7.2 domain check of a SIP server certificate, run after BoringSSL has
/// verified the chain and NIOSSL has matched the host name.
///
/// NIOSSL's host name match follows RFC 6125 and accepts wildcard names (`*.example.test`);
/// RFC 5922 §7.2 forbids that for SIP ("implementations MUST NOT accept wildcards"), because a
/// wildcard certificate for a hosting provider's zone would let any tenant impersonate another
/// tenant's SIP domain. So the SIP domain must appear literally as a `dNSName` or as the host of
/// a `sip:` `uniformResourceIdentifier` subjectAltName (the subject's CN only counts when the
/// certificate has no subjectAltName at all, §7.1).
public enum SIPDomainIdentity {
    /// True when `domain` is one of the certificate's identities, compared case-insensitively
    /// and without a trailing dot; wildcard entries never match.
    public static func matches(domain: String, dnsNames: [String], uris: [String], commonName: String?) -> Bool {
        let wanted = normalized(domain)
        guard !wanted.isEmpty else { return false }
        let identities: [String]
        if dnsNames.isEmpty && uris.isEmpty {
            identities = commonName.map { [$0] } ?? []
        } else {
            identities = dnsNames + uris.compactMap(sipURIHost)
        }
        return identities.contains { identity in
            !identity.contains("*") && normalized(identity) == wanted
        }
    }

    /// The host of a `sip:domain` URI subjectAltName (RFC 5922 §7.1 lists URIs first); any other
    /// scheme, a user part or a port makes it something other than a domain identity.
    static func sipURIHost(_ uri: String) -> String? {
        let lower = uri.lowercased()
        guard lower.hasPrefix("sip:") else { return nil }
        let host = lower.dropFirst(4)
        guard !host.isEmpty, !host.contains("@"), !host.contains(":"), !host.contains(";") else { return nil }
        return String(host)
    }

    private static func normalized(_ name: String) -> String {
        var lower = name.lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        return lower
    }
}
