import DialtoneConfig
import Foundation
import PhoneEngine
import SIPRegistration
import SIPTransport
import Testing
import TestSupport

/// The voicemail indicator (RFC 3842) against sipp: an unsolicited NOTIFY (Asterisk style) and
/// a real subscription with a NOTIFY in its dialog.
@Suite(.timeLimit(.minutes(2))) struct VoicemailTests {
    @Test func anUnsolicitedNotifySetsTheVoicemailCounts() async throws {
        let toml = """
            [general]
            listen = ["udp:127.0.0.1:0"]

            [[accounts]]
            name = "alice"
            aor = "sip:alice@example.test"
            registrar = "sip:127.0.0.1:9"
            register = false
            mwi = false
            """
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml))
        let watcher = EngineWatcher(engine)
        let listeners = try await engine.start()
        let port = try #require(listeners.first { $0.transport == .udp }).local.port
        let sipp = try Sipp(scenario: "mwi-unsolicited-notify.xml", target: "127.0.0.1:\(port)")
        let exit = await sipp.waitForExit(within: .seconds(30))
        #expect(exit == 0, "\(sipp.log)")
        let counted = await watcher.wait { $0.snapshots["alice"]?.voicemail != nil }
        #expect(counted)
        let summary = try #require(watcher.snapshots["alice"]?.voicemail)
        #expect(summary.messagesWaiting)
        #expect(summary.voice?.new == 2)
        #expect(summary.voice?.old == 8)
        #expect(summary.voice?.urgentNew == 1)
        await engine.shutdown()
    }

    @Test func theSubscriptionsNotifySetsTheVoicemailCounts() async throws {
        let sipp = try Sipp(scenario: "mwi-server.xml", target: nil, calls: 2)
        let toml = """
            [general]
            listen = ["udp:127.0.0.1:0"]

            [[accounts]]
            name = "alice"
            aor = "sip:alice@example.test"
            registrar = "sip:127.0.0.1:\(sipp.port)"
            transport = "udp"
            mwi = true
            keepalive = "off"
            """
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        let counted = await watcher.wait { $0.snapshots["alice"]?.voicemail?.voice?.new == 3 }
        #expect(counted, "\(watcher.timeline("alice"))\n\(sipp.log)")
        #expect(watcher.snapshots["alice"]?.voicemail?.voice?.old == 1)
        #expect(await sipp.waitForExit(within: .seconds(10)) == 0, "\(sipp.log)")
        await engine.shutdown()
        await sipp.stop()
    }
}
