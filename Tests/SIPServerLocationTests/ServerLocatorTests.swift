import Testing
@testable import SIPServerLocation

/// The RFC 3263 procedure end to end over a fake DNS client.
@Suite struct ServerLocatorTests {
    /// NAPTR for TLS and TCP (and SCTP, ignored), SRV with a primary and a backup for both,
    /// the primary with an IPv4 and an IPv6 address.
    static func standardZone(_ zone: inout FakeZone) {
        zone.naptr["example.test"] = .success([
            naptrRecord(10, 20, "SIP+D2T", "_sip._tcp.example.test"),
            naptrRecord(10, 10, "SIPS+D2T", "_sips._tcp.example.test"),
            naptrRecord(5, 10, "SIP+D2S", "_sip._sctp.example.test"),
        ])
        zone.srv["_sips._tcp.example.test"] = srvRecords(
            (20, 0, 5061, "sip2.example.test"), (10, 0, 5061, "sip1.example.test"))
        zone.srv["_sip._tcp.example.test"] = srvRecords(
            (10, 0, 5060, "sip1.example.test"), (20, 0, 5060, "sip2.example.test"))
        zone.a["sip1.example.test"] = addresses("192.0.2.1")
        zone.aaaa["sip1.example.test"] = addresses("2001:db8::1")
        zone.a["sip2.example.test"] = addresses("192.0.2.2", ttl: 600)
    }

    func locator(_ client: FakeDNSClient, _ configuration: ServerLocator.Configuration = .init()) -> ServerLocator {
        ServerLocator(client: client, configuration: configuration, random: SeededRandom(seed: 1))
    }

    func locate(_ uri: SIPTargetURI, _ client: FakeDNSClient,
                _ configuration: ServerLocator.Configuration = .init()) async throws(ServerLocationError) -> Resolution {
        try await locator(client, configuration).locate(uri)
    }

