import SIPSyntax
import Testing
@testable import SIPDialog

@Suite struct DialogTests {
    static let invite = Wire.request("""
        INVITE sip:bob@biloxi.example.com SIP/2.0
        Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8
        Max-Forwards: 70
        To: Bob <sip:bob@biloxi.example.com>
        From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Record-Route: <sip:p2.example.com;lr>, <sip:p1.example.com;lr>
        Contact: <sip:alice@pc33.atlanta.example.com>
        """)

    static let ok = Wire.response("""
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8
        To: Bob <sip:bob@biloxi.example.com>;tag=a6c85cf
        From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
        Call-ID: a84b4c76e66710
        CSeq: 314159 INVITE
        Record-Route: <sip:p2.example.com;lr>, <sip:p1.example.com;lr>
        Contact: <sip:bob@192.0.2.4>
        """)

    static let ourContact = URI.sip(SIPURI(user: "bob", host: .ipv4("192.0.2.4")))

    @Test func uasDialogKeepsRecordRouteOrderAndPeerIdentity() throws {
        let dialog = try Dialog(uasRequest: Self.invite, localTag: "a6c85cf", localContact: Self.ourContact)
        #expect(dialog.id == DialogID(callID: "a84b4c76e66710", localTag: "a6c85cf", remoteTag: "1928301774"))
        #expect(dialog.routeSet.map(\.uri.description) == ["sip:p2.example.com;lr", "sip:p1.example.com;lr"])
        #expect(dialog.remoteTarget.description == "sip:alice@pc33.atlanta.example.com")
        #expect(dialog.remoteSequence == 314159)
        #expect(dialog.localSequence == nil)
        #expect(dialog.localAddress.tag == "a6c85cf")
        #expect(!dialog.isSecure)
    }

    @Test func uacDialogReversesRecordRouteAndRoutesLoosely() throws {
        var dialog = try Dialog(uacRequest: Self.invite, response: Self.ok, localContact: Self.ourContact)
        #expect(dialog.state == .confirmed)
        #expect(dialog.id.remoteTag == "a6c85cf")
        #expect(dialog.routeSet.map(\.uri.description) == ["sip:p1.example.com;lr", "sip:p2.example.com;lr"])
        let bye = dialog.makeRequest(method: .bye)
        #expect(bye.uri.description == "sip:bob@192.0.2.4")
        #expect(bye.headers.values(.route) == ["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"])
        #expect(try bye.headers.cseq == SIPCSeq(314160, .bye))
        #expect(try bye.headers.to?.tag == "a6c85cf")
        #expect(try bye.headers.from?.tag == "1928301774")
        #expect(bye.headers[.callID] == "a84b4c76e66710")
        #expect(bye.headers[.via] == nil)
    }

    @Test func strictRouterGetsTheRequestURIAndTargetGoesLast() throws {
        var response = Self.ok
        response.headers.set(.recordRoute, "<sip:loose.example.com;lr>, <sip:strict.example.com;method=INVITE>")
        // Reversed: the strict router (last Record-Route) comes first in our route set.
        var dialog = try Dialog(uacRequest: Self.invite, response: response, localContact: Self.ourContact)
        let bye = dialog.makeRequest(method: .bye)
        #expect(bye.uri.description == "sip:strict.example.com", "method parameter stripped (RFC 3261 §19.1.1)")
        #expect(bye.headers.values(.route) == ["<sip:loose.example.com;lr>", "<sip:bob@192.0.2.4>"])

        response.headers.set(.recordRoute, "<sip:strict.example.com>, <sip:loose.example.com;lr>")
        dialog = try Dialog(uacRequest: Self.invite, response: response, localContact: Self.ourContact)
        let info = dialog.makeRequest(method: .info)
        #expect(info.uri.description == "sip:bob@192.0.2.4", "a loose router first: normal routing")
        #expect(info.headers.values(.route) == ["<sip:loose.example.com;lr>", "<sip:strict.example.com>"])
    }

    @Test func ackForTwoHundredReusesInviteNumber() throws {
        var dialog = try Dialog(uacRequest: Self.invite, response: Self.ok, localContact: Self.ourContact)
        _ = dialog.makeRequest(method: .info)
        let ack = dialog.makeACK(inviteSequence: 314159)
        #expect(ack.method == .ack)
        #expect(try ack.headers.cseq == SIPCSeq(314159, .ack))
        #expect(ack.uri.description == "sip:bob@192.0.2.4")
        #expect(ack.headers[.contact] == nil)
    }

