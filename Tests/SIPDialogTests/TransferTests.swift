import SIPSyntax
import Testing
@testable import SIPDialog

@Suite struct TransferTests {
    static let carol = SIPURI(user: "carol", host: .hostname("chicago.example.com"))

    @Test func replacesEscapesIntoReferToLikeTheReferenceMessageAndRoundTrips() throws {
        guard case .request(let refer) = try Wire.fixture("sip-real/refer_with_replaces_synthetic.sip") else {
            Issue.record("not a request"); return
        }
        let replaces = ReplacesHeader(callID: "98594362@foo.com", toTag: "25934", fromTag: "3413")
        #expect(ReferTarget.referTo(Self.carol, replacing: replaces) == refer.headers[.referTo])
        #expect(try ReplacesHeader.parse(try #require(refer.headers[.replaces])) == replaces)
        let (target, parsed) = try ReferTarget.parse(try #require(refer.headers[.referTo]))
        #expect(target == .sip(Self.carol))
        #expect(parsed == replaces)
        let tricky = ReplacesHeader(callID: "a%b@x&y=z", toTag: "t.1!", fromTag: "f~2", earlyOnly: true)
        #expect(try ReferTarget.parse(ReferTarget.referTo(Self.carol, replacing: tricky)).replaces == tricky)
    }

    @Test func malformedReplacesAndEscapesAreErrors() {
        #expect(throws: TransferError.self) { try ReplacesHeader.parse("callid;to-tag=1") }
        #expect(throws: TransferError.self) { try ReplacesHeader.parse(";to-tag=1;from-tag=2") }
        #expect(throws: TransferError.self) { try ReferTarget.parse("<sip:c@x?Replaces=abc%4>") }
        #expect(throws: TransferError.self) { try ReferTarget.parse("<sip:c@x?Replaces=abc%ZZ>") }
        #expect(throws: TransferError.self) { try ReferTarget.parse("not an address <") }
    }

    @Test func blindTransferFollowsSipfragNotifiesAndEndsOnSuccess() throws {
        var (session, peer, _) = try Established.outgoing()
        var bob = peer
        let refer = try #require(session.transfer(to: Self.carol).sentRequests.first)
        #expect(refer.method == .refer && refer.cseqText == "2 REFER")
        #expect(refer.headers[.referTo] == "<sip:carol@chicago.example.com>")
        #expect(refer.headers[.referredBy] == "<sip:alice@atlanta.example.com>")
        #expect(refer.headers[.contact] != nil, "RFC 3515 §2.4.1 wants a Contact")
        #expect(session.receive(peer.respond(to: refer, 202, "Accepted")).isEmpty)

        let dialog = try #require(session.dialog)
        let trying = bob.request("NOTIFY", in: dialog, extra: ["Event: refer", "Subscription-State: active;expires=60"],
                                 body: "SIP/2.0 100 Trying\n", contentType: "message/sipfrag;version=2.0")
        let progress = session.receive(trying)
        #expect(progress.responses.first?.statusCode == 200)
        #expect(progress.events == [.transferProgress(statusCode: 100, reasonPhrase: "Trying")])

        let garbage = bob.request("NOTIFY", in: dialog, extra: ["Event: refer"], body: "HELLO\n", contentType: "message/sipfrag")
        #expect(session.receive(garbage).responses.first?.statusCode == 400)
        #expect(session.endReason == nil)

        // The RFC 3515 example NOTIFY, moved into our dialog.
        guard case .request(var final) = try Wire.fixture("sip-real/notify_refer_sipfrag_final_rfc3515.sip") else {
            Issue.record("not a request"); return
        }
        final.headers.set(.callID, dialog.id.callID)
        final.headers.set(.from, dialog.remoteAddress.serialized)
        final.headers.set(.to, dialog.localAddress.serialized)
        final.headers.set(.cseq, "\(bob.cseq + 1) NOTIFY")
        let done = session.receive(final)
        #expect(done.responses.first?.statusCode == 200)
        #expect(done.events.first == .transferProgress(statusCode: 200, reasonPhrase: "OK"))
        #expect(done.sentRequests.first?.method == .bye)
        #expect(done.endReason == .transferred)
    }

    @Test func refusedReferIsReported() throws {
        var (session, peer, _) = try Established.outgoing()
        let refer = try #require(session.transfer(to: Self.carol).sentRequests.first)
        let refused = session.receive(peer.respond(to: refer, 603, "Declined", contact: false))
        #expect(refused.events == [.transferFailed(statusCode: 603, reasonPhrase: "Declined")])
    }

    @Test func attendedTransferCarriesTheConsultationDialog() throws {
        var (session, _, _) = try Established.outgoing()
        let consultation = DialogID(callID: "consult@192.0.2.10", localTag: "alice-c", remoteTag: "carol-c")
        let refer = try #require(session.transfer(to: Self.carol, replacing: consultation).sentRequests.first)
        let (_, replaces) = try ReferTarget.parse(try #require(refer.headers[.referTo]))
        // Carol receives it: her local tag is our remote tag.
        #expect(replaces == ReplacesHeader(callID: "consult@192.0.2.10", toTag: "carol-c", fromTag: "alice-c"))
        #expect(refer.headers[.referTo]?.contains("Replaces=consult%40192.0.2.10%3Bto-tag%3Dcarol-c%3Bfrom-tag%3Dalice-c") == true)
    }

    @Test func incomingReferIsAcceptedAndProgressNotified() throws {
        var (session, peer, _) = try Established.incoming()
        let dialog = try #require(session.dialog)
        let refer = peer.request("REFER", in: dialog, extra: [
            "Refer-To: <sip:carol@chicago.example.com?Replaces=98594362%40foo.com%3Bto-tag%3D25934%3Bfrom-tag%3D3413>",
            "Referred-By: <sip:bob@biloxi.example.com>", "Contact: <sip:bob@198.51.100.20:5062>",
        ])
        let actions = session.receive(refer)
        #expect(actions.responses.first?.statusCode == 202)
        let notify = try #require(actions.sentRequests.first)
        #expect(notify.method == .notify && notify.headers[.event] == "refer;id=\(peer.cseq)")
        #expect(notify.headers[.subscriptionState] == "active;expires=60")
        #expect(notify.text == "SIP/2.0 100 Trying\r\n")
        #expect(actions.events == [.transferRequested(
            target: .sip(Self.carol), replaces: ReplacesHeader(callID: "98594362@foo.com", toTag: "25934", fromTag: "3413"),
            referredBy: "<sip:bob@biloxi.example.com>")])

