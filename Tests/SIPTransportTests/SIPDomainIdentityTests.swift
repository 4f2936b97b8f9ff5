import SIPTransport
import Testing

/// RFC 5922 §7.1–7.2: the SIP domain must be a literal subjectAltName; wildcards never match.
@Suite struct SIPDomainIdentityTests {
    @Test func literalDNSNameMatchesCaseInsensitively() {
        #expect(SIPDomainIdentity.matches(domain: "Example.TEST", dnsNames: ["example.test"], uris: [], commonName: nil))
        #expect(SIPDomainIdentity.matches(domain: "example.test.", dnsNames: ["example.test"], uris: [], commonName: nil))
    }

    @Test func wildcardNamesNeverMatch() {
        #expect(!SIPDomainIdentity.matches(domain: "sip.example.test", dnsNames: ["*.example.test"], uris: [], commonName: nil))
        #expect(!SIPDomainIdentity.matches(domain: "sip.example.test", dnsNames: [], uris: [], commonName: "*.example.test"))
    }

    @Test func sipURIsCountAndOtherURIsDoNot() {
        #expect(SIPDomainIdentity.matches(domain: "example.test", dnsNames: [], uris: ["sip:example.test"], commonName: nil))
        #expect(!SIPDomainIdentity.matches(domain: "example.test", dnsNames: [], uris: ["sip:alice@example.test"], commonName: nil))
        #expect(!SIPDomainIdentity.matches(domain: "example.test", dnsNames: [], uris: ["https://example.test"], commonName: nil))
    }

    @Test func commonNameOnlyWithoutSubjectAltNames() {
        #expect(SIPDomainIdentity.matches(domain: "example.test", dnsNames: [], uris: [], commonName: "example.test"))
        #expect(!SIPDomainIdentity.matches(domain: "example.test", dnsNames: ["other.test"], uris: [], commonName: "example.test"))
    }

    @Test func emptyDomainNeverMatches() {
        #expect(!SIPDomainIdentity.matches(domain: "", dnsNames: [""], uris: [], commonName: ""))
    }
}
