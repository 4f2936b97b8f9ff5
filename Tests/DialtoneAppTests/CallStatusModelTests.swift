import DialtoneApp
import Foundation
import PhoneEngine
import TerminalUI
import Testing

/// Engine events → the call row's no-audio flag and transfer progress, and the unread counts of
/// conversations. Events fed by hand; no engine, no terminal.
@Suite struct CallStatusModelTests {
    static let epoch = EngineModelTests.epoch
    static let now = EngineModelTests.now

    static func notification(_ id: String, _ kind: CallNotification.Kind) -> EngineEvent {
        .callEvent(CallNotification(call: EngineCallID(id), account: "home", kind: kind))
    }

    func row(_ model: EngineModel) -> CallRow? {
        model.callRows().first
    }

    @Test func noAudioIsFlaggedFromWhenItStartedAndClearedWhenItReturns() throws {
        var model = EngineModel(engineEpoch: Self.epoch)
        _ = model.apply(EngineModelTests.call("c1", .active) { $0.remoteDisplayName = "Bob" }, at: Self.now)
        #expect(row(model)?.noAudioSince == nil)

        // The engine says so after `no_rtp_timeout` seconds of silence: the silence began then.
        let silent = { (call: inout CallSnapshot) in call.remoteDisplayName = "Bob"; call.noMediaSeconds = 10 }
        _ = model.apply(EngineModelTests.call("c1", .active, change: silent), at: Self.now)
        #expect(row(model)?.noAudioSince == Self.now.addingTimeInterval(-10))
        let notice = model.apply(Self.notification("c1", .noMedia(seconds: 10)), at: Self.now)
        #expect(notice?.hasPrefix("no audio from Bob for 10 s") == true, "\(notice ?? "nil")")

        // Another snapshot while it lasts (mute, say) keeps the start, so the count goes on.
        _ = model.apply(EngineModelTests.call("c1", .active) { silent(&$0); $0.isMuted = true }, at: Self.now.addingTimeInterval(30))
        #expect(row(model)?.noAudioSince == Self.now.addingTimeInterval(-10))

        _ = model.apply(EngineModelTests.call("c1", .active) { $0.remoteDisplayName = "Bob" }, at: Self.now.addingTimeInterval(31))
        #expect(row(model)?.noAudioSince == nil)
        #expect(model.apply(Self.notification("c1", .mediaRestored), at: Self.now) == "audio from Bob again")

        _ = model.apply(EngineModelTests.call("c1", .active, change: silent), at: Self.now)
        _ = model.apply(EngineModelTests.call("c1", .ended), at: Self.now)
        #expect(model.noAudioSince.isEmpty, "an ended call's flag is forgotten")
        #expect(model.apply(Self.notification("c1", .noMedia(seconds: 10)), at: Self.now) == nil, "no notice for a call gone")
    }

    @Test func aBlindTransferIsInProgressThenSucceeds() {
        var model = EngineModel(engineEpoch: Self.epoch)
        _ = model.apply(EngineModelTests.call("c1", .active) { $0.remoteDisplayName = "Bob" }, at: Self.now)
        model.transferStarted(EngineCallID("c1"))
        #expect(row(model)?.transfer == .inProgress(statusCode: nil))

        // RFC 3515 §2.4.5: NOTIFYs carry the referee's progress as a sipfrag status line.
        #expect(model.apply(Self.notification("c1", .transferProgress(statusCode: 180, reasonPhrase: "Ringing")), at: Self.now)
            == "transfer of Bob: 180 Ringing")
        #expect(row(model)?.transfer == .inProgress(statusCode: 180))
        #expect(model.apply(Self.notification("c1", .transferProgress(statusCode: 200, reasonPhrase: "OK")), at: Self.now)
            == "Bob transferred")
        #expect(row(model)?.transfer == .succeeded)

        #expect(model.apply(EngineModelTests.call("c1", .ended) { $0.remoteDisplayName = "Bob"; $0.endCode = 200 }, at: Self.now)
            == "call with Bob transferred")
        #expect(model.transfers.isEmpty)
    }

    @Test func aFailedTransferStaysUntilTheCallChanges() {
        var model = EngineModel(engineEpoch: Self.epoch)
        _ = model.apply(EngineModelTests.call("c1", .held), at: Self.now)
        model.transferStarted(EngineCallID("c1"))
        let notice = model.apply(Self.notification("c1", .transferProgress(statusCode: 603, reasonPhrase: "Declined")), at: Self.now)
        #expect(notice == "transfer of sip:bob@example.com failed: 603 Declined")
        #expect(row(model)?.transfer == .failed(statusCode: 603, reasonPhrase: "Declined"))

        // A snapshot that changes nothing visible (a mute) keeps it; resuming the call clears it.
        _ = model.apply(EngineModelTests.call("c1", .held) { $0.isMuted = true }, at: Self.now)
        #expect(row(model)?.transfer != nil)
        _ = model.apply(EngineModelTests.call("c1", .active), at: Self.now)
        #expect(row(model)?.transfer == nil)
        #expect(row(model)?.state == .talking)
    }

    @Test func aTransferTheEngineNeverSentIsTakenBack() {
        var model = EngineModel(engineEpoch: Self.epoch)
        _ = model.apply(EngineModelTests.call("c1", .active), at: Self.now)
        model.transferStarted(EngineCallID("c1"))
        model.transferNotStarted(EngineCallID("c1"))
        #expect(row(model)?.transfer == nil)
        // Unknown calls never get a transfer.
        model.transferStarted(EngineCallID("nope"))
        #expect(model.transfers.isEmpty)
    }

    @Test func openingAConversationClearsOnlyItsUnreadCount() {
        var model = EngineModel(engineEpoch: Self.epoch)
        for (from, text) in [("sip:bob@example.com", "one"), ("sip:carol@example.com", "hi"), ("sip:bob@example.com", "two")] {
            _ = model.apply(.message(InstantMessageNotification(account: "home", from: from, displayName: nil, text: text)), at: Self.now)
        }
        let unread = { model.snapshot(engineNow: .zero, contacts: [], history: []).conversations.map { "\($0.remoteURI)=\($0.unreadCount)" } }
        #expect(unread() == ["sip:bob@example.com=2", "sip:carol@example.com=1"])

        // The address compares as ContactNames does: the case of the user part does not matter.
        let changed = model.markConversationRead(remoteURI: "sip:BOB@example.com", account: "home")
        #expect(changed)
        #expect(unread() == ["sip:bob@example.com=0", "sip:carol@example.com=1"], "reading does not reorder")
        let again = model.markConversationRead(remoteURI: "sip:bob@example.com", account: "home")
        #expect(!again, "nothing left to read")
        let otherAccount = model.markConversationRead(remoteURI: "sip:carol@example.com", account: "work")
        #expect(!otherAccount, "another account's")
        let stranger = model.markConversationRead(remoteURI: "sip:nobody@example.com", account: "home")
        #expect(!stranger)

        _ = model.apply(.message(InstantMessageNotification(account: "home", from: "sip:bob@example.com", displayName: nil, text: "3")), at: Self.now)
        #expect(unread() == ["sip:bob@example.com=1", "sip:carol@example.com=1"])
    }
}