        let final = try #require(session.notifyTransferProgress(statusCode: 200, reasonPhrase: "OK").sentRequests.first)
        #expect(final.headers[.subscriptionState] == "terminated;reason=noresource")
        #expect(final.headers[.contentType] == "message/sipfrag;version=2.0")
        #expect(final.text == "SIP/2.0 200 OK\r\n")
        #expect(session.notifyTransferProgress(statusCode: 200, reasonPhrase: "OK").isEmpty, "subscription over")
    }

    @Test func referWithoutReferToGets400() throws {
        var (session, peer, _) = try Established.incoming()
        let refer = peer.request("REFER", in: try #require(session.dialog))
        #expect(session.receive(refer).responses.first?.statusCode == 400)
    }

    @Test func inviteWithReplacesMatchesTheDialogItNames() throws {
        let (existing, _, _) = try Established.outgoing()
        let id = try #require(existing.dialog?.id)
        var newcomer = Party.session(seed: 99)
        var carol = Peer()
        carol.callID = "other-call"
        let (_, call) = try IncomingCallTests.incoming(&newcomer, &carol, extra: [
            "Replaces: \(id.callID);to-tag=\(id.localTag);from-tag=\(id.remoteTag)",
        ])
        let replaces = try #require(call.replaces)
        #expect(existing.isReplaced(by: replaces))
        #expect(!existing.isReplaced(by: ReplacesHeader(callID: id.callID, toTag: id.remoteTag, fromTag: id.localTag)),
                "tags swapped do not match")
        var early = replaces
        early.earlyOnly = true
        #expect(!existing.isReplaced(by: early), "early-only never replaces a confirmed dialog")
    }
}

@Suite struct DTMFTests {
    @Test func infoCarriesDtmfRelayBody() throws {
        var (session, _, _) = try Established.outgoing()
        let info = try #require(session.sendDTMF("5").sentRequests.first)
        #expect(info.method == .info)
        #expect(info.headers[.contentType] == "application/dtmf-relay")
        #expect(info.text == "Signal=5\r\nDuration=160\r\n")
        #expect(session.sendDTMF("x").isEmpty)
    }

    @Test func receivedInfoIsReportedAndGarbageRefused() throws {
        var (session, peer, _) = try Established.incoming()
        let dialog = try #require(session.dialog)
        let info = peer.request("INFO", in: dialog, body: "Signal= #\nDuration= 250\n", contentType: "application/dtmf-relay")
        let actions = session.receive(info)
        #expect(actions.responses.first?.statusCode == 200)
        #expect(actions.events == [.dtmfReceived("#", duration: 250)])
        let garbage = peer.request("INFO", in: dialog, body: "Signal=55\n", contentType: "application/dtmf-relay")
        #expect(session.receive(garbage).responses.first?.statusCode == 400)
        #expect(throws: DTMFRelayError.self) { try DTMFRelay.parse(Array("Duration=100".utf8)) }
        #expect(try DTMFRelay.parse(Array("signal=10\r\n".utf8)).signal == "*")
        #expect(throws: DTMFRelayError.self) { try DTMFRelay.parse([0xFF, 0xFE]) }
    }
}
