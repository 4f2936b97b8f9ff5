import Testing
import TestSupport
@testable import SIPServerLocation

/// RFC 3263 server location with the real c-ares client against dnsmasq.
@Suite struct DNSMasqLocatorTests {
    func locator(_ client: any DNSClient) -> ServerLocator {
        ServerLocator(client: client, random: SeededRandom(seed: 5))
    }

    @Test func naptrDomainGivesTLSThenTCPThenUDPEachPrimaryThenBackup() async throws {
        let dns = try await DNSMasq()
        let resolution = try await locator(try dns.client()).locate(SIPTargetURI(host: "example.test"))
        #expect(resolution.targets.map(\.description) == [
            "TLS 127.0.0.2:5061", "TLS [::1]:5061", "TLS 127.0.0.3:5061",
            "TCP 127.0.0.2:5060", "TCP [::1]:5060", "TCP 127.0.0.3:5060",
            "UDP 127.0.0.2:5060", "UDP [::1]:5060", "UDP 127.0.0.3:5060",
        ])
        // The answer sections' order is the server's business; rules and choices are ours.
        let ours = resolution.renderedSteps.filter { !$0.hasPrefix("NAPTR ") && !$0.hasPrefix("SRV ") }
        #expect(ours == [
            "no transport, port or numeric host → NAPTR example.test (RFC 3263 §4.1)",
            "ignore NAPTR SIP+D2S order 5 pref 10: unsupported service",
            "use NAPTR SIPS+D2T order 10 pref 10 → TLS via SRV _sips._tcp.example.test",
            "use NAPTR SIP+D2T order 10 pref 20 → TCP via SRV _sip._tcp.example.test",
            "use NAPTR SIP+D2U order 10 pref 30 → UDP via SRV _sip._udp.example.test",
            "ignore NAPTR SIP+D2U order 50 pref 10: order 10 already matched (RFC 3403 §4.1)",
            "A sip1.example.test → 127.0.0.2 (ttl 300)",
            "AAAA sip1.example.test → ::1 (ttl 300)",
            "A sip2.example.test → 127.0.0.3 (ttl 600)",
            "AAAA sip2.example.test → no records",
            "chose TLS 127.0.0.2:5061: first SRV target by priority (sip1.example.test)",
            "failover 1: TLS [::1]:5061: first SRV target by priority (sip1.example.test)",
            "failover 2: TLS 127.0.0.3:5061: SRV priority 20 backup (sip2.example.test)",
            "failover 3: TCP 127.0.0.2:5060: first SRV target by priority (sip1.example.test)",
            "failover 4: TCP [::1]:5060: first SRV target by priority (sip1.example.test)",
            "failover 5: TCP 127.0.0.3:5060: SRV priority 20 backup (sip2.example.test)",
            "failover 6: UDP 127.0.0.2:5060: first SRV target by priority (sip1.example.test)",
            "failover 7: UDP [::1]:5060: first SRV target by priority (sip1.example.test)",
            "failover 8: UDP 127.0.0.3:5060: SRV priority 20 backup (sip2.example.test)",
        ])
        let srvLines = resolution.renderedSteps.filter { $0.hasPrefix("SRV _sip._tcp.example.test → ") }
        #expect(srvLines.count == 1)
        #expect(srvLines.first?.contains("10 0 5060 sip1.example.test (primary, ttl 120)") == true)
        #expect(srvLines.first?.contains("20 0 5060 sip2.example.test (backup, ttl 120)") == true)
    }

    @Test func sipsAndExplicitTransportNarrowTheList() async throws {
        let dns = try await DNSMasq()
        let locator = locator(try dns.client())
        let sips = try await locator.locate(SIPTargetURI(scheme: .sips, host: "example.test"))
        #expect(sips.targets.map(\.description) == ["TLS 127.0.0.2:5061", "TLS [::1]:5061", "TLS 127.0.0.3:5061"])
        let tcp = try await locator.locate(SIPTargetURI(host: "example.test", transport: "tcp"))
        #expect(tcp.targets.map(\.description) == ["TCP 127.0.0.2:5060", "TCP [::1]:5060", "TCP 127.0.0.3:5060"])
    }

    @Test func srvWithoutNAPTRAndAddressesWithoutSRV() async throws {
        let dns = try await DNSMasq()
        let locator = locator(try dns.client())
        let srvOnly = try await locator.locate(SIPTargetURI(host: "srvonly.example.test"))
        #expect(srvOnly.targets.map(\.description) == ["UDP 127.0.0.3:5070"])
        let plain = try await locator.locate(SIPTargetURI(host: "plain.example.test"))
        #expect(plain.targets.map(\.description) == ["UDP 127.0.0.4:5060"])
        #expect(plain.renderedSteps[1] == "NAPTR plain.example.test → no records")
        let plainSIPS = try await locator.locate(SIPTargetURI(scheme: .sips, host: "plain.example.test"))
        #expect(plainSIPS.targets.map(\.description) == ["TLS 127.0.0.4:5061"])
        let port = try await locator.locate(SIPTargetURI(host: "sip1.example.test", port: 5070))
        #expect(port.targets.map(\.description) == ["UDP 127.0.0.2:5070", "UDP [::1]:5070"])
    }

    @Test func unknownNameIsNameNotFound() async throws {
        let dns = try await DNSMasq()
        await #expect {
            try await locator(try dns.client()).locate(SIPTargetURI(host: "nothere.example.test"))
        } throws: { error in
            if case ServerLocationError.nameNotFound("nothere.example.test", _) = error { true } else { false }
        }
    }

    @Test func aSilentServerIsALookupFailureNotNXDOMAIN() async throws {
        let silent = try SilentUDPPeer()
        let server = DNSServerAddress(ip("127.0.0.1"), port: silent.port)
        let client = try CAresDNSClient(.init(servers: [server], timeout: .milliseconds(100), tries: 1))
        await #expect {
            try await locator(client).locate(SIPTargetURI(host: "example.test"))
        } throws: { error in
            guard case ServerLocationError.lookupFailed(.timeout(let question, [server]), let steps) = error
            else { return false }
            return question.type == .srv && steps.contains { $0.description == "NAPTR example.test → timeout (\(server))" }
        }
        withExtendedLifetime(silent) {}
    }

    @Test func theCachedLocatorStillHonoursRealTTLs() async throws {
        let dns = try await DNSMasq()
        let time = VirtualTime()
        let locator = locator(CachingDNSClient(wrapping: try dns.client(), time: time))
        _ = try await locator.locate(SIPTargetURI(host: "example.test"))
        dns.stop()
        let cached = try await locator.locate(SIPTargetURI(host: "example.test", transport: "udp"))
        #expect(cached.targets.map(\.description) == ["UDP 127.0.0.2:5060", "UDP [::1]:5060", "UDP 127.0.0.3:5060"])
        #expect(cached.renderedSteps.contains("A sip1.example.test → 127.0.0.2 (ttl 300)"))
        time.advance(by: .seconds(120))  // the SRV records' TTL: now the server must be asked again
        await #expect(throws: ServerLocationError.self) {
            try await locator.locate(SIPTargetURI(host: "example.test", transport: "udp"))
        }
    }
}
