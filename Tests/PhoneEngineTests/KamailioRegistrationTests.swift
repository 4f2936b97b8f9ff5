import DialtoneConfig
import Foundation
import PhoneEngine
import SIPTransport
import Testing
import TestSupport

/// Registration against a real kamailio (Debian's package) with digest authentication, on
/// loopback only: every transport on IPv4 and IPv6, several accounts at once, refresh, a wrong
/// password diagnosed, and re-registration after kamailio restarts.
@Suite(.timeLimit(.minutes(3))) struct KamailioRegistrationTests {
    static let users = [(name: "alice", password: "alicepw"), (name: "bob", password: "bobpw"), (name: "carol", password: "carolpw")]

    /// Six accounts in one engine: UDP, TCP and TLS, each over IPv4 and IPv6.
    @Test func registersOverEveryTransportOnIPv4AndIPv6AtOnce() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(
            name: "registrar", addresses: ["127.0.0.1", "::1"], certificate: pki.server, users: Self.users))
        let port = kamailio.port
        let tls = kamailio.tlsPort
        var toml = """
            [general]
            listen = ["udp:127.0.0.1:0", "tcp:127.0.0.1:0", "udp:[::1]:0", "tcp:[::1]:0"]

            """
        toml += EngineHarness.account("udp4", user: "alice", password: "alicepw", registrar: "sip:127.0.0.1:\(port)", transport: "udp")
        toml += EngineHarness.account("tcp4", user: "bob", password: "bobpw", registrar: "sip:127.0.0.1:\(port)", transport: "tcp")
        toml += EngineHarness.account("tls4", user: "carol", password: "carolpw", registrar: "sip:127.0.0.1:\(tls)", transport: "tls",
                                      extra: "ca_file = \"\(pki.caFile)\"")
        toml += EngineHarness.account("udp6", user: "alice", password: "alicepw", registrar: "sip:[::1]:\(port)", transport: "udp")
        toml += EngineHarness.account("tcp6", user: "bob", password: "bobpw", registrar: "sip:[::1]:\(port)", transport: "tcp")
        toml += EngineHarness.account("tls6", user: "carol", password: "carolpw", registrar: "sip:[::1]:\(tls)", transport: "tls",
                                      extra: "ca_file = \"\(pki.caFile)\"")
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml), options: EngineOptions(attemptTimeout: .seconds(3)))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        for name in ["udp4", "tcp4", "tls4", "udp6", "tcp6", "tls6"] {
            let registered = await watcher.waitForRegistration(of: name)
            #expect(registered, "\(name) did not register:\n\(watcher.timeline(name))")
        }
        let accounts = await engine.accounts()
        #expect(accounts.map(\.name) == ["udp4", "tcp4", "tls4", "udp6", "tcp6", "tls6"])
        let servers = Dictionary(uniqueKeysWithValues: accounts.map { ($0.name, $0.server ?? "") })
        #expect(servers["udp4"] == "UDP 127.0.0.1:\(port)")
        #expect(servers["tcp6"] == "TCP [::1]:\(port)")
        #expect(servers["tls6"] == "TLS [::1]:\(tls)")
        for account in accounts {
            // kamailio lists the binding we sent in its 200 (the Contact the server saw).
            #expect(account.contactSeen != nil, "\(account.name): \(watcher.timeline(account.name))")
            if case .registered(let expires, _) = account.status { #expect(expires == 60) }
        }
        #expect(accounts.first { $0.name == "tls4" }?.tls?.verified == true)
        // The digest response never reaches a trace.
        let traces = watcher.traces
        #expect(traces.contains { $0.text.contains("Authorization: Digest") })
        #expect(!traces.contains { $0.text.range(of: #"response="[0-9a-f]{32}""#, options: .regularExpression) != nil })
        await engine.shutdown()
        let final = await engine.accounts()
        #expect(final.allSatisfy { if case .unregistered = $0.status { true } else { false } }, "\(final.map { "\($0.name): \($0.status)" })")
        await kamailio.stop()
    }

    @Test func aWrongPasswordIsDiagnosed() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "wrongpw", certificate: pki.server, users: Self.users))
        let toml = EngineHarness.account(
            "alice", user: "alice", password: "not-the-password", registrar: "sip:127.0.0.1:\(kamailio.port)", transport: "udp")
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        let failed = await watcher.wait { $0.snapshots["alice"]?.diagnosis != nil }
        #expect(failed)
        let diagnosis = watcher.snapshots["alice"]?.diagnosis ?? ""
        #expect(diagnosis.contains("rejected the credentials"), "\(diagnosis)")
        #expect(diagnosis.contains("\"alice\""))
        // The password itself appears nowhere.
        #expect(!(watcher.timeline("alice")).contains("not-the-password"))
        #expect(!watcher.traces.contains { $0.text.contains("not-the-password") })
        await engine.shutdown()
        await kamailio.stop()
    }

    /// The registrar refreshes: with a 10 s grant, a second REGISTER is sent before expiry and
    /// accepted, on the same flow.
    @Test func refreshesBeforeExpiry() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "refresh", certificate: pki.server, users: Self.users, minExpires: 10))
        let toml = EngineHarness.account(
            "alice", user: "alice", password: "alicepw", registrar: "sip:127.0.0.1:\(kamailio.port)", transport: "tcp",
            extra: "").replacingOccurrences(of: "expires = 60", with: "expires = 10")
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        #expect(await watcher.waitForRegistration(of: "alice"))
        let refreshed = await watcher.wait(within: .seconds(30)) { state in
            (state.steps["alice"] ?? []).filter { $0.kind == "expires" && $0.detail.hasPrefix("registered") }.count >= 2
        }
        #expect(refreshed, "\(watcher.timeline("alice"))")
        await engine.shutdown()
        await kamailio.stop()
    }

    /// kamailio restarts: the TCP flow dies, the engine re-registers as soon as the server is
    /// back (within the back-off), on the same ports.
    @Test func reRegistersAfterKamailioRestarts() async throws {
        let pki = try await TestCertificateAuthority()
        let first = try await Kamailio(.init(name: "restart", certificate: pki.server, users: Self.users))
        let toml = EngineHarness.account(
            "alice", user: "alice", password: "alicepw", registrar: "sip:127.0.0.1:\(first.port)", transport: "tcp")
        let engine = PhoneEngine(
            configuration: try EngineHarness.configuration(toml),
            options: EngineOptions(attemptTimeout: .seconds(2), backoff: .init(baseTimeAllFailed: .seconds(1), baseTimeOK: .seconds(1), maxTime: .seconds(4))))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        #expect(await watcher.waitForRegistration(of: "alice"))
        await first.stop()
        let noticed = await watcher.wait { state in
            if case .registered? = state.snapshots["alice"]?.status { false } else { true }
        }
        #expect(noticed, "\(watcher.timeline("alice"))")
        let second = try await Kamailio(first.configuration)
        let back = await watcher.waitForRegistration(of: "alice", within: .seconds(30))
        #expect(back, "\(watcher.timeline("alice"))")
        await engine.shutdown()
        await second.stop()
    }
}
