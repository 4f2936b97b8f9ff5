import DialtoneConfig
import Foundation
import PhoneEngine
import SIPTransport
import Testing
import TestSupport

/// RFC 3263 failover for registration: dnsmasq publishes SRV records for example.test with a
/// primary (priority 10) and a backup (priority 20) kamailio. The primary stops: the refresh
/// fails over to the backup. The primary comes back: after the fail-back interval the account
/// registers with it again.
@Suite(.timeLimit(.minutes(3))) struct FailoverRegistrationTests {
    @Test func registersWithTheBackupWhenThePrimaryStopsAndReturnsToThePrimary() async throws {
        let pki = try await TestCertificateAuthority()
        let users = [(name: "alice", password: "alicepw")]
        async let startPrimary = Kamailio(.init(name: "primary", addresses: ["127.0.0.1"], certificate: pki.server, users: users, minExpires: 10))
        async let startBackup = Kamailio(.init(name: "backup", addresses: ["127.0.0.2"], certificate: pki.server, users: users, minExpires: 10))
        let (primary, backup) = try await (startPrimary, startBackup)
        let dns = try await DNSMasqServer(records: [
            "--srv-host=_sip._udp.example.test,sip1.example.test,\(primary.port),10,0",
            "--srv-host=_sip._udp.example.test,sip2.example.test,\(backup.port),20,0",
            "--host-record=sip1.example.test,127.0.0.1",
            "--host-record=sip2.example.test,127.0.0.2",
        ])
        let toml = """
            [general]
            dns_servers = ["\(dns.address)"]
            listen = ["udp:127.0.0.1:0"]

            [[accounts]]
            name = "alice"
            aor = "sip:alice@example.test"
            password = "alicepw"
            transport = "udp"
            expires = 10
            mwi = false
            keepalive = "off"
            """
        let engine = PhoneEngine(
            configuration: try EngineHarness.configuration(toml),
            options: EngineOptions(attemptTimeout: .seconds(1), failbackInterval: .seconds(4)))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        #expect(await watcher.waitForRegistration(of: "alice"))
        #expect(await engine.accounts().first?.server == "UDP 127.0.0.1:\(primary.port)")
        let timeline = watcher.timeline("alice")
        #expect(timeline.contains("SRV _sip._udp.example.test"), "\(timeline)")

        await primary.stop()
        let failedOver = await watcher.wait(within: .seconds(40)) { state in
            state.snapshots["alice"]?.server == "UDP 127.0.0.2:\(backup.port)" && state.snapshots["alice"]?.isRegistered == true
        }
        #expect(failedOver, "\(watcher.timeline("alice"))")

        let restarted = try await Kamailio(primary.configuration)
        let failedBack = await watcher.wait(within: .seconds(40)) { state in
            state.snapshots["alice"]?.server == "UDP 127.0.0.1:\(primary.port)" && state.snapshots["alice"]?.isRegistered == true
        }
        #expect(failedBack, "\(watcher.timeline("alice"))")
        await engine.shutdown()
        await restarted.stop()
        await backup.stop()
        dns.stop()
    }
}
