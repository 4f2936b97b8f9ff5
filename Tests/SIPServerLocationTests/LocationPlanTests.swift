import Testing
@testable import SIPServerLocation

/// RFC 3263 §4.1 transport selection and §4.2 port rules, decided from the URI alone.
@Suite struct LocationPlanTests {
    let all: [SIPTransport] = [.tls, .tcp, .udp]

    func plan(_ uri: SIPTargetURI, _ transports: [SIPTransport]? = nil) throws -> LocationPlan {
        try LocationPlan.make(for: uri, transports: transports ?? all).plan
    }

    @Test func explicitTransportParameterWinsAndLimitsSRVToThatTransport() throws {
        #expect(try plan(SIPTargetURI(host: "example.test", transport: "tcp"))
            == .srvLookup(domain: "example.test", .tcp))
        #expect(try plan(SIPTargetURI(host: "Example.TEST.", transport: "UDP"))
            == .srvLookup(domain: "example.test", .udp))
        #expect(try plan(SIPTargetURI(scheme: .sips, host: "example.test", transport: "tcp"))
            == .srvLookup(domain: "example.test", .tls))
    }

    @Test func numericIPv4HostNeedsNoDNSAndUsesUDPOnTheDefaultPort() throws {
        #expect(try plan(SIPTargetURI(host: "192.0.2.7")) == .numericHost(ip("192.0.2.7"), .udp, port: 5060))
        #expect(try plan(SIPTargetURI(host: "192.0.2.7", port: 5080, transport: "tcp"))
            == .numericHost(ip("192.0.2.7"), .tcp, port: 5080))
    }

    @Test func numericIPv6HostWithOrWithoutBrackets() throws {
        #expect(try plan(SIPTargetURI(host: "[2001:db8::1]")) == .numericHost(ip("2001:db8::1"), .udp, port: 5060))
        #expect(try plan(SIPTargetURI(scheme: .sips, host: "2001:db8::1"))
            == .numericHost(ip("2001:db8::1"), .tls, port: 5061))
    }

    @Test func explicitPortMeansAddressLookupOnlyWithUDPForSIPAndTLSForSIPS() throws {
        #expect(try plan(SIPTargetURI(host: "example.test", port: 5070))
            == .addressLookup(domain: "example.test", .udp, port: 5070))
        #expect(try plan(SIPTargetURI(scheme: .sips, host: "example.test", port: 5071))
            == .addressLookup(domain: "example.test", .tls, port: 5071))
        #expect(try plan(SIPTargetURI(host: "example.test", port: 5070), [.tcp])
            == .addressLookup(domain: "example.test", .tcp, port: 5070))
    }

    @Test func nothingExplicitStartsWithNAPTR() throws {
        #expect(try plan(SIPTargetURI(host: "example.test")) == .naptrLookup(domain: "example.test"))
    }

    @Test func impossibleOrDisabledTransportsAreRefused() {
        #expect(throws: ServerLocationError.unsupportedTransport(parameter: "udp", scheme: .sips)) {
            try plan(SIPTargetURI(scheme: .sips, host: "example.test", transport: "udp"))
        }
        #expect(throws: ServerLocationError.unsupportedTransport(parameter: "sctp", scheme: .sip)) {
            try plan(SIPTargetURI(host: "example.test", transport: "sctp"))
        }
        #expect(throws: ServerLocationError.transportNotEnabled(.tls)) {
            try plan(SIPTargetURI(scheme: .sips, host: "example.test"), [.udp, .tcp])
        }
        #expect(throws: ServerLocationError.transportNotEnabled(.tcp)) {
            try plan(SIPTargetURI(host: "example.test", transport: "tcp"), [.udp])
        }
        #expect(throws: ServerLocationError.invalidHost("")) { try plan(SIPTargetURI(host: "")) }
    }

    @Test func rulesExplainTheDecision() throws {
        let rules = try LocationPlan.make(for: SIPTargetURI(host: "192.0.2.7"), transports: all).rules
        #expect(rules.map(\.description) == [
            "sip URI without transport parameter → UDP (RFC 3263 §4.1)",
            "numeric host 192.0.2.7 → no DNS, port 5060 (RFC 3263 §4.2)",
        ])
    }
}

@Suite struct AddressParsingTests {
    @Test func serverAddressesInTheFormsCAresTakes() {
        #expect(DNSServerAddress(parsing: "127.0.0.1")?.description == "127.0.0.1:53")
        #expect(DNSServerAddress(parsing: "127.0.0.1:5353")?.description == "127.0.0.1:5353")
        #expect(DNSServerAddress(parsing: "::1")?.description == "[::1]:53")
        #expect(DNSServerAddress(parsing: "[::1]:5353")?.description == "[::1]:5353")
        #expect(DNSServerAddress(parsing: "[0:0::1]:5353") == DNSServerAddress(ip("::1"), port: 5353))
    }

    @Test func namesAndBadPortsAreRefused() {
        #expect(DNSServerAddress(parsing: "dns.example.test") == nil)
        #expect(DNSServerAddress(parsing: "dns.example.test:53") == nil)
        #expect(DNSServerAddress(parsing: "127.0.0.1:0") == nil)
        #expect(DNSServerAddress(parsing: "127.0.0.1:65536") == nil)
        #expect(IPAddress(literal: "[127.0.0.1]") == nil)
        #expect(IPAddress(literal: "sip1.example.test") == nil)
    }
}