    @Test func naptrThenSRVThenAddressesInOrder() async throws {
        let client = FakeDNSClient(Self.standardZone)
        let resolution = try await locate(SIPTargetURI(host: "example.test"), client)
        #expect(resolution.targets.map(\.endpoint) == [
            endpoint(.tls, "192.0.2.1", 5061), endpoint(.tls, "2001:db8::1", 5061), endpoint(.tls, "192.0.2.2", 5061),
            endpoint(.tcp, "192.0.2.1", 5060), endpoint(.tcp, "2001:db8::1", 5060), endpoint(.tcp, "192.0.2.2", 5060),
        ])
        // Each host is looked up once although two SRV sets name it.
        #expect(client.asked.count == 7)
        #expect(Set(client.asked) == [
            DNSQuestion(.naptr, "example.test"), DNSQuestion(.srv, "_sips._tcp.example.test"),
            DNSQuestion(.srv, "_sip._tcp.example.test"), DNSQuestion(.a, "sip1.example.test"),
            DNSQuestion(.aaaa, "sip1.example.test"), DNSQuestion(.a, "sip2.example.test"),
            DNSQuestion(.aaaa, "sip2.example.test"),
        ])
    }

    @Test func everyStepIsRecordedAndRendered() async throws {
        let client = FakeDNSClient { zone in
            zone.naptr["example.test"] = .success([naptrRecord(10, 10, "SIP+D2T", "_sip._tcp.example.test")])
            zone.srv["_sip._tcp.example.test"] = srvRecords(
                (10, 60, 5060, "sip1.example.test"), (20, 0, 5060, "sip2.example.test"))
            zone.a["sip1.example.test"] = addresses("192.0.2.1")
            zone.a["sip2.example.test"] = addresses("192.0.2.2", ttl: 600)
        }
        let resolution = try await locate(SIPTargetURI(host: "example.test"), client)
        #expect(resolution.renderedSteps == [
            "no transport, port or numeric host → NAPTR example.test (RFC 3263 §4.1)",
            "NAPTR example.test → SIP+D2T order 10 pref 10 → _sip._tcp.example.test (ttl 120)",
            "use NAPTR SIP+D2T order 10 pref 10 → TCP via SRV _sip._tcp.example.test",
            "SRV _sip._tcp.example.test → 10 60 5060 sip1.example.test (primary, ttl 120), 20 0 5060 sip2.example.test (backup, ttl 120)",
            "A sip1.example.test → 192.0.2.1 (ttl 300)",
            "AAAA sip1.example.test → no records",
            "A sip2.example.test → 192.0.2.2 (ttl 600)",
            "AAAA sip2.example.test → no records",
            "chose TCP 192.0.2.1:5060: first SRV target by priority (sip1.example.test)",
            "failover 1: TCP 192.0.2.2:5060: SRV priority 20 backup (sip2.example.test)",
        ])
        #expect(resolution.targets[0].via.map(\.description) == [
            "NAPTR example.test → SIP+D2T order 10 pref 10 → _sip._tcp.example.test (ttl 120)",
            "use NAPTR SIP+D2T order 10 pref 10 → TCP via SRV _sip._tcp.example.test",
            "SRV _sip._tcp.example.test → 10 60 5060 sip1.example.test (primary, ttl 120), 20 0 5060 sip2.example.test (backup, ttl 120)",
            "A sip1.example.test → 192.0.2.1 (ttl 300)",
            "chose TCP 192.0.2.1:5060: first SRV target by priority (sip1.example.test)",
        ])
    }

    @Test func ipv6FirstPutsAAAAAddressesBeforeAOnes() async throws {
        let client = FakeDNSClient(Self.standardZone)
        let resolution = try await locate(SIPTargetURI(host: "example.test", transport: "tcp"), client,
                                          .init(addressFamilyOrder: .ipv6First))
        #expect(resolution.targets.map(\.endpoint) == [
            endpoint(.tcp, "2001:db8::1", 5060), endpoint(.tcp, "192.0.2.1", 5060), endpoint(.tcp, "192.0.2.2", 5060),
        ])
    }

    @Test func sipsURIGetsOnlyTLS() async throws {
        let client = FakeDNSClient(Self.standardZone)
        let resolution = try await locate(SIPTargetURI(scheme: .sips, host: "example.test"), client)
        #expect(resolution.targets.allSatisfy { $0.transport == .tls })
        #expect(resolution.targets.count == 3)
    }

    @Test func withoutNAPTRTheSRVQueriesFollowOurTransportPreference() async throws {
        let client = FakeDNSClient { zone in
            zone.srv["_sip._udp.example.test"] = srvRecords((10, 0, 5070, "sip1.example.test"))
            zone.srv["_sip._tcp.example.test"] = srvRecords((10, 0, 5080, "sip1.example.test"))
            zone.a["sip1.example.test"] = addresses("192.0.2.1")
        }
        let resolution = try await locate(SIPTargetURI(host: "example.test"), client)
        #expect(resolution.targets.map(\.endpoint) == [endpoint(.tcp, "192.0.2.1", 5080), endpoint(.udp, "192.0.2.1", 5070)])
        #expect(resolution.renderedSteps[1...5] == [
            "NAPTR example.test → NXDOMAIN",
            "no usable NAPTR for example.test → SRV _sips._tcp.example.test, _sip._tcp.example.test, _sip._udp.example.test (RFC 3263 §4.1)",
            "SRV _sips._tcp.example.test → NXDOMAIN",
            "SRV _sip._tcp.example.test → 10 0 5080 sip1.example.test (primary, ttl 120)",
            "SRV _sip._udp.example.test → 10 0 5070 sip1.example.test (primary, ttl 120)",
        ])
        let udpFirst = try await locate(SIPTargetURI(host: "example.test"), client, .init(transports: [.udp, .tcp]))
        #expect(udpFirst.targets.map(\.transport) == [.udp, .tcp])
    }

    @Test func withoutSRVTheDomainsAddressesOnTheDefaultPort() async throws {
        let client = FakeDNSClient { zone in
            zone.a["example.test"] = addresses("192.0.2.9")
        }
        let sip = try await locate(SIPTargetURI(host: "example.test"), client)
        #expect(sip.targets.map(\.endpoint) == [endpoint(.udp, "192.0.2.9", 5060)])
        #expect(sip.renderedSteps.contains("no SRV records → A/AAAA example.test, UDP port 5060 (RFC 3263 §4.2)"))
        let sips = try await locate(SIPTargetURI(scheme: .sips, host: "example.test"), client)
        #expect(sips.targets.map(\.endpoint) == [endpoint(.tls, "192.0.2.9", 5061)])
        let tcp = try await locate(SIPTargetURI(host: "example.test", transport: "tcp"), client)
        #expect(tcp.targets.map(\.endpoint) == [endpoint(.tcp, "192.0.2.9", 5060)])
    }

    @Test func naptrWithoutSRVFallsBackOnTheNAPTRTransport() async throws {
        let client = FakeDNSClient { zone in
            zone.naptr["example.test"] = .success([naptrRecord(10, 10, "SIP+D2T", "_sip._tcp.example.test")])
            zone.a["example.test"] = addresses("192.0.2.9")
        }
        let resolution = try await locate(SIPTargetURI(host: "example.test"), client)
        #expect(resolution.targets.map(\.endpoint) == [endpoint(.tcp, "192.0.2.9", 5060)])
    }

    @Test func explicitPortSkipsNAPTRAndSRV() async throws {
        let client = FakeDNSClient(Self.standardZone)
        let resolution = try await locate(SIPTargetURI(host: "sip2.example.test", port: 5080), client)
        #expect(resolution.targets.map(\.endpoint) == [endpoint(.udp, "192.0.2.2", 5080)])
        #expect(Set(client.asked.map(\.type)) == [.a, .aaaa])
        #expect(resolution.renderedSteps.last == "chose UDP 192.0.2.2:5080: port 5080 from the URI")
    }

    @Test func numericHostAsksNoDNS() async throws {
        let client = FakeDNSClient(Self.standardZone)
        let resolution = try await locate(SIPTargetURI(host: "[2001:db8::7]", transport: "tcp"), client)
        #expect(resolution.targets.map(\.endpoint) == [endpoint(.tcp, "2001:db8::7", 5060)])
        #expect(client.asked.isEmpty)
        #expect(resolution.renderedSteps.last == "chose TCP [2001:db8::7]:5060: numeric IP address in the URI")
    }

    @Test func nxdomainAndNoRecordsAreDifferentErrors() async throws {
        let client = FakeDNSClient { zone in
            zone.naptr["nodata.example.test"] = .failure(.noRecords(DNSQuestion(.naptr, "nodata.example.test")))
        }
        await #expect {
            try await locate(SIPTargetURI(host: "nothere.example.test"), client)
        } throws: { error in
            guard case ServerLocationError.nameNotFound("nothere.example.test", let steps) = error else { return false }
            return steps.map(\.description).suffix(6) == [
                "SRV _sips._tcp.nothere.example.test → NXDOMAIN",
                "SRV _sip._tcp.nothere.example.test → NXDOMAIN",
                "SRV _sip._udp.nothere.example.test → NXDOMAIN",
                "no SRV records → A/AAAA nothere.example.test, UDP port 5060 (RFC 3263 §4.2)",
                "A nothere.example.test → NXDOMAIN",
                "AAAA nothere.example.test → NXDOMAIN",
            ]
        }
        await #expect {
            try await locate(SIPTargetURI(host: "nodata.example.test"), client)
        } throws: { error in
            if case ServerLocationError.noAddresses("nodata.example.test", _) = error { true } else { false }
        }
    }

    @Test func srvTargetDotMeansServiceNotOfferedWithoutAddressFallback() async throws {
        let client = FakeDNSClient { zone in
            zone.srv["_sip._udp.example.test"] = srvRecords((0, 0, 0, "."))
            zone.a["example.test"] = addresses("192.0.2.9")
        }
        await #expect {
            try await locate(SIPTargetURI(host: "example.test", transport: "udp"), client)
        } throws: { error in
            if case ServerLocationError.serviceNotOffered("example.test", _) = error { true } else { false }
        }
        #expect(!client.asked.contains(DNSQuestion(.a, "example.test")))
    }

    @Test func aFailedSRVQueryStopsInsteadOfFallingBackToAddresses() async throws {
        let timeout = DNSError.timeout(DNSQuestion(.srv, "_sip._tcp.example.test"), servers: [])
        let client = FakeDNSClient { zone in
            zone.srv["_sip._tcp.example.test"] = .failure(timeout)
            zone.a["example.test"] = addresses("192.0.2.9")
        }
        do {
            let resolution = try await locate(SIPTargetURI(host: "example.test", transport: "tcp"), client)
            Issue.record("expected a failure, got \(resolution.targets)")
        } catch {
            #expect(error == .lookupFailed(timeout, steps: error.steps))
            #expect(error.steps.last?.description == "SRV _sip._tcp.example.test → timeout ()")
        }
        #expect(!client.asked.contains(DNSQuestion(.a, "example.test")))
    }

    @Test func aFailedNAPTRQueryCountsAsNoNAPTR() async throws {
        let client = FakeDNSClient { zone in
            Self.standardZone(&zone)
            zone.naptr["example.test"] = .failure(.serverFailure(DNSQuestion(.naptr, "example.test")))
        }
        let resolution = try await locate(SIPTargetURI(host: "example.test"), client)
        #expect(resolution.targets.first?.endpoint == endpoint(.tls, "192.0.2.1", 5061))
        #expect(resolution.renderedSteps[1] == "NAPTR example.test → SERVFAIL")
    }

    @Test func aFailedAddressLookupSkipsOnlyThatHost() async throws {
        let client = FakeDNSClient { zone in
            Self.standardZone(&zone)
            zone.a["sip1.example.test"] = .failure(.serverFailure(DNSQuestion(.a, "sip1.example.test")))
            zone.aaaa["sip1.example.test"] = .failure(.serverFailure(DNSQuestion(.aaaa, "sip1.example.test")))
        }
        let resolution = try await locate(SIPTargetURI(host: "example.test", transport: "tcp"), client)
        #expect(resolution.targets.map(\.endpoint) == [endpoint(.tcp, "192.0.2.2", 5060)])
        #expect(resolution.renderedSteps.contains("A sip1.example.test → SERVFAIL"))
    }

    @Test func theSameEndpointIsListedOnce() async throws {
        let client = FakeDNSClient { zone in
            zone.srv["_sip._udp.example.test"] = srvRecords(
                (10, 0, 5060, "a.example.test"), (20, 0, 5060, "b.example.test"))
            zone.a["a.example.test"] = addresses("192.0.2.1")
            zone.a["b.example.test"] = addresses("192.0.2.1")
        }
        let resolution = try await locate(SIPTargetURI(host: "example.test", transport: "udp"), client)
        #expect(resolution.targets.map(\.endpoint) == [endpoint(.udp, "192.0.2.1", 5060)])
        #expect(resolution.renderedSteps.contains("UDP 192.0.2.1:5060 already listed, skipped"))
    }
}
