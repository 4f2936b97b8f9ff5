import Foundation
import PhoneEngine
import Testing
import TestSupport

/// NAT detection (RFC 3581): the registrar's 200 says it saw us at another address; the engine
/// registers again with that address in its Contact, says so in the timeline, and shows the
/// public address. sipp plays the registrar (it checks the corrected Contact itself).
@Suite(.timeLimit(.minutes(2))) struct NATRegistrationTests {
    @Test func aRewrittenAddressIsDetectedAndRegisteredAgain() async throws {
        let sipp = try Sipp(scenario: "nat-registrar.xml", target: nil)
        let toml = """
            [general]
            listen = ["udp:127.0.0.1:0"]

            [[accounts]]
            name = "alice"
            aor = "sip:alice@example.test"
            registrar = "sip:127.0.0.1:\(sipp.port)"
            transport = "udp"
            expires = 60
            mwi = false
            keepalive = "off"
            """
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        let corrected = await watcher.wait { state in
            guard let account = state.snapshots["alice"], account.isRegistered else { return false }
            return account.contactSent?.contains("203.0.113.7:40000") == true
        }
        #expect(corrected, "\(watcher.timeline("alice"))\n\(sipp.log)")
        #expect(watcher.snapshots["alice"]?.publicAddress == "203.0.113.7:40000")
        #expect(watcher.timeline("alice").contains("nat: the server saw us at 203.0.113.7:40000"))
        await engine.shutdown()
        #expect(await sipp.waitForExit(within: .seconds(20)) == 0, "\(sipp.log)")
    }
}
