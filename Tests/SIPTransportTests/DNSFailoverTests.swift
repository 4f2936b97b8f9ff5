import Foundation
import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing
import TestSupport

/// RFC 3263 for real: dnsmasq publishes NAPTR/SRV/A/AAAA for example.test with a primary
/// (127.0.0.1 and ::1) and a backup (127.0.0.2) kamailio.
@Suite(.timeLimit(.minutes(1))) struct DNSFailoverTests {
    static func zone(primary: Kamailio, backup: Kamailio, preferences: (tls: Int, tcp: Int, udp: Int)) -> [String] {
        [
            "--naptr-record=example.test,10,\(preferences.tls),S,SIPS+D2T,,_sips._tcp.example.test",
            "--naptr-record=example.test,10,\(preferences.tcp),S,SIP+D2T,,_sip._tcp.example.test",
            "--naptr-record=example.test,10,\(preferences.udp),S,SIP+D2U,,_sip._udp.example.test",
            "--srv-host=_sips._tcp.example.test,sip1.example.test,\(primary.tlsPort),10,0",
            "--srv-host=_sips._tcp.example.test,sip2.example.test,\(backup.tlsPort),20,0",
            "--srv-host=_sip._tcp.example.test,sip1.example.test,\(primary.port),10,0",
            "--srv-host=_sip._tcp.example.test,sip2.example.test,\(backup.port),20,0",
            "--srv-host=_sip._udp.example.test,sip1.example.test,\(primary.port),10,0",
            "--srv-host=_sip._udp.example.test,sip2.example.test,\(backup.port),20,0",
            "--host-record=sip1.example.test,127.0.0.1,::1",
            "--host-record=sip2.example.test,127.0.0.2",
        ]
    }

    @Test func naptrOrderFailoverToTheBackupAndFailBack() async throws {
        let pki = try await TestCertificateAuthority()
        async let startPrimary = Kamailio(.init(name: "primary", addresses: ["127.0.0.1", "::1"], certificate: pki.server))
        async let startBackup = Kamailio(.init(name: "backup", addresses: ["127.0.0.2"], certificate: pki.server))
        let (primary, backup) = try await (startPrimary, startBackup)
        async let startTLSFirst = DNSMasqServer(records: Self.zone(primary: primary, backup: backup, preferences: (10, 20, 30)))
        async let startUDPFirst = DNSMasqServer(records: Self.zone(primary: primary, backup: backup, preferences: (30, 20, 10)))
        let (tlsFirst, udpFirst) = try await (startTLSFirst, startUDPFirst)

        // NAPTR preference: TLS first (with the primary before the backup), or UDP first.
        let viaTLS = await OptionsProbe(try .init(uri: "sip:example.test", dnsServers: [tlsFirst.address], caFile: pki.caFile)).run()
        #expect(viaTLS.targets == [
            "TLS 127.0.0.1:\(primary.tlsPort)", "TLS [::1]:\(primary.tlsPort)", "TLS 127.0.0.2:\(backup.tlsPort)",
            "TCP 127.0.0.1:\(primary.port)", "TCP [::1]:\(primary.port)", "TCP 127.0.0.2:\(backup.port)",
            "UDP 127.0.0.1:\(primary.port)", "UDP [::1]:\(primary.port)", "UDP 127.0.0.2:\(backup.port)",
        ])
        #expect(viaTLS.resolution.contains("use NAPTR SIPS+D2T order 10 pref 10 → TLS via SRV _sips._tcp.example.test"))
        #expect(viaTLS.answeredBy?.target == "TLS 127.0.0.1:\(primary.tlsPort)")
        #expect(viaTLS.response?.server == "kamailio-test (primary)")
        #expect(viaTLS.tls?.peerNames.contains("example.test") == true)
        let viaUDP = await OptionsProbe(try .init(uri: "sip:example.test", dnsServers: [udpFirst.addressV6], caFile: pki.caFile)).run()
        #expect(viaUDP.answeredBy?.target == "UDP 127.0.0.1:\(primary.port)")
        #expect(viaUDP.targets.first == "UDP 127.0.0.1:\(primary.port)")

        try await failoverAndFailback(primary: primary, backup: backup, dns: tlsFirst, pki: pki)
        await backup.stop()
    }

    /// One TargetList across requests: the primary stops, requests go to the backup; it comes
    /// back, and after the fail-back interval requests go to it again.
    private func failoverAndFailback(primary: Kamailio, backup: Kamailio, dns: DNSMasqServer, pki: TestCertificateAuthority) async throws {
        let resolution = try await ServerLocator(client: try CAresDNSClient(.init(servers: [DNSServerAddress(parsing: dns.address)!])))
            .locate(SIPTargetURI(host: "example.test"))
        // Long enough that restarting kamailio and running the command (slow on a loaded 2-core
        // machine) fit before it ends, so "still the backup" is really inside the interval.
        let failback = Duration.seconds(8)
        var targets = resolution.targetList(failbackInterval: failback)
        let options = RequestOptions(tls: .init(trust: .caFile(pki.caFile)), serverName: "example.test", attemptTimeout: .seconds(3))
        try await withEventLoop { group in
            let client = try await Node.start(name: "A", group: group)
            let request = { Make.options(to: "sip:example.test") }
            let before = await client.layer.send(request(), over: targets, options: options)
            #expect(before.response.headers[.server] == "kamailio-test (primary)")

            await primary.stop()
            let failedOver = await client.layer.send(request(), over: before.targets, options: options)
            let failedAt = ContinuousClock.now
            #expect(failedOver.response.headers[.server] == "kamailio-test (backup)")
            #expect(failedOver.attempts.map(\.target.description) == [
                "TLS 127.0.0.1:\(primary.tlsPort)", "TLS [::1]:\(primary.tlsPort)", "TLS 127.0.0.2:\(backup.tlsPort)"])
            // Refused, or the old connection found closed: a transport error either way (RFC 3263 §4.3).
            #expect(failedOver.attempts.prefix(2).allSatisfy { if case .transportError = $0.result { true } else { false } })
            try await checkTheCommandFailsOver(dns: dns, pki: pki, backup: backup)

            let restarted = try await Kamailio(primary.configuration)
            targets = failedOver.targets
            let stillBackup = await client.layer.send(request(), over: targets, options: options)
            #expect(stillBackup.response.headers[.server] == "kamailio-test (backup)")
            #expect(stillBackup.attempts.count == 1)
            try await Task.sleep(until: failedAt + failback + .milliseconds(100), clock: .continuous)
            let failedBack = await client.layer.send(request(), over: stillBackup.targets, options: options)
            #expect(failedBack.response.headers[.server] == "kamailio-test (primary)")
            #expect(failedBack.attempts.map(\.target.description) == ["TLS 127.0.0.1:\(primary.tlsPort)"])
            await client.shutdown()
            await restarted.stop()
        }
    }

    /// `dialtone options` end to end while the primary is down: exit 0, the backup named.
    private func checkTheCommandFailsOver(dns: DNSMasqServer, pki: TestCertificateAuthority, backup: Kamailio) async throws {
        let run = try await DialtoneBinary.run(["options", "sip:example.test", "--dns-server", dns.address, "--ca-file", pki.caFile, "--json"])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        let json = try DialtoneBinary.json(run)
        #expect((json["answered_by"] as? [String: Any])?["target"] as? String == "TLS 127.0.0.2:\(backup.tlsPort)")
        #expect((json["response"] as? [String: Any])?["server"] as? String == "kamailio-test (backup)")
        #expect((json["tls"] as? [String: Any])?["verified"] as? Bool == true)
        let attempts = try #require(json["attempts"] as? [[String: Any]])
        #expect(attempts.map { $0["result"] as? String } == ["transport-error", "transport-error", "response"])
        let text = try await DialtoneBinary.run(["options", "sip:example.test", "--dns-server", dns.address, "--ca-file", pki.caFile])
        #expect(text.status == 0)
        #expect(text.output.contains("Response: SIP/2.0 200 OK\nServer: kamailio-test (backup)\nTransport: TLS "))
        #expect(text.output.contains("Attempt 1: TLS 127.0.0.1:"))
        #expect(text.output.contains("connection refused by TLS 127.0.0.1:"))
    }
}
