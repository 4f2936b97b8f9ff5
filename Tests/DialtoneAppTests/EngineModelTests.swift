import DialtoneApp
import Foundation
import MediaEngine
import PhoneEngine
import SIPRegistration
import SIPTransport
import TerminalUI
import Testing

/// The engine → screen mapping, fed engine events by hand: what the status bar, the calls area,
/// the messages pane and the debug pane would draw. No engine, no terminal, no network.
@Suite struct EngineModelTests {
    static let epoch = Date(timeIntervalSince1970: 1_800_000_000)
    static let now = epoch.addingTimeInterval(100)

    static func account(_ name: String, _ status: AccountSnapshot.Status) -> EngineEvent {
        .account(AccountSnapshot(name: name, aor: "sip:\(name)@example.test", status: status))
    }

    static func call(
        _ id: String, _ state: CallSnapshot.State, direction: CallSnapshot.Direction = .incoming,
        remote: String = "sip:bob@example.com", change: (inout CallSnapshot) -> Void = { _ in }
    ) -> EngineEvent {
        var snapshot = CallSnapshot(
            id: EngineCallID(id), account: "home", direction: direction, remoteURI: remote, startedAt: epoch)
        snapshot.state = state
        change(&snapshot)
        return .call(snapshot)
    }

    func snapshot(_ model: EngineModel, contacts: [ContactRow] = [], history: [HistoryEntry] = []) -> PhoneSnapshot {
        model.snapshot(engineNow: .seconds(40), contacts: contacts, history: history)
    }

