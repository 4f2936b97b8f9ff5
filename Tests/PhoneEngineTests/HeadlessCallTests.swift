import CallHistory
import Foundation
import PhoneEngine
import Testing
import TestSupport

/// Two (or three) Dialtone engines in one process calling each other directly over loopback
/// UDP: the fast end-to-end check of the call actor, the engine's dispatch and the dialog
/// machine together, with no other program involved.
@Suite(.timeLimit(.minutes(2))) struct HeadlessCallTests {
    @Test func aCallIsAnsweredHungUpAndRecordedOnBothSides() async throws {
        let alice = try await TestPhone.start("alice")
        let bob = try await TestPhone.start("bob")
        let outgoing = try await alice.engine.dial(bob.uri)
        let incoming = try #require(await bob.waitFor("incoming"))
        #expect(await alice.waitFor("ringing", call: outgoing) != nil)
        #expect(await bob.engine.answer(incoming.call))
        let answered = try #require(await alice.waitFor("answered", call: outgoing))
        if case .answered(let codec, let encryption) = answered.kind {
            #expect(codec == "PCMU/8000")
            #expect(encryption == "none")
        }
        #expect(await bob.waitFor("answered", call: incoming.call) != nil)
        #expect(await alice.engine.calls().map(\.state) == [.active])
        #expect(await alice.engine.hangUp(outgoing))
        let aliceEnd = try #require(await alice.waitFor("ended", call: outgoing))
        let bobEnd = try #require(await bob.waitFor("ended", call: incoming.call))
        if case .ended(_, let reason, let duration) = bobEnd.kind {
            #expect(reason == "Remote party hung up")
            #expect(duration != nil)
        }
        #expect(aliceEnd.kind.endCode == nil)
        #expect(await alice.engine.calls().isEmpty)
        let aliceRecords = try alice.history.latestCalls(5)
        let bobRecords = try bob.history.latestCalls(5)
        #expect(aliceRecords.count == 1 && bobRecords.count == 1)
        #expect(aliceRecords.first?.direction == .outgoing)
        #expect(aliceRecords.first?.remote.uri == bob.uri)
        #expect(aliceRecords.first?.finalStatus?.code == 200)
        #expect(aliceRecords.first?.codec == "PCMU/8000")
        #expect(bobRecords.first?.direction == .incoming)
        #expect(bobRecords.first?.remote.uri == "sip:alice@alice.test")
        #expect(bobRecords.first?.times.answer != nil)
        #expect(aliceRecords.first?.callID == bobRecords.first?.callID)
        await alice.stop()
        await bob.stop()
    }

    @Test func aBusyCalleeEndsTheCallWith486() async throws {
        let alice = try await TestPhone.start("alice")
        let bob = try await TestPhone.start("bob")
        let outgoing = try await alice.engine.dial(bob.uri)
        let incoming = try #require(await bob.waitFor("incoming"))
        #expect(await bob.engine.reject(incoming.call))
        let ended = try #require(await alice.waitFor("ended", call: outgoing))
        #expect(ended.kind.endCode == 486)
        #expect(try alice.history.latestCalls(1).first?.finalStatus?.code == 486)
        #expect(try bob.history.latestCalls(1).first?.result == .busy)
        await alice.stop()
        await bob.stop()
    }

    @Test func theCallerCancelsBeforeTheAnswer() async throws {
        let alice = try await TestPhone.start("alice")
        let bob = try await TestPhone.start("bob")
        let outgoing = try await alice.engine.dial(bob.uri)
        let incoming = try #require(await bob.waitFor("incoming"))
        #expect(await alice.waitFor("ringing", call: outgoing) != nil)
        #expect(await alice.engine.hangUp(outgoing))
        let bobEnd = try #require(await bob.waitFor("ended", call: incoming.call))
        #expect(bobEnd.kind.endCode == 487)
        let aliceEnd = try #require(await alice.waitFor("ended", call: outgoing))
        #expect(aliceEnd.kind.endCode == 487)
        #expect(try bob.history.latestCalls(1).first?.result == .missed)
        await alice.stop()
        await bob.stop()
    }

    @Test func holdResumeDTMFAndMessagesReachThePeer() async throws {
        let alice = try await TestPhone.start("alice", account: "dtmf = \"info\"")
        let bob = try await TestPhone.start("bob")
        let outgoing = try await alice.engine.dial(bob.uri)
        let incoming = try #require(await bob.waitFor("incoming"))
        _ = await bob.engine.answer(incoming.call)
        #expect(await alice.waitFor("answered", call: outgoing) != nil)

        #expect(await alice.engine.hold(outgoing))
        #expect(await alice.waitFor("held", call: outgoing) != nil)
        let held = try #require(await bob.waitFor("remote_hold", call: incoming.call))
        #expect(held.kind == .remoteHold(true))
        #expect(await alice.engine.calls().first?.state == .held)
        #expect(await alice.engine.resume(outgoing))
        #expect(await alice.waitFor("resumed", call: outgoing) != nil)
        let resumed = try #require(await bob.waitFor("remote_hold", call: incoming.call, count: 2))
        #expect(resumed.kind == .remoteHold(false))

        #expect(await alice.engine.sendDTMF(outgoing, "15#"))
        #expect(await bob.waitFor("dtmf", count: 3) != nil)
        let digits = bob.watcher.current.callEvents.compactMap { if case .dtmf(let d) = $0.kind { d } else { nil } }
        #expect(String(digits) == "15#")

        let status = try await alice.engine.sendMessage(to: bob.uri, text: "hello, bob ✓")
        #expect(status == 200)
        let arrived = await bob.watcher.wait { !$0.messages.isEmpty }
        #expect(arrived)
        #expect(bob.watcher.current.messages.first?.text == "hello, bob ✓")
        #expect(bob.watcher.current.messages.first?.from == "sip:alice@alice.test")

        _ = await bob.engine.hangUp(incoming.call)
        #expect(await alice.waitFor("ended", call: outgoing) != nil)
        await alice.stop()
        await bob.stop()
    }

    @Test func aBlindTransferConnectsTheCallerToTheTarget() async throws {
        let alice = try await TestPhone.start("alice")
        let bob = try await TestPhone.start("bob")
        let carol = try await TestPhone.start("carol")
        let first = try await alice.engine.dial(bob.uri)
        let atBob = try #require(await bob.waitFor("incoming"))
        _ = await bob.engine.answer(atBob.call)
        #expect(await alice.waitFor("answered", call: first) != nil)

        #expect(await bob.engine.transfer(atBob.call, to: carol.uri))
        let atCarol = try #require(await carol.waitFor("incoming"))
        _ = await carol.engine.answer(atCarol.call)
        let progress = await bob.waitFor("transfer_progress", call: atBob.call)
        #expect(progress != nil)
        let bobEnd = try #require(await bob.waitFor("ended", call: atBob.call))
        if case .ended(_, let reason, _) = bobEnd.kind { #expect(reason == "Transferred") }
        // Alice now talks to Carol on a second call.
        let aliceCalls = alice.watcher.current.callEvents.filter { $0.kind.name == "answered" }.map(\.call)
        #expect(await alice.waitFor("answered", count: 2) != nil, "\(aliceCalls)")
        let remaining = await alice.engine.calls().filter { $0.state == .active }
        #expect(remaining.map(\.remoteURI) == [carol.uri])
        await alice.stop()
        await bob.stop()
        await carol.stop()
    }

    @Test func aSecondIncomingCallWaitsAndAnsweringItHoldsTheFirst() async throws {
        let alice = try await TestPhone.start("alice")
        let bob = try await TestPhone.start("bob")
        let carol = try await TestPhone.start("carol")
        let fromAlice = try await alice.engine.dial(bob.uri)
        let first = try #require(await bob.waitFor("incoming"))
        _ = await bob.engine.answer(first.call)
        #expect(await alice.waitFor("answered", call: fromAlice) != nil)
        _ = try await carol.engine.dial(bob.uri)
        let second = try #require(await bob.waitFor("incoming", count: 2))
        #expect(second.call != first.call)
        _ = await bob.engine.answer(second.call)
        #expect(await bob.waitFor("held", call: first.call) != nil)
        #expect(await alice.waitFor("remote_hold", call: fromAlice) != nil)
        let states = Dictionary(uniqueKeysWithValues: await bob.engine.calls().map { ($0.id, $0.state) })
        #expect(states[first.call] == .held)
        #expect(states[second.call] == .active)
        await alice.stop()
        await bob.stop()
        await carol.stop()
    }

    @Test func strangersAreRefusedWhenUnknownInvitesAreOff() async throws {
        let alice = try await TestPhone.start("alice")
        let bob = try await TestPhone.start("bob", general: "accept_unknown_invites = false")
        let outgoing = try await alice.engine.dial(bob.uri)
        let ended = try #require(await alice.waitFor("ended", call: outgoing))
        #expect(ended.kind.endCode == 403)
        #expect(bob.watcher.current.callEvents.isEmpty)
        await alice.stop()
        await bob.stop()
    }
}
