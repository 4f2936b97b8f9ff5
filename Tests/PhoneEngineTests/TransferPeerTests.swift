import Foundation
import PhoneEngine
import Testing
import TestSupport

/// Transfers end to end. Blind transfer (RFC 3515) with baresip as transferee and as target,
/// and with baresip transferring us; attended transfer (RFC 5589 §7, Replaces per RFC 3891)
/// between three engines in one process, because baresip 1.0 neither sends nor accepts
/// Replaces.
@Suite(.timeLimit(.minutes(3))) struct TransferPeerTests {
    /// We (alice) talk to baresip bob and transfer him to baresip carol: bob calls carol,
    /// our NOTIFYs report success and our call ends as transferred.
    @Test func aBlindTransferSendsBaresipToASecondBaresip() async throws {
        let bob = try await Baresip(.init(name: "transferee", user: "bob"))
        defer { Task { await bob.stop() } }
        let carol = try await Baresip(.init(name: "target", user: "carol"))
        defer { Task { await carol.stop() } }
        let alice = try await TestPhone.start("alice")
        defer { Task { await alice.stop() } }
        let id = try await alice.engine.dial(bob.directURI)
        #expect(await alice.waitFor("answered", call: id) != nil, "\(bob.log)")

        #expect(await alice.engine.transfer(id, to: carol.directURI))
        let ended = try #require(await alice.waitFor("ended", call: id), "\(bob.log)\n\(carol.log)")
        if case .ended(_, let reason, _) = ended.kind { #expect(reason == "Transferred", "\(bob.log)") }
        let progress = alice.watcher.current.callEvents.compactMap { event -> Int? in
            if event.call == id, case .transferProgress(let code, _) = event.kind { code } else { nil }
        }
        #expect(progress.last == 200, "\(progress)")
        // carol's baresip got bob's INVITE and answered it (auto-answer).
        let referred = alice.watcher.traces.contains { $0.direction == .sent && $0.firstLine.hasPrefix("REFER ") && $0.text.contains("Refer-To: <\(carol.directURI)>") }
        #expect(referred)
        #expect(await carol.waitForLog("sip:bob@"), "\(carol.log)")
        #expect(await alice.engine.calls().isEmpty)
    }

    /// baresip bob talks to us and blind-transfers us to baresip carol: we accept the REFER,
    /// call carol and the call to carol is answered.
    @Test func baresipTransfersUsToASecondBaresip() async throws {
        let bob = try await Baresip(.init(name: "transferor", user: "bob"))
        defer { Task { await bob.stop() } }
        let carol = try await Baresip(.init(name: "target2", user: "carol"))
        defer { Task { await carol.stop() } }
        let alice = try await TestPhone.start("alice")
        defer { Task { await alice.stop() } }
        let first = try await alice.engine.dial(bob.directURI)
        #expect(await alice.waitFor("answered", call: first) != nil, "\(bob.log)")
        try await bob.command("transfer", carol.directURI)
        #expect(await alice.waitFor("answered", count: 2) != nil, "\(bob.log)\n\(carol.log)")
        let active = await alice.engine.calls().filter { $0.state == .active }
        #expect(active.map(\.remoteURI) == [carol.directURI])
        // Our NOTIFY with sipfrag 200 tells bob the transfer worked (RFC 3515 §2.4.5).
        let notified = await alice.watcher.wait { state in
            state.traces.contains { $0.direction == .sent && $0.firstLine.hasPrefix("NOTIFY ") && $0.text.contains("SIP/2.0 200") }
        }
        #expect(notified, "\(LinphonecCallTests.messages(alice.watcher))")
    }

    /// alice talks to bob, consults carol, then completes: bob's INVITE with Replaces takes
    /// over carol's call with alice; alice's two calls end and bob talks to carol.
    @Test func anAttendedTransferConnectsTheTransfereeToTheConsultedParty() async throws {
        let alice = try await TestPhone.start("alice")
        defer { Task { await alice.stop() } }
        let bob = try await TestPhone.start("bob")
        defer { Task { await bob.stop() } }
        let carol = try await TestPhone.start("carol")
        defer { Task { await carol.stop() } }
        let toBob = try await alice.engine.dial(bob.uri)
        let atBob = try #require(await bob.waitFor("incoming"))
        _ = await bob.engine.answer(atBob.call)
        #expect(await alice.waitFor("answered", call: toBob) != nil)
        // The consultation call holds bob (one line talks at a time).
        let toCarol = try await alice.engine.dial(carol.uri)
        let atCarol = try #require(await carol.waitFor("incoming"))
        _ = await carol.engine.answer(atCarol.call)
        #expect(await alice.waitFor("answered", call: toCarol) != nil)
        #expect(await bob.waitFor("remote_hold", call: atBob.call) != nil)

        #expect(await alice.engine.attendedTransfer(toBob, replacing: toCarol))
        let replacing = try #require(await carol.waitFor("incoming", count: 2))
        #expect(await alice.waitFor("ended", call: toBob) != nil,
                "bob:\n\(LinphonecCallTests.messages(bob.watcher))\ncarol:\n\(LinphonecCallTests.messages(carol.watcher))")
        #expect(await alice.waitFor("ended", call: toCarol) != nil)
        #expect(await carol.waitFor("ended", call: atCarol.call) != nil)
        #expect(await bob.waitFor("ended", call: atBob.call) != nil)
        let bobInvite = bob.watcher.traces.first { $0.direction == .sent && $0.firstLine.hasPrefix("INVITE \(carol.uri)") }
        #expect(bobInvite?.text.contains("Replaces: ") == true, "\(bob.watcher.traces.map(\.firstLine))")
        #expect(await carol.waitFor("answered", call: replacing.call) != nil)
        #expect(await bob.waitFor("answered", count: 2) != nil)
        #expect(await bob.engine.calls().map(\.state) == [.active])
        #expect(await carol.engine.calls().map(\.state) == [.active])
        #expect(await alice.engine.calls().isEmpty)
    }
}
