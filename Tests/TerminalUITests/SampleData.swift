import Foundation
@testable import TerminalUI

/// A fixed moment (2024-05-01 14:03:00 UTC) and zone, so every snapshot is reproducible.
let sampleNow = Date(timeIntervalSince1970: 1_714_572_180)
let utc = TimeZone(secondsFromGMT: 0)!

enum Sample {
    static let accounts = [
        AccountRow(name: "work", registration: .registered(refreshInSeconds: 192), voicemailNew: 2, voicemailOld: 5),
        AccountRow(name: "home", registration: .failed(reason: "403 Forbidden")),
    ]

    static let talkingBob = CallRow(
        id: CallID("c1"), remoteName: "Bob Smith", remoteURI: "sip:bob@example.com", account: "work",
        direction: .outgoing, state: .talking, connectedAt: sampleNow.addingTimeInterval(-83), codec: "opus",
        encryption: .srtp, quality: CallRow.Quality(lossPercent: 0.5, jitterMilliseconds: 12, meanOpinionScore: 4.3))

    static let ringingCarol = CallRow(
        id: CallID("c2"), remoteName: "Carol", remoteURI: "sip:carol@example.org", account: "home",
        direction: .incoming, state: .ringing)

    static let heldDave = CallRow(
        id: CallID("c3"), remoteName: nil, remoteURI: "sip:dave@example.net", account: "work",
        direction: .outgoing, state: .onHold, connectedAt: sampleNow.addingTimeInterval(-600), codec: "PCMU")

    static let contacts = [
        ContactRow(id: "u1", name: "Bob Smith", addresses: ["sip:bob@example.com", "+49 171 2345678"]),
        ContactRow(id: "u2", name: "Carol", addresses: ["sip:carol@example.org"]),
        ContactRow(id: "u3", name: "王小明", addresses: ["sip:wang@example.cn"]),
        ContactRow(id: "u4", name: "Robert Baker", addresses: ["sip:rob@example.com"]),
    ]

    static let history = [
        HistoryEntry(
            id: "h1", direction: .missed, remoteName: "Carol", remoteURI: "sip:carol@example.org", account: "home",
            startedAt: sampleNow.addingTimeInterval(-3600), result: "no answer"),
        HistoryEntry(
            id: "h2", direction: .outgoing, remoteName: "Bob Smith", remoteURI: "sip:bob@example.com", account: "work",
            startedAt: sampleNow.addingTimeInterval(-7200), durationSeconds: 125, result: "answered"),
        HistoryEntry(
            id: "h3", direction: .incoming, remoteURI: "sip:+4930123456@example.com", account: "work",
            startedAt: sampleNow.addingTimeInterval(-86400 * 3), durationSeconds: 40, result: "answered"),
    ]

    static let register = """
        REGISTER sip:example.com SIP/2.0\r
        Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds\r
        From: <sip:alice@example.com>;tag=1928301774\r
        To: <sip:alice@example.com>\r
        Call-ID: reg-1@192.0.2.1\r
        CSeq: 1 REGISTER\r
        Contact: <sip:alice@192.0.2.1:5060>\r
        Content-Length: 0\r
        \r

        """

    static let sipMessages = [
        SIPMessageRow(
            time: sampleNow.addingTimeInterval(-10), direction: .sent, summary: .request(method: "REGISTER"),
            callID: "reg-1@192.0.2.1", account: "home", rawText: register),
        SIPMessageRow(
            time: sampleNow.addingTimeInterval(-9.95), direction: .received,
            summary: .response(code: 403, reason: "Forbidden"), callID: "reg-1@192.0.2.1", account: "home",
            rawText: "SIP/2.0 403 Forbidden\r\nCall-ID: reg-1@192.0.2.1\r\nCSeq: 1 REGISTER\r\n\r\n"),
        SIPMessageRow(
            time: sampleNow.addingTimeInterval(-5), direction: .sent, summary: .request(method: "INVITE"),
            callID: "call-7@192.0.2.1", account: "work", rawText: "INVITE sip:bob@example.com SIP/2.0\r\nCall-ID: call-7@192.0.2.1\r\n\r\n"),
        SIPMessageRow(
            time: sampleNow.addingTimeInterval(-4.8), direction: .received,
            summary: .response(code: 200, reason: "OK"), callID: "call-7@192.0.2.1", account: "work",
            rawText: "SIP/2.0 200 OK\r\nCall-ID: call-7@192.0.2.1\r\n\r\n"),
    ]

    static let timeline = [
        RegistrationStep(account: "home", time: sampleNow.addingTimeInterval(-11), text: "DNS SRV _sip._udp.example.com → sip.example.com:5060"),
        RegistrationStep(account: "home", time: sampleNow.addingTimeInterval(-10), text: "REGISTER sent over UDP to 192.0.2.10:5060"),
        RegistrationStep(
            account: "home", time: sampleNow.addingTimeInterval(-9.95), text: "403 Forbidden: the registrar refused the user name",
            outcome: .failure),
    ]

    static let conversations = [
        Conversation(
            remoteName: "Bob Smith", remoteURI: "sip:bob@example.com", account: "work",
            messages: [
                .init(direction: .received, time: sampleNow.addingTimeInterval(-300), text: "Are you free for a call?"),
                .init(direction: .sent, time: sampleNow.addingTimeInterval(-240), text: "Yes, in five minutes"),
            ], unreadCount: 1),
    ]

    static func phone(calls: [CallRow] = []) -> PhoneSnapshot {
        PhoneSnapshot(
            accounts: accounts, calls: calls, contacts: contacts, history: history, conversations: conversations,
            registrationTimeline: timeline, sipMessages: sipMessages)
    }

    static func state(calls: [CallRow] = [], columns: Int = 80, rows: Int = 24) -> UIState {
        UIState(phone: phone(calls: calls), now: sampleNow, timeZone: utc, columns: columns, rows: rows)
    }
}
