import Foundation
import PhoneEngine
import Testing
import TestSupport

/// sipp scenarios (`Tests/Peers/sipp/`) against one Dialtone engine on loopback: the things a
/// phone cannot be made to do on demand — a scripted caller that checks our answer, a redirect
/// server, a re-INVITE hold from the callee, a REFER from the far end, and glare.
@Suite(.timeLimit(.minutes(3))) struct SippCallTests {
    /// sipp as the caller: INVITE with SDP; the scenario itself checks our 200 (SDP answer,
    /// To tag, Contact) and fails (non-zero exit) if any is missing; it hangs up with BYE.
    @Test func sippCallsUsAndChecksOurAnswerThenHangsUp() async throws {
        let phone = try await TestPhone.start("alice")
        defer { Task { await phone.stop() } }
        let sipp = try Sipp(scenario: "uac-call.xml", target: "127.0.0.1:\(phone.port)", arguments: ["-s", "alice"])
        defer { Task { await sipp.stop() } }
        let incoming = try #require(await phone.waitFor("incoming"), "\(sipp.log)")
        if case .incoming(let from, let name) = incoming.kind {
            #expect(from.hasPrefix("sip:sipp@127.0.0.1"))
            #expect(name == "sipp")
        }
        #expect(await phone.engine.answer(incoming.call))
        #expect(await phone.waitFor("answered", call: incoming.call) != nil)
        let ended = try #require(await phone.waitFor("ended", call: incoming.call), "\(sipp.log)")
        if case .ended(_, let reason, _) = ended.kind { #expect(reason == "Remote party hung up") }
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)")
        #expect(try phone.history.latestCalls(1).first?.direction == .incoming)
    }

    /// A 302 names a second sipp in its Contact: we follow it (RFC 3261 §8.1.3.4), to that
    /// host and port rather than the first callee's, and connect.
    @Test func aRedirectIsFollowedToTheContactItNames() async throws {
        let callee = try Sipp(scenario: "uas-early-media-answer.xml", target: nil)
        defer { Task { await callee.stop() } }
        let redirect = "sip:moved-here@127.0.0.1:\(callee.port)"
        let sipp = try Sipp(scenario: "uas-redirect.xml", target: nil, arguments: ["-key", "redirect", redirect])
        defer { Task { await sipp.stop() } }
        #expect(await UDPPortProbe.waitUntilBound(sipp.port))
        #expect(await UDPPortProbe.waitUntilBound(callee.port))
        let phone = try await TestPhone.start("alice")
        defer { Task { await phone.stop() } }
        let id = try await phone.engine.dial("sip:moved@127.0.0.1:\(sipp.port)")
        #expect(await phone.waitFor("answered", call: id) != nil, "\(sipp.log)\n\(callee.log)\n\(Self.messages(phone))")
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)")
        let invites = phone.watcher.traces.filter { $0.direction == .sent && $0.firstLine.hasPrefix("INVITE ") }
        #expect(invites.contains { $0.firstLine == "INVITE \(redirect) SIP/2.0" }, "\(invites.map(\.firstLine))")
        #expect(await phone.engine.calls().first?.state == .active)
        #expect(await phone.engine.hangUp(id))
        #expect(await phone.waitFor("ended", call: id) != nil)
        #expect(await callee.waitForExit(within: .seconds(30)) == 0, "\(callee.log)")
        #expect(try phone.history.latestCalls(1).first?.finalStatus?.code == 200)
    }

    /// The callee holds us with a re-INVITE (a=sendonly): we answer a=recvonly (the scenario
    /// checks) and report the remote hold.
    @Test func aReINVITEHoldFromTheCalleeIsAnsweredAndShown() async throws {
        let sipp = try Sipp(scenario: "uas-answer-then-hold.xml", target: nil)
        defer { Task { await sipp.stop() } }
        #expect(await UDPPortProbe.waitUntilBound(sipp.port))
        let phone = try await TestPhone.start("alice")
        defer { Task { await phone.stop() } }
        let id = try await phone.engine.dial("sip:service@127.0.0.1:\(sipp.port)")
        #expect(await phone.waitFor("answered", call: id) != nil, "\(sipp.log)")
        let held = await phone.waitFor("remote_hold", call: id)
        #expect(held?.kind == .remoteHold(true), "\(sipp.log)")
        #expect(await phone.engine.hangUp(id))
        #expect(await phone.waitFor("ended", call: id) != nil)
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)")
    }

    /// The far end REFERs us to a baresip: we accept (202), place the new call, report its
    /// progress in NOTIFY sipfrag bodies (100 Trying first, 200 OK last; RFC 3515 §2.4.4), and
    /// the old call ends with sipp's BYE.
    @Test func aREFERFromTheFarEndPlacesTheNewCallAndNotifiesItsProgress() async throws {
        let baresip = try await Baresip(.init(name: "transfer-target", user: "carol"))
        defer { Task { await baresip.stop() } }
        let sipp = try Sipp(scenario: "uas-answer-then-refer.xml", target: nil, arguments: ["-key", "referto", baresip.directURI])
        defer { Task { await sipp.stop() } }
        #expect(await UDPPortProbe.waitUntilBound(sipp.port))
        let phone = try await TestPhone.start("alice")
        defer { Task { await phone.stop() } }
        let first = try await phone.engine.dial("sip:service@127.0.0.1:\(sipp.port)")
        #expect(await phone.waitFor("answered", call: first) != nil, "\(sipp.log)")
        // The new call to baresip is answered, the old one ends by the transferor's BYE.
        #expect(await phone.waitFor("answered", count: 2) != nil, "\(sipp.log)\n\(baresip.log)")
        #expect(await phone.waitFor("ended", call: first) != nil, "\(sipp.log)")
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)\n\(Self.messages(phone))")
        let notifies = phone.watcher.traces.filter { $0.direction == .sent && $0.firstLine.hasPrefix("NOTIFY ") }
        let fragments = notifies.compactMap { $0.text.components(separatedBy: "\r\n\r\n").last?.trimmingCharacters(in: .whitespacesAndNewlines) }
        #expect(fragments.first?.hasPrefix("SIP/2.0 100") == true, "\(fragments)")
        #expect(fragments.last?.hasPrefix("SIP/2.0 200") == true, "\(fragments)")
        #expect(notifies.allSatisfy { $0.text.contains("Content-Type: message/sipfrag") }, "\(notifies.map(\.text))")
        let remaining = await phone.engine.calls().filter { $0.state != .ended }
        #expect(remaining.map(\.remoteURI) == [baresip.directURI])
        #expect(remaining.first?.state == .active)
    }

    /// Glare (RFC 3261 §14.1): our hold re-INVITE crosses one from the callee. We refuse theirs
    /// with 491, they refuse ours with 491; as owner of the Call-ID we retry after 2.1-4 s and
    /// the retry is accepted.
    @Test func reINVITEGlareIsRefusedBothWaysAndOurRetrySucceeds() async throws {
        let sipp = try Sipp(scenario: "uas-answer-then-glare.xml", target: nil)
        defer { Task { await sipp.stop() } }
        #expect(await UDPPortProbe.waitUntilBound(sipp.port))
        let phone = try await TestPhone.start("alice")
        defer { Task { await phone.stop() } }
        let id = try await phone.engine.dial("sip:service@127.0.0.1:\(sipp.port)")
        #expect(await phone.waitFor("answered", call: id) != nil, "\(sipp.log)")
        #expect(await phone.engine.hold(id))
        #expect(await phone.waitFor("held", call: id) != nil, "\(sipp.log)\n\(Self.messages(phone))")
        let traces = phone.watcher.traces
        #expect(traces.contains { $0.direction == .sent && $0.firstLine.hasPrefix("SIP/2.0 491") }, "\(sipp.log)")
        let refused = try #require(traces.first { $0.direction == .received && $0.firstLine.hasPrefix("SIP/2.0 491") })
        // One entry per CSeq: a retransmission (Timer A) repeats its request's CSeq.
        var seen: Set<String> = []
        let reInvites = traces.filter { $0.direction == .sent && $0.firstLine.hasPrefix("INVITE ") }
            .filter { seen.insert(Self.cseq($0.text)).inserted }.dropFirst()
        #expect(reInvites.count == 2, "\(reInvites.map(\.text))")
        // §14.1: the Call-ID's owner waits at least 2.1 s before trying again.
        if let retry = reInvites.last { #expect(retry.time - refused.time >= .milliseconds(2100)) }
        #expect(await phone.engine.hangUp(id))
        #expect(await phone.waitFor("ended", call: id) != nil)
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)")
    }

    /// Two 200s with different To tags for one INVITE (a forking proxy): the first wins, the
    /// second is ACKed and BYEd at once (RFC 3261 §13.2.2.4); the scenario checks which BYE
    /// goes where. One call, answered once.
    @Test func aSecondForked200IsAcknowledgedAndHungUp() async throws {
        let sipp = try Sipp(scenario: "uas-forked-200s.xml", target: nil)
        defer { Task { await sipp.stop() } }
        #expect(await UDPPortProbe.waitUntilBound(sipp.port))
        let phone = try await TestPhone.start("alice")
        defer { Task { await phone.stop() } }
        let id = try await phone.engine.dial("sip:service@127.0.0.1:\(sipp.port)")
        #expect(await phone.waitFor("answered", call: id) != nil, "\(sipp.log)")
        let extraBye = await phone.watcher.wait { state in
            state.traces.contains { $0.direction == .sent && $0.firstLine.hasPrefix("BYE ") }
        }
        #expect(extraBye, "\(sipp.log)")
        #expect(await phone.engine.calls().map(\.state) == [.active])
        #expect(await phone.engine.hangUp(id))
        #expect(await phone.waitFor("ended", call: id) != nil)
        #expect(await sipp.waitForExit(within: .seconds(30)) == 0, "\(sipp.log)\n\(Self.messages(phone))")
        #expect(phone.watcher.current.callEvents.filter { $0.kind.name == "answered" }.count == 1)
    }

    static func messages(_ phone: TestPhone) -> String {
        LinphonecCallTests.messages(phone.watcher)
    }

    static func cseq(_ message: String) -> String {
        message.components(separatedBy: "\r\n").first { $0.lowercased().hasPrefix("cseq:") } ?? ""
    }
}
