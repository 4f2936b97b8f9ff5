import Testing
@testable import SIPServerLocation

/// TTL-driven caching on a virtual clock, with zero tolerance.
@Suite struct CachingDNSClientTests {
    let time = VirtualTime()
    let upstream = FakeDNSClient { zone in
        zone.a["sip1.example.test"] = .success([
            AddressRecord(address: ip("192.0.2.1"), ttl: 300), AddressRecord(address: ip("192.0.2.5"), ttl: 100),
        ])
        zone.srv["_sip._udp.example.test"] = srvRecords((10, 0, 5060, "sip1.example.test"), ttl: 0)
    }

    @Test func answersFromTheCacheUntilTheSmallestTTLRunsOut() async throws {
        let cache = CachingDNSClient(wrapping: upstream, time: time)
        _ = try await cache.a("sip1.example.test")
        time.advance(by: .seconds(99) + .milliseconds(999))
        let cached = try await cache.a("SIP1.example.test.")
        #expect(upstream.asked.count == 1)
        #expect(cached.map(\.ttl) == [201, 1])  // counted down by the whole seconds spent
        time.advance(by: .milliseconds(1))
        let fresh = try await cache.a("sip1.example.test")
        #expect(upstream.asked.count == 2)
        #expect(fresh.map(\.ttl) == [300, 100])
    }

    @Test func ttlZeroIsNeverCached() async throws {
        let cache = CachingDNSClient(wrapping: upstream, time: time)
        _ = try await cache.srv("_sip._udp.example.test")
        _ = try await cache.srv("_sip._udp.example.test")
        #expect(upstream.asked.count == 2)
    }

    @Test func failuresAndNegativeAnswersAreNotCached() async throws {
        let cache = CachingDNSClient(wrapping: upstream, time: time)
        let question = DNSQuestion(.a, "late.example.test")
        upstream.update { $0.a["late.example.test"] = .failure(.timeout(question, servers: [])) }
        await #expect(throws: DNSError.timeout(question, servers: [])) { try await cache.a("late.example.test") }
        upstream.update { $0.a["late.example.test"] = .failure(.nameNotFound("late.example.test")) }
        await #expect(throws: DNSError.nameNotFound("late.example.test")) { try await cache.a("late.example.test") }
        upstream.update { $0.a["late.example.test"] = addresses("192.0.2.8") }
        #expect(try await cache.a("late.example.test").map(\.address) == [ip("192.0.2.8")])
        #expect(upstream.asked.count == 3)
    }

    @Test func typesAreCachedSeparately() async throws {
        let cache = CachingDNSClient(wrapping: upstream, time: time)
        _ = try await cache.a("sip1.example.test")
        await #expect(throws: DNSError.noRecords(DNSQuestion(.aaaa, "sip1.example.test"))) {
            try await cache.aaaa("sip1.example.test")
        }
        #expect(upstream.asked.map(\.type) == [.a, .aaaa])
    }

    @Test func theLocatorReusesCachedAnswersUntilExpiry() async throws {
        let upstream = FakeDNSClient(ServerLocatorTests.standardZone)
        let locator = ServerLocator(client: CachingDNSClient(wrapping: upstream, time: time), random: SeededRandom(seed: 1))
        let first = try await locator.locate(SIPTargetURI(host: "example.test"))
        let asked = upstream.asked.count
        time.advance(by: .seconds(119))
        let second = try await locator.locate(SIPTargetURI(host: "example.test"))
        // Only the NODATA answer (sip2 has no AAAA) is asked again: negative answers are not cached.
        #expect(upstream.asked.dropFirst(asked) == [DNSQuestion(.aaaa, "sip2.example.test")])
        #expect(second.targets.map(\.endpoint) == first.targets.map(\.endpoint))
        time.advance(by: .seconds(1))  // NAPTR and SRV (ttl 120) expire, A/AAAA (300, 600) do not
        _ = try await locator.locate(SIPTargetURI(host: "example.test"))
        #expect(Set(upstream.asked.dropFirst(asked + 1)) == [
            DNSQuestion(.naptr, "example.test"), DNSQuestion(.srv, "_sips._tcp.example.test"),
            DNSQuestion(.srv, "_sip._tcp.example.test"), DNSQuestion(.aaaa, "sip2.example.test"),
        ])
        #expect(upstream.asked.count == asked + 5)
    }
}
