import Foundation
import PhoneEngine
import Testing
import TestSupport

/// Calls through a real kamailio (registrar and proxy, digest on both sides) to and from a
/// real linphonec — an implementation independent of ours and of baresip's.
@Suite(.timeLimit(.minutes(3))) struct LinphonecCallTests {
    static let users = [(name: "alice", password: "alicepw"), (name: "carol", password: "carolpw")]

    static func carol(_ kamailio: Kamailio, autoAnswer: Bool = false) async throws -> Linphonec {
        try await Linphonec(.init(name: "carol", user: "carol", password: "carolpw",
                                  proxy: "127.0.0.1:\(kamailio.port)", autoAnswer: autoAnswer))
    }

    @Test func dialtoneCallsLinphonecWhichAnswersAndSeesHoldAndResume() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "linphonec-out", certificate: pki.server, users: Self.users))
        defer { Task { await kamailio.stop() } }
        let carol = try await Self.carol(kamailio)
        defer { Task { await carol.stop() } }
        let (engine, watcher) = try await KamailioCallTests.alice(kamailio)

        let id = try await engine.dial("carol")
        #expect(await carol.waitForLog("Receiving new incoming call from"), "\(carol.log)\n\(kamailio.log)")
        #expect(await KamailioCallTests.waitFor(watcher, "ringing", call: id) != nil)
        carol.command("answer")
        #expect(await KamailioCallTests.waitFor(watcher, "answered", call: id) != nil, "\(carol.log)")
        #expect(await carol.waitForLog("connected."), "\(carol.log)")

        #expect(await engine.hold(id))
        #expect(await KamailioCallTests.waitFor(watcher, "held", call: id) != nil, "\(Self.messages(watcher))")
        #expect(await carol.waitForLog("has been paused by"), "\(carol.log)")
        #expect(await engine.resume(id))
        #expect(await KamailioCallTests.waitFor(watcher, "resumed", call: id) != nil, "\(carol.log)")

        #expect(await engine.hangUp(id))
        #expect(await KamailioCallTests.waitFor(watcher, "ended", call: id) != nil)
        #expect(await carol.waitForLog("ended ("), "\(carol.log)")
        let byeAnswered = await watcher.wait { state in
            state.traces.contains { $0.direction == .received && $0.text.hasPrefix("SIP/2.0 200") && $0.text.contains(" BYE") }
        }
        #expect(byeAnswered, "\(carol.log)")
        await engine.shutdown()
    }

    @Test func linphonecCallsDialtoneWhichAnswersThenLinphonecHoldsAndHangsUp() async throws {
        let pki = try await TestCertificateAuthority()
        let kamailio = try await Kamailio(.init(name: "linphonec-in", certificate: pki.server, users: Self.users))
        defer { Task { await kamailio.stop() } }
        let carol = try await Self.carol(kamailio)
        defer { Task { await carol.stop() } }
        let (engine, watcher) = try await KamailioCallTests.alice(kamailio)

        carol.command("call sip:alice@example.test")
        let incoming = try #require(await KamailioCallTests.waitFor(watcher, "incoming"), "\(carol.log)\n\(kamailio.log)")
        if case .incoming(let from, _) = incoming.kind { #expect(from == "sip:carol@example.test") }
        #expect(await carol.waitForLog("ringing."), "\(carol.log)")
        #expect(await engine.answer(incoming.call))
        #expect(await KamailioCallTests.waitFor(watcher, "answered", call: incoming.call) != nil)
        #expect(await carol.waitForLog("connected."), "\(carol.log)")

        // linphonec's own hold: a re-INVITE with a=sendonly, shown as remote hold (RFC 3264 §8.4).
        carol.command("pause")
        let held = await KamailioCallTests.waitFor(watcher, "remote_hold", call: incoming.call)
        #expect(held?.kind == .remoteHold(true), "\(carol.log)")
        #expect(await carol.waitForLog("is now paused."), "\(carol.log)")

        carol.command("terminate")
        let ended = try #require(await KamailioCallTests.waitFor(watcher, "ended", call: incoming.call), "\(carol.log)")
        if case .ended(_, let reason, _) = ended.kind { #expect(reason == "Remote party hung up") }
        await engine.shutdown()
    }

    static func messages(_ watcher: EngineWatcher) -> String {
        watcher.traces.map { "\($0.direction) \($0.time)\n\($0.text)" }.joined(separator: "\n----\n")
    }
}
