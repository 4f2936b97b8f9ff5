import Foundation
import PhoneEngine
import Testing
import TestSupport

/// Accounts at run time: disable (un-REGISTER), enable (register again), re-register now; and
/// OPTIONS to Dialtone answered with its capabilities (RFC 3261 §11.2).
@Suite(.timeLimit(.minutes(2))) struct AccountControlTests {
    @Test func disableEnableAndReRegisterAtRunTime() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "control", certificate: pki.server, users: [("alice", "alicepw"), ("bob", "bobpw")]))
        var toml = "[general]\nlisten = [\"udp:127.0.0.1:0\"]\n\n"
        toml += EngineHarness.account("home", user: "alice", password: "alicepw", registrar: "sip:127.0.0.1:\(kamailio.port)", transport: "udp")
        toml += EngineHarness.account("work", user: "bob", password: "bobpw", registrar: "sip:127.0.0.1:\(kamailio.port)", transport: "udp")
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        #expect(await watcher.waitForRegistration(of: "home"))
        #expect(await watcher.waitForRegistration(of: "work"))

        #expect(await engine.disable(account: "home"))
        let home = await engine.accounts().first { $0.name == "home" }
        #expect(home.map { if case .unregistered = $0.status { true } else { false } } == true, "\(String(describing: home?.status))")
        // The other account is untouched.
        #expect(await engine.accounts().first { $0.name == "work" }?.isRegistered == true)

        #expect(await engine.enable(account: "home"))
        #expect(await watcher.waitForRegistration(of: "home"))

        let requestsBefore = watcher.timeline("work").components(separatedBy: "request: REGISTER").count
        #expect(await engine.reRegister(account: "work"))
        let refreshed = await watcher.wait { _ in
            watcher.timeline("work").components(separatedBy: "request: REGISTER").count > requestsBefore
        }
        #expect(refreshed)
        #expect(await engine.disable(account: "nobody") == false)
        await engine.shutdown()
        await kamailio.stop()
    }

    @Test func optionsAreAnsweredWithCapabilities() async throws {
        let engine = PhoneEngine(configuration: try EngineHarness.configuration("[general]\nlisten = [\"udp:127.0.0.1:0\"]\n"))
        let listeners = try await engine.start()
        let port = try #require(listeners.first).local.port
        let socket = try RawUDPSocket()
        let options = "OPTIONS sip:127.0.0.1:\(port) SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:\(socket.port);branch=z9hG4bK-options-1\r\n"
            + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p1\r\nTo: <sip:127.0.0.1:\(port)>\r\n"
            + "Call-ID: options-1@test\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        #expect(socket.send(Array(options.utf8), to: "127.0.0.1", port: port))
        let answer = try await OffPool.run { () -> String? in
            for _ in 0..<3000 {
                if let bytes = socket.tryReceive() { return String(decoding: bytes, as: UTF8.self) }
                usleep(10_000)
            }
            return nil
        }
        let text = try #require(answer)
        #expect(text.hasPrefix("SIP/2.0 200 OK\r\n"))
        let allow = try #require(text.components(separatedBy: "\r\n").first { $0.hasPrefix("Allow: ") })
        for method in ["INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "NOTIFY", "REFER", "MESSAGE", "INFO", "UPDATE"] {
            #expect(allow.contains(method), "\(allow)")
        }
        #expect(text.contains("Accept: application/sdp, application/simple-message-summary"))
        #expect(text.contains("Supported: outbound, path"))
        await engine.shutdown()
    }
}
