import DialtoneConfig
import Foundation
import PhoneEngine
import Testing
import TestSupport

/// `dialtone check`'s one-line diagnoses against real failures on loopback: a name that does not
/// exist (dnsmasq), a server that never answers, a refused connection, TLS certificates from an
/// unknown CA, expired, or for another name (kamailio with the test PKI).
@Suite(.timeLimit(.minutes(2))) struct CheckDiagnosisTests {
    static func check(_ toml: String) async throws -> CheckReport {
        let configuration = try EngineHarness.configuration(toml)
        let reports = await RegistrationCheck.run(configuration, options: EngineOptions(attemptTimeout: .seconds(2)), deadline: .seconds(20))
        return try #require(reports.first)
    }

    static func account(registrar: String, transport: String, extra: String = "") -> String {
        """
        [general]
        listen = ["udp:127.0.0.1:0", "tcp:127.0.0.1:0"]
        \(extra.hasPrefix("dns_servers") ? extra : "")

        [[accounts]]
        name = "home"
        aor = "sip:alice@example.test"
        password = "alicepw"
        registrar = "\(registrar)"
        transport = "\(transport)"
        \(extra.hasPrefix("dns_servers") ? "" : extra)
        """
    }

    @Test func aNameThatDoesNotExist() async throws {
        let dns = try await DNSMasqServer(records: [])
        let report = try await Self.check(Self.account(
            registrar: "sip:nothere.example.test", transport: "udp", extra: "dns_servers = [\"\(dns.address)\"]"))
        #expect(report.state == "failed")
        #expect(report.diagnosis?.hasPrefix("DNS: nothere.example.test does not exist (NXDOMAIN)") == true, "\(report.diagnosis ?? "")")
        #expect(report.steps.contains { $0.kind == "dns" })
        dns.stop()
    }

    @Test func aServerThatNeverAnswers() async throws {
        let silent = try SilentUDPPeer()
        let report = try await Self.check(Self.account(registrar: "sip:127.0.0.1:\(silent.port)", transport: "udp"))
        #expect(report.diagnosis?.hasPrefix("no answer from UDP 127.0.0.1:\(silent.port) (timeout)") == true, "\(report.diagnosis ?? "")")
        #expect(report.diagnosis?.contains("firewall") == true)
    }

    @Test func aRefusedConnection() async throws {
        let closed = try LoopbackPort.free(onAll: ["127.0.0.1"])
        let report = try await Self.check(Self.account(registrar: "sip:127.0.0.1:\(closed)", transport: "tcp"))
        #expect(report.diagnosis?.hasPrefix("connection refused by TCP 127.0.0.1:\(closed)") == true, "\(report.diagnosis ?? "")")
    }

    @Test func tlsCertificateProblemsAreNamed() async throws {
        let pki = try await TestCertificateAuthority()
        async let startRogue = Kamailio(.init(name: "rogue", certificate: pki.unknownCA))
        async let startExpired = Kamailio(.init(name: "expired", certificate: pki.expired))
        async let startWrong = Kamailio(.init(name: "wrong", certificate: pki.wrongHost))
        let (rogue, expired, wrong) = try await (startRogue, startExpired, startWrong)
        let ca = "ca_file = \"\(pki.caFile)\""
        let unknown = try await Self.check(Self.account(registrar: "sip:127.0.0.1:\(rogue.tlsPort)", transport: "tls", extra: ca))
        #expect(unknown.diagnosis?.contains("issued by an unknown CA (CN=Rogue CA, O=Somebody Else)") == true, "\(unknown.diagnosis ?? "")")
        let old = try await Self.check(Self.account(registrar: "sip:127.0.0.1:\(expired.tlsPort)", transport: "tls", extra: ca))
        #expect(old.diagnosis?.contains("has expired") == true, "\(old.diagnosis ?? "")")
        let other = try await Self.check(Self.account(registrar: "sip:127.0.0.1:\(wrong.tlsPort)", transport: "tls", extra: ca))
        #expect(other.diagnosis?.contains("the certificate names wrong.example.invalid, not 127.0.0.1") == true, "\(other.diagnosis ?? "")")
        await rogue.stop()
        await expired.stop()
        await wrong.stop()
    }
}