    @Test func accountRowsFollowRegistration() throws {
        var model = EngineModel(engineEpoch: Self.epoch)
        #expect(model.apply(Self.account("home", .registering), at: Self.now) == nil)
        _ = model.apply(Self.account("work", .disabled), at: Self.now)
        #expect(snapshot(model).accounts == [
            AccountRow(name: "home", registration: .registering), AccountRow(name: "work", registration: .disabled),
        ])

        _ = model.apply(Self.account("home", .registered(expires: 60, refreshAt: .seconds(100))), at: Self.now)
        #expect(snapshot(model).accounts.first?.registration == .registered(refreshInSeconds: 60))
        // A refresh time already past never shows as negative.
        #expect(model.accountRows(engineNow: .seconds(500)).first?.registration == .registered(refreshInSeconds: 0))

        let diagnosis = "403 Forbidden: the password for alice is wrong\nChecked: digest realm example.test"
        _ = model.apply(Self.account("home", .failed(diagnosis: diagnosis, retryAt: nil)), at: Self.now)
        #expect(snapshot(model).accounts.first?.registration == .failed(reason: "403 Forbidden: the password for alice is wrong"))
        #expect(snapshot(model).accounts.map(\.name) == ["home", "work"], "the first-seen order is kept")
    }

    @Test func voicemailCountsComeFromTheMessageSummary() throws {
        var model = EngineModel(engineEpoch: Self.epoch)
        var account = AccountSnapshot(name: "home", aor: "sip:home@example.test", status: .registering)
        account.voicemail = try MessageSummary.parse(Array("Messages-Waiting: yes\r\nVoice-Message: 3/7 (1/0)\r\n".utf8))
        _ = model.apply(.account(account), at: Self.now)
        let row = try #require(snapshot(model).accounts.first)
        #expect(row.voicemailNew == 3)
        #expect(row.voicemailOld == 7)
    }

    @Test func anIncomingCallIsAnsweredHeldRecordedAndEnds() throws {
        var model = EngineModel(engineEpoch: Self.epoch)
        _ = model.apply(Self.call("c1", .incoming) { $0.remoteDisplayName = "Bobby" }, at: Self.now)
        var screen = snapshot(model)
        #expect(screen.calls.map(\.state) == [.ringing])
        #expect(screen.calls.first?.direction == .incoming)
        #expect(screen.incomingCalls.map(\.callerName) == ["Bobby"])

        let answeredAt = Self.epoch.addingTimeInterval(5)
        let answered = { (call: inout CallSnapshot) in
            call.answeredAt = answeredAt
            call.codec = "opus/48000/2"
            call.encryption = "srtp-sdes"
        }
        _ = model.apply(Self.call("c1", .active, change: answered), at: Self.now)
        screen = snapshot(model)
        let row = try #require(screen.calls.first)
        #expect(row.state == .talking)
        #expect(row.codec == "opus")
        #expect(row.encryption == .srtp)
        #expect(row.connectedAt == answeredAt)
        #expect(screen.incomingCalls.isEmpty)

        _ = model.apply(Self.call("c1", .active) { answered(&$0); $0.isRemoteHold = true }, at: Self.now)
        #expect(snapshot(model).calls.first?.state == .heldByRemote)
        _ = model.apply(Self.call("c1", .held) { answered(&$0) }, at: Self.now)
        #expect(snapshot(model).calls.first?.state == .onHold)

        _ = model.apply(Self.call("c1", .active) { answered(&$0); $0.isMuted = true; $0.recordingPath = "/tmp/x.wav" }, at: Self.now)
        #expect(snapshot(model).calls.first?.isMuted == true)
        #expect(snapshot(model).calls.first?.isRecording == true)

        let stats = CallMediaStatistics(
            codec: "opus", encryption: "SRTP", packetsSent: 500, packetsReceived: 490, packetsLost: 10,
            lossFraction: 0.02, jitterMilliseconds: 12.5, roundTripMilliseconds: 40, mos: 4.1)
        _ = model.apply(.callEvent(CallNotification(call: EngineCallID("c1"), account: "home", kind: .stats(stats))), at: Self.now)
        #expect(snapshot(model).calls.first?.quality == CallRow.Quality(lossPercent: 2, jitterMilliseconds: 12.5, meanOpinionScore: 4.1))

        let notice = model.apply(Self.call("c1", .ended) { $0.remoteDisplayName = "Bobby"; $0.endCode = 486; $0.endReason = "Busy Here" }, at: Self.now)
        #expect(notice == "call with Bobby ended: 486 Busy Here")
        #expect(snapshot(model).calls.isEmpty)
        #expect(model.quality.isEmpty, "the ended call's quality is forgotten")
    }

    @Test func encryptionBadgesAndCallStates() {
        var model = EngineModel(engineEpoch: Self.epoch)
        _ = model.apply(Self.call("d", .active, direction: .outgoing) { $0.encryption = "dtls-srtp" }, at: Self.now)
        _ = model.apply(Self.call("n", .ringing, direction: .outgoing), at: Self.now)
        _ = model.apply(Self.call("e", .earlyMedia, direction: .outgoing), at: Self.now)
        _ = model.apply(Self.call("x", .dialing, direction: .outgoing), at: Self.now)
        let rows = snapshot(model).calls
        #expect(rows.map(\.state) == [.talking, .ringing, .earlyMedia, .dialling])
        #expect(rows.map(\.encryption) == [.dtls, CallRow.Encryption.none, .none, .none])
    }

    @Test func aNormalEndSaysNoReasonAndStatsForUnknownCallsAreIgnored() {
        var model = EngineModel(engineEpoch: Self.epoch)
        let stats = CallMediaStatistics(
            codec: "PCMU", encryption: "none", packetsSent: 0, packetsReceived: 0, packetsLost: 0,
            lossFraction: 0, jitterMilliseconds: 0, roundTripMilliseconds: nil, mos: 4.4)
        _ = model.apply(.callEvent(CallNotification(call: EngineCallID("gone"), account: "home", kind: .stats(stats))), at: Self.now)
        #expect(model.quality.isEmpty)
        _ = model.apply(Self.call("c2", .active), at: Self.now)
        #expect(model.apply(Self.call("c2", .ended) { $0.endCode = 200 }, at: Self.now) == "call with sip:bob@example.com ended")
        // An end for a call never seen adds nothing.
        _ = model.apply(Self.call("c3", .ended), at: Self.now)
        #expect(model.calls.isEmpty)
    }

    @Test func contactNamesWinOverTheNameThePeerSent() {
        var model = EngineModel(engineEpoch: Self.epoch)
        _ = model.apply(Self.call("c1", .incoming, remote: "sip:+49 30 1234567@gw.example.net") { $0.remoteDisplayName = "SPAM?" }, at: Self.now)
        _ = model.apply(Self.call("c2", .incoming, remote: "sip:carol@example.com") { $0.remoteDisplayName = "Carol C" }, at: Self.now)
        _ = model.apply(Self.call("c3", .incoming, remote: "sip:dave@example.com"), at: Self.now)
        let contacts = [ContactRow(id: "u1", name: "Bob Builder", addresses: ["+49 (30) 123-4567", "sip:bob@example.com"])]
        let rows = snapshot(model, contacts: contacts).calls
        #expect(rows.map(\.remoteName) == ["Bob Builder", "Carol C", nil])
        #expect(rows.map(\.displayName) == ["Bob Builder", "Carol C", "sip:dave@example.com"])
    }

    @Test func missedCallsAreCountedFromTheHistory() {
        let model = EngineModel(engineEpoch: Self.epoch)
        let entry = { (id: String, direction: HistoryEntry.Direction) in
            HistoryEntry(
                id: id, direction: direction, remoteName: nil, remoteURI: "sip:x@y", account: "home", startedAt: Self.epoch,
                durationSeconds: 0, result: "")
        }
        let screen = snapshot(model, history: [entry("1", .missed), entry("2", .incoming), entry("3", .missed)])
        #expect(screen.missedCallCount == 2)
        #expect(screen.history.count == 3)
    }

    @Test func messagesBecomeConversations() throws {
        var model = EngineModel(engineEpoch: Self.epoch)
        _ = model.apply(Self.account("home", .registering), at: Self.now)
        let message = InstantMessageNotification(account: "home", from: "sip:bob@example.com", displayName: "Bobby", text: "hi")
        #expect(model.apply(.message(message), at: Self.now) == "message from sip:bob@example.com: hi")
        _ = model.apply(.message(message), at: Self.now.addingTimeInterval(1))
        let other = InstantMessageNotification(account: "home", from: "sip:carol@example.com", displayName: nil, text: "yo")
        _ = model.apply(.message(other), at: Self.now.addingTimeInterval(2))

        var conversations = snapshot(model).conversations
        #expect(conversations.map(\.remoteURI) == ["sip:carol@example.com", "sip:bob@example.com"], "newest first")
        #expect(conversations.map(\.unreadCount) == [1, 2])
        #expect(conversations.last?.displayName == "Bobby")

        // Our reply (no account named) joins Bob's conversation, marks it read and moves it up;
        // the case of the address does not split the conversation.
        model.sentMessage(to: "sip:BOB@example.com", account: nil, text: "hello", at: Self.now.addingTimeInterval(3))
        let contacts = [ContactRow(id: "u1", name: "Bob Builder", addresses: ["sip:bob@example.com"])]
        conversations = snapshot(model, contacts: contacts).conversations
        let bob = try #require(conversations.first)
        #expect(conversations.count == 2)
        #expect(bob.displayName == "Bob Builder")
        #expect(bob.account == "home")
        #expect(bob.unreadCount == 0)
        #expect(bob.messages.map(\.direction) == [.received, .received, .sent])
        #expect(bob.messages.map(\.text) == ["hi", "hi", "hello"])
    }

    @Test func aMessageFloodIsBounded() {
        var log = ConversationLog()
        for index in 0..<(ConversationLog.conversationLimit + 50) {
            log.received(from: "sip:u\(index)@flood.test", displayName: nil, account: "home", text: "x", at: Self.now)
        }
        for _ in 0..<(ConversationLog.messagesPerConversation + 10) {
            log.received(from: "sip:loud@flood.test", displayName: nil, account: "home", text: "x", at: Self.now)
        }
        let conversations = log.conversations(names: ContactNames([]))
        #expect(conversations.count == ConversationLog.conversationLimit)
        #expect(conversations.first?.messages.count == ConversationLog.messagesPerConversation)
        #expect(conversations.first?.remoteURI == "sip:loud@flood.test")
    }

    @Test func theDebugPaneGetsTracesAndTimelineBounded() throws {
        var model = EngineModel(engineEpoch: Self.epoch)
        _ = model.apply(.registrationStep(account: "home", EngineRegistrationStep(time: .seconds(1), kind: "request", detail: "REGISTER sip:example.test")), at: Self.now)
        _ = model.apply(.registrationStep(account: "home", EngineRegistrationStep(time: .seconds(2), kind: "response", detail: "SIP/2.0 401 Unauthorized")), at: Self.now)
        _ = model.apply(.registrationStep(account: "home", EngineRegistrationStep(time: .seconds(3), kind: "response", detail: "SIP/2.0 403 Forbidden")), at: Self.now)
        _ = model.apply(.registrationStep(account: "home", EngineRegistrationStep(time: .seconds(3), kind: "diagnosis", detail: "wrong password")), at: Self.now)
        let timeline = snapshot(model).registrationTimeline
        #expect(timeline.map(\.outcome) == [.info, .info, .failure, .failure])
        #expect(timeline.first?.time == Self.epoch.addingTimeInterval(1))
        #expect(timeline.last?.text == "diagnosis: wrong password")

        let flow = FlowInfo(
            socket: SocketID(rawValue: 1), transport: .udp, local: try #require(SIPSocketAddress(literal: "127.0.0.1", port: 5070)),
            remote: try #require(SIPSocketAddress(literal: "127.0.0.1", port: 5060)))
        let options = "OPTIONS sip:alice@127.0.0.1 SIP/2.0\r\nCall-ID: flood-1\r\nAuthorization: Digest username=\"alice\", response=\"secret\"\r\n\r\n"
        let limit = EngineModel.messageLimit
        var counts: [Int] = []
        for index in 0..<(limit * 5 / 4 + 1) {
            let record = WireRecord(direction: .received, flow: flow, time: .milliseconds(index), bytes: Array(options.utf8))
            _ = model.apply(.trace(TraceEntry(record, account: "home")), at: Self.now)
            counts.append(model.messages.count)
        }
        #expect(counts.max() == limit + limit / 4, "never more than a quarter over the limit")
        #expect(model.messages.count == limit, "trimmed back to the limit")
        #expect(model.traces.count == limit)
        let oldest = try #require(model.messages.first?.time.timeIntervalSince(Self.epoch))
        #expect(abs(oldest - Double(limit / 4 + 1) / 1000) < 1e-6, "the oldest went first: \(oldest)")
        let row = try #require(snapshot(model).sipMessages.last)
        #expect(row.summary == .request(method: "OPTIONS"))
        #expect(row.callID == "flood-1")
        #expect(row.direction == .received)
        #expect(!row.rawText.contains("secret"), "credentials never reach the screen")
        #expect(model.apply(.trace(TraceEntry(
            WireRecord(direction: .sent, flow: flow, time: .seconds(99), bytes: Array("SIP/2.0 486 Busy Here\r\n\r\n".utf8)),
            account: nil)), at: Self.now) == nil)
        #expect(model.messages.last?.summary == .response(code: 486, reason: "Busy Here"))
    }
}
