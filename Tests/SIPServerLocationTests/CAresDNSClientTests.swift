import Testing
import TestSupport
@testable import SIPServerLocation

/// The c-ares client against a real dnsmasq on loopback: records, TTLs and the error cases.
@Suite struct CAresDNSClientTests {
    @Test func recordsAndTheirTTLsComeOffTheWire() async throws {
        let dns = try await DNSMasq()
        let client = try dns.client()
        let naptr = try await client.naptr("example.test")
        #expect(Set(naptr) == [
            NAPTRRecord(order: 5, preference: 10, service: "SIP+D2S", replacement: "_sip._sctp.example.test", ttl: 120),
            NAPTRRecord(order: 10, preference: 10, service: "SIPS+D2T", replacement: "_sips._tcp.example.test", ttl: 120),
            NAPTRRecord(order: 10, preference: 20, service: "SIP+D2T", replacement: "_sip._tcp.example.test", ttl: 120),
            NAPTRRecord(order: 10, preference: 30, service: "SIP+D2U", replacement: "_sip._udp.example.test", ttl: 120),
            NAPTRRecord(order: 50, preference: 10, service: "SIP+D2U", replacement: "_sip._udp.srvonly.example.test", ttl: 120),
        ])
        #expect(Set(try await client.srv("_sips._tcp.example.test")) == [
            SRVRecord(priority: 10, weight: 0, port: 5061, target: "sip1.example.test", ttl: 120),
            SRVRecord(priority: 20, weight: 0, port: 5061, target: "sip2.example.test", ttl: 120),
        ])
        #expect(try await client.a("sip1.example.test") == [AddressRecord(address: ip("127.0.0.2"), ttl: 300)])
        #expect(try await client.aaaa("sip1.example.test") == [AddressRecord(address: ip("::1"), ttl: 300)])
        #expect(try await client.a("sip2.example.test") == [AddressRecord(address: ip("127.0.0.3"), ttl: 600)])
    }

    @Test func srvAndNAPTRTTLsFollowTheServer() async throws {
        let dns = try await DNSMasq(localTTL: 45)
        let client = try dns.client()
        #expect(try await client.naptr("example.test").allSatisfy { $0.ttl == 45 })
        #expect(try await client.srv("_sip._udp.srvonly.example.test").map(\.ttl) == [45])
        #expect(try await client.a("sip1.example.test").map(\.ttl) == [300])
    }

    @Test func nxdomainAndNodataAreDistinct() async throws {
        let dns = try await DNSMasq()
        let client = try dns.client()
        await #expect(throws: DNSError.nameNotFound("nothere.example.test")) {
            try await client.a("nothere.example.test")
        }
        await #expect(throws: DNSError.noRecords(DNSQuestion(.aaaa, "sip2.example.test"))) {
            try await client.aaaa("sip2.example.test")
        }
        await #expect(throws: DNSError.noRecords(DNSQuestion(.naptr, "plain.example.test"))) {
            try await client.naptr("plain.example.test")
        }
    }

    @Test func aSilentServerTimesOut() async throws {
        let silent = try SilentUDPPeer()
        let server = DNSServerAddress(ip("127.0.0.1"), port: silent.port)
        let client = try CAresDNSClient(.init(servers: [server], timeout: .milliseconds(150), tries: 1))
        let started = ContinuousClock.now
        await #expect(throws: DNSError.timeout(DNSQuestion(.a, "sip1.example.test"), servers: [server])) {
            try await client.a("sip1.example.test")
        }
        // Only the lower bound is a property of the client; an upper bound would time the machine.
        #expect(ContinuousClock.now - started >= .milliseconds(150))
        withExtendedLifetime(silent) {}
    }

    @Test func aPortWhereNothingListensIsRefusedNotTimedOut() async throws {
        let server = DNSServerAddress(ip("127.0.0.1"), port: try LoopbackPort.free())
        // The error kind proves c-ares saw the ICMP refusal rather than waiting out the timeout.
        let client = try CAresDNSClient(.init(servers: [server], timeout: .seconds(30), tries: 1))
        await #expect(throws: DNSError.connectionRefused(DNSQuestion(.srv, "_sip._udp.example.test"), servers: [server])) {
            try await client.srv("_sip._udp.example.test")
        }
    }

    @Test func theNextServerAnswersWhenTheFirstIsSilent() async throws {
        let dns = try await DNSMasq()
        let peer = try SilentUDPPeer()
        let silent = DNSServerAddress(ip("127.0.0.1"), port: peer.port)
        let client = try CAresDNSClient(.init(servers: [silent, dns.server], timeout: .seconds(1), tries: 1))
        let started = ContinuousClock.now
        #expect(try await client.a("sip2.example.test").map(\.address) == [ip("127.0.0.3")])
        #expect(ContinuousClock.now - started >= .milliseconds(100))  // the first server's timeout
        withExtendedLifetime(peer) {}
    }

    @Test func anIPv6ServerAddressWithPort() async throws {
        let dns = try await DNSMasq()
        let client = try CAresDNSClient(.init(servers: [DNSServerAddress(parsing: "[::1]:\(dns.port)")!]))
        #expect(try await client.a("plain.example.test").map(\.address) == [ip("127.0.0.4")])
    }

    @Test func manyConcurrentQueriesOnOneChannel() async throws {
        let dns = try await DNSMasq()
        let client = try dns.client()
        let answers = await withTaskGroup(of: (Int, [IPAddress]).self) { group in
            for index in 0..<40 {
                group.addTask {
                    let name = index.isMultiple(of: 2) ? "sip1.example.test" : "sip2.example.test"
                    return (index, (try? await client.a(name).map(\.address)) ?? [])
                }
            }
            return await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(answers.count == 40)
        #expect(answers.allSatisfy { $0.value == [ip($0.key.isMultiple(of: 2) ? "127.0.0.2" : "127.0.0.3")] })
    }

    @Test func aClientNeedsAtLeastOneServer() {
        #expect(throws: DNSClientSetupError.noServers) { try CAresDNSClient(.init(servers: [])) }
    }
}