    @Test func lowerCSeqFromPeerIsRefusedWith500() throws {
        var dialog = try Dialog(uasRequest: Self.invite, localTag: "a6c85cf", localContact: Self.ourContact)
        var stale = Self.invite
        stale.method = .bye
        stale.headers.set(.cseq, "314158 BYE")
        #expect(throws: DialogError.sequenceOutOfOrder(received: 314158, last: 314159)) { try dialog.receive(stale) }
        #expect(DialogError.sequenceOutOfOrder(received: 1, last: 2).statusCode == 500)
        stale.headers.set(.cseq, "314160 BYE")
        try dialog.receive(stale)
        #expect(dialog.remoteSequence == 314160)
    }

    @Test func reinviteWithNewContactRefreshesTarget() throws {
        var dialog = try Dialog(uasRequest: Self.invite, localTag: "a6c85cf", localContact: Self.ourContact)
        var reinvite = Self.invite
        reinvite.headers.set(.cseq, "314160 INVITE")
        reinvite.headers.set(.contact, "<sip:alice@198.51.100.7:5070>")
        try dialog.receive(reinvite)
        #expect(dialog.remoteTarget.description == "sip:alice@198.51.100.7:5070")
        var info = reinvite
        info.method = .info
        info.headers.set(.cseq, "314161 INFO")
        info.headers.set(.contact, "<sip:elsewhere@203.0.113.1>")
        try dialog.receive(info)
        #expect(dialog.remoteTarget.description == "sip:alice@198.51.100.7:5070", "INFO is no target refresh")
    }

    @Test func malformedDialogCreatorsGiveErrorsNotCrashes() throws {
        var noContact = Self.ok
        noContact.headers.remove(.contact)
        #expect(throws: DialogError.missingContact) {
            try Dialog(uacRequest: Self.invite, response: noContact, localContact: Self.ourContact)
        }
        var noTag = Self.ok
        noTag.headers.set(.to, "Bob <sip:bob@biloxi.example.com>")
        #expect(throws: DialogError.missingToTag) {
            try Dialog(uacRequest: Self.invite, response: noTag, localContact: Self.ourContact)
        }
        var badCSeq = Self.invite
        badCSeq.headers.set(.cseq, "banana INVITE")
        #expect(throws: DialogError.self) {
            try Dialog(uasRequest: badCSeq, localTag: "x", localContact: Self.ourContact)
        }
        var noContactRequest = Self.invite
        noContactRequest.headers.remove(.contact)
        #expect(throws: DialogError.missingContact) {
            try Dialog(uasRequest: noContactRequest, localTag: "x", localContact: Self.ourContact)
        }
    }

    @Test func earlyDialogFromRealSonus183IsConfirmedByNEC200Routes() throws {
        guard case .response(let early) = try Wire.fixture("sip-real/183_sonus_early_media_record_route.sip") else {
            Issue.record("not a response"); return
        }
        var request = Self.invite
        request.headers.set(.callID, early.headers[.callID] ?? "")
        var dialog = try Dialog(uacRequest: request, response: early, localContact: Self.ourContact)
        #expect(dialog.state == .early)
        #expect(dialog.routeSet.first?.uri.description == "sip:10.243.0.157:5060;lr;ftag=jSvFv18y0pmZD;did=999.8931a38")
        #expect(dialog.remoteTarget.description == "sip:+12263382742@206.147.76.21:5060")

        guard case .response(var final) = try Wire.fixture("sip-real/200_ok_invite_nec_ipdect_record_route.sip") else {
            Issue.record("not a response"); return
        }
        final.headers.set(.to, early.headers[.to] ?? "")
        try dialog.update(withResponse: final)
        #expect(dialog.state == .confirmed)
        #expect(dialog.routeSet.map(\.uri.description) == ["sip:192.168.105.105:5060;lr"])
        #expect(dialog.remoteTarget.description == "sip:2504@192.168.105.110:5060;transport=udp")
    }

    @Test func responseBuilderCopiesHeadersAndAddsTag() {
        let ringing = ResponseBuilder.response(to: Self.invite, status: 180, reason: "Ringing", toTag: "xyz",
                                               contact: Self.ourContact, copyRecordRoute: true)
        #expect(ringing.headers[.via] == Self.invite.headers[.via])
        #expect((try? ringing.headers.to)??.tag == "xyz")
        #expect(ringing.headers.values(.recordRoute) == Self.invite.headers.values(.recordRoute))
        #expect(ringing.headers[.contentLength] == "0")
        let identity = RequestIdentity(Self.invite)
        #expect(identity == RequestIdentity(method: .invite, sequenceNumber: 314159, branch: "z9hG4bKnashds8"))
    }
}
