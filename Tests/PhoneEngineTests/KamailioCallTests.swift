import CallHistory
import Foundation
import PhoneEngine
import Testing
import TestSupport

/// Calls through a real kamailio (registrar and record-routing proxy with digest
/// authentication) to and from a real baresip, and against sipp scenarios, on loopback only.
@Suite(.timeLimit(.minutes(3))) struct KamailioCallTests {
    static let users = [(name: "alice", password: "alicepw"), (name: "bob", password: "bobpw")]

    /// Our engine as alice, registered through kamailio over UDP.
    static func alice(_ kamailio: Kamailio, history: CallHistoryStore? = nil) async throws -> (PhoneEngine, EngineWatcher) {
        let port = try LoopbackPort.free()
        let toml = """
            [general]
            listen = ["udp:127.0.0.1:\(port)"]
            accept_unknown_invites = false

            """ + EngineHarness.account(
                "alice", user: "alice", password: "alicepw", registrar: "sip:127.0.0.1:\(kamailio.port)", transport: "udp",
                extra: "[accounts.extra_headers]\nP-Charge-Info = \"<sip:+4930123456@example.test>\"")
        let engine = PhoneEngine(
            configuration: try EngineHarness.configuration(toml),
            options: EngineOptions(history: history.map { .store($0) } ?? .none))
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        let registered = await watcher.waitForRegistration(of: "alice")
        #expect(registered, "\(watcher.timeline("alice"))")
        return (engine, watcher)
    }

    static func waitFor(_ watcher: EngineWatcher, _ name: String, call: CallID? = nil) async -> CallNotification? {
        let matching: @Sendable (EngineWatcher.State) -> CallNotification? = { state in
            state.callEvents.first { $0.kind.name == name && (call == nil || $0.call == call) }
        }
        _ = await watcher.wait { matching($0) != nil }
        return matching(watcher.current)
    }

    @Test func anOutgoingCallToBaresipIsAnsweredHeldResumedAndHungUp() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "calls-out", certificate: pki.server, users: Self.users))
        let baresip = try await Baresip(.init(name: "bob", user: "bob", password: "bobpw", proxy: "127.0.0.1:\(kamailio.port)"))
        let directory = try TemporaryDirectory(prefix: "calls-history")
        let history = try CallHistoryStore(databaseURL: URL(fileURLWithPath: directory.file("history.sqlite")))
        let (engine, watcher) = try await Self.alice(kamailio, history: history)

        let id = try await engine.dial("bob")
        let answered = await Self.waitFor(watcher, "answered", call: id)
        #expect(answered != nil, "\(baresip.log)\n\(kamailio.log)")
        // The INVITE carried the account's extra header and answered kamailio's 407.
        #expect(watcher.traces.contains { $0.text.hasPrefix("INVITE") && $0.text.contains("P-Charge-Info: <sip:+4930123456@example.test>") })
        #expect(watcher.traces.contains { $0.text.hasPrefix("INVITE") && $0.text.contains("Proxy-Authorization: Digest") })

        #expect(await engine.hold(id))
        #expect(await Self.waitFor(watcher, "held", call: id) != nil)
        #expect(await engine.resume(id))
        #expect(await Self.waitFor(watcher, "resumed", call: id) != nil)
        // baresip saw the hold: it answered our a=sendonly offer with a=recvonly (RFC 3264 §8.4).
        #expect(watcher.traces.contains { $0.direction == .received && $0.text.hasPrefix("SIP/2.0 200") && $0.text.contains("a=recvonly") },
                "\(baresip.log)")

        #expect(await engine.hangUp(id))
        #expect(await Self.waitFor(watcher, "ended", call: id) != nil)
        // baresip answered the BYE.
        let byeAnswered = await watcher.wait { state in
            state.traces.contains { $0.direction == .received && $0.text.hasPrefix("SIP/2.0 200") && $0.text.contains("BYE") }
        }
        #expect(byeAnswered, "\(baresip.log)")
        let record = try history.latestCalls(1).first
        #expect(record?.direction == .outgoing)
        #expect(record?.finalStatus?.code == 200)
        #expect(record?.remote.uri == "sip:bob@example.test")
        await engine.shutdown()
        await baresip.stop()
        await kamailio.stop()
    }

    @Test func anIncomingCallFromBaresipIsAnsweredAndHungUpByTheCaller() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "calls-in", certificate: pki.server, users: Self.users))
        let baresip = try await Baresip(.init(name: "bob", user: "bob", password: "bobpw", proxy: "127.0.0.1:\(kamailio.port)"))
        let (engine, watcher) = try await Self.alice(kamailio)

        try await baresip.command("dial", "sip:alice@example.test")
        let incoming = try #require(await Self.waitFor(watcher, "incoming"), "\(baresip.log)")
        if case .incoming(let from, _) = incoming.kind { #expect(from == "sip:bob@example.test") }
        #expect(await engine.answer(incoming.call))
        #expect(await Self.waitFor(watcher, "answered", call: incoming.call) != nil)
        try await baresip.command("hangup")
        let ended = try #require(await Self.waitFor(watcher, "ended", call: incoming.call))
        if case .ended(_, let reason, _) = ended.kind { #expect(reason == "Remote party hung up") }
        await engine.shutdown()
        await baresip.stop()
        await kamailio.stop()
    }

    @Test func aMessageReachesBaresipThroughTheProxy() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "messages", certificate: pki.server, users: Self.users))
        let baresip = try await Baresip(.init(name: "bob", user: "bob", password: "bobpw", proxy: "127.0.0.1:\(kamailio.port)"))
        let (engine, watcher) = try await Self.alice(kamailio)
        let status = try await engine.sendMessage(to: "bob", text: "hello from dialtone")
        // kamailio never answers a MESSAGE itself: the 200 it relays is baresip's.
        #expect(status == 200, "\(kamailio.log)")
        #expect(watcher.traces.contains { $0.direction == .sent && $0.text.hasPrefix("MESSAGE") && $0.text.contains("Proxy-Authorization") })
        #expect(baresip.isRunning)
        await engine.shutdown()
        await baresip.stop()
        await kamailio.stop()
    }

    @Test func sippEarlyMediaThenAnswer() async throws {
        let sipp = try Sipp(scenario: "uas-early-media-answer.xml", target: nil)
        #expect(await UDPPortProbe.waitUntilBound(sipp.port))
        let phone = try await TestPhone.start("alice")
        let id = try await phone.engine.dial("sip:service@127.0.0.1:\(sipp.port)")
        #expect(await phone.waitFor("early_media", call: id) != nil)
        #expect(await phone.waitFor("answered", call: id) != nil, "\(sipp.log)")
        #expect(await phone.engine.hangUp(id))
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)")
        await phone.stop()
    }
}
