import SDP
import SIPSyntax
import Testing
@testable import SIPDialog

@Suite struct OutgoingCallTests {
    let peer = Peer()

    /// Starts a call to Bob and returns the INVITE.
    static func dial(_ session: inout InviteSession) throws -> SIPRequest {
        let actions = session.start(target: Party.bob)
        let invite = try #require(actions.sentRequests.first)
        #expect(actions.count == 1)
        return invite
    }

    @Test func basicCallRingsAnswersAcksAndHangsUp() throws {
        var session = Party.session()
        let invite = try Self.dial(&session)
        #expect(invite.method == .invite)
        #expect(invite.uri == Party.bob)
        #expect(invite.cseqText == "1 INVITE")
        #expect(try invite.headers.from?.tag?.isEmpty == false)
        #expect(invite.headers[.contact] == "<sip:alice@192.0.2.10:5060>")
        #expect(invite.headers[.contentType] == "application/sdp")
        #expect(invite.headers[.contentLength] == String(invite.body.count))
        #expect(invite.text.contains("m=audio 40000 RTP/AVP 0 8 101"))

        #expect(session.receive(peer.respond(to: invite, 100, "Trying")).isEmpty)
        #expect(session.receive(peer.respond(to: invite, 180, "Ringing")).events == [.ringing])
        let answered = session.receive(peer.respond(to: invite, 200, "OK", sdp: Party.bobSDP()))
        let ack = try #require(answered.acks.first)
        #expect(ack.cseqText == "1 ACK")
        #expect(ack.uri.description == "sip:bob@198.51.100.20:5062")
        guard case .answered(let media?)? = answered.events.first else { Issue.record("no answer: \(answered)"); return }
        #expect(media.remote.address == "198.51.100.20" && media.remote.rtpPort == 49170)
        #expect(media.codec.encodingName == "PCMU")
        #expect(session.dialog?.state == .confirmed)

        let hangUp = session.hangUp()
        let bye = try #require(hangUp.sentRequests.first)
        #expect(bye.method == .bye && bye.cseqText == "2 BYE")
        #expect(hangUp.endReason == .localHangUp)
    }

    @Test func earlyMediaFrom183WithSDPThen200WithoutBody() throws {
        var session = Party.session()
        let invite = try Self.dial(&session)
        let early = session.receive(peer.respond(to: invite, 183, "Session Progress", sdp: Party.bobSDP(port: 30000)))
        guard case .earlyMedia(let media)? = early.events.first else { Issue.record("\(early)"); return }
        #expect(media.remote.rtpPort == 30000)
        let answered = session.receive(peer.respond(to: invite, 200, "OK"))
        #expect(answered.acks.count == 1)
        guard case .answered(let final?)? = answered.events.first else { Issue.record("\(answered)"); return }
        #expect(final.remote.rtpPort == 30000, "the answer from the 183 stands")
    }

    @Test func cancelBeforeAnyProvisionalWaitsForOneThen487Ends() throws {
        var session = Party.session()
        let invite = try Self.dial(&session)
        #expect(session.cancel().isEmpty, "RFC 3261 §9.1: no CANCEL before a provisional")
        let ringing = session.receive(peer.respond(to: invite, 180, "Ringing"))
        let cancel = try #require(ringing.cancels.first)
        #expect(cancel.method == .cancel && cancel.uri == invite.uri)
        #expect(cancel.cseqText == "1 CANCEL")
        #expect(cancel.headers[.from] == invite.headers[.from] && cancel.headers[.to] == invite.headers[.to])
        #expect(cancel.headers[.callID] == invite.headers[.callID])
        #expect(session.receive(peer.respond(to: cancel, 200, "OK")).isEmpty)
        let terminated = session.receive(peer.respond(to: invite, 487, "Request Terminated"))
        #expect(terminated.endReason == .cancelled)
        #expect(terminated.endReason?.statusCode == 487)
    }

    @Test func twoHundredRacingTheCancelIsAckedAndReleased() throws {
        var session = Party.session()
        let invite = try Self.dial(&session)
        _ = session.receive(peer.respond(to: invite, 180, "Ringing"))
        #expect(session.cancel().cancels.count == 1)
        let late = session.receive(peer.respond(to: invite, 200, "OK", sdp: Party.bobSDP()))
        #expect(late.acks.count == 1)
        let bye = try #require(late.sentRequests.first)
        #expect(bye.method == .bye && bye.uri.description == "sip:bob@198.51.100.20:5062")
        #expect(late.endReason == .cancelled)
        #expect(!late.events.contains { if case .answered = $0 { true } else { false } })
    }

    @Test func forkingTwoEarlyDialogsFirstTwoHundredWinsSecondIsReleased() throws {
        var session = Party.session()
        let invite = try Self.dial(&session)
        var fork2 = peer
        fork2.tag = "bob-tag-2"
        fork2.contact = "<sip:bob@203.0.113.9>"
        #expect(session.receive(peer.respond(to: invite, 180, "Ringing")).events == [.ringing])
        #expect(session.receive(fork2.respond(to: invite, 180, "Ringing")).events == [.ringing])

        let winner = session.receive(fork2.respond(to: invite, 200, "OK", sdp: Party.bobSDP(address: "203.0.113.9")))
        #expect(winner.acks.first?.uri.description == "sip:bob@203.0.113.9")
        #expect(session.dialog?.id.remoteTag == "bob-tag-2")

        let loser = session.receive(peer.respond(to: invite, 200, "OK", sdp: Party.bobSDP()))
        #expect(loser.events.isEmpty)
        let ack = try #require(loser.acks.first)
        let bye = try #require(loser.sentRequests.first)
        #expect(ack.uri.description == "sip:bob@198.51.100.20:5062" && ack.cseqText == "1 ACK")
        #expect(bye.method == .bye && bye.uri.description == "sip:bob@198.51.100.20:5062")
        #expect(try bye.headers.to?.tag == "bob-tag-1")
        #expect(session.dialog?.id.remoteTag == "bob-tag-2", "the call stays with the winner")

        let retransmitted = session.receive(fork2.respond(to: invite, 200, "OK", sdp: Party.bobSDP(address: "203.0.113.9")))
        #expect(retransmitted == [.sendACK(try #require(winner.acks.first))], "§13.2.2.4: re-ACK a retransmitted 2xx")
    }

    @Test(arguments: [
        (486, "Busy Here", CallFailure.Cause.busy), (603, "Decline", .declined), (404, "Not Found", .notFound),
        (480, "Temporarily Unavailable", .unavailable), (488, "Not Acceptable Here", .notAcceptable),
        (408, "Request Timeout", .noAnswer), (503, "Service Unavailable", .unreachable), (500, "Server Error", .other),
    ])
    func finalErrorsEndWithTheirReason(status: Int, reason: String, cause: CallFailure.Cause) throws {
        var session = Party.session()
        let invite = try Self.dial(&session)
        let ended = session.receive(peer.respond(to: invite, status, reason, contact: false))
        guard case .failed(let failure)? = ended.endReason else { Issue.record("\(ended)"); return }
        #expect(failure.statusCode == status && failure.reasonPhrase == reason && failure.cause == cause)
        #expect(ended.endReason?.description == "\(status) \(reason)")
        #expect(session.endReason != nil)
    }

    @Test func twoHundredWithoutContactIsAckedReleasedAndReported() throws {
        var session = Party.session()
        let invite = try Self.dial(&session)
        let actions = session.receive(peer.respond(to: invite, 200, "OK", sdp: Party.bobSDP(), contact: false))
        #expect(actions.acks.first?.uri == invite.uri)
        #expect(actions.sentRequests.first?.method == .bye)
        #expect(actions.endReason == .protocolError("2xx without Contact"))
    }

    @Test func answerThatContradictsTheOfferReleasesTheCall() throws {
        var session = Party.session()
        let invite = try Self.dial(&session)
        let bad = Party.bobSDP().replacingOccurrences(of: "RTP/AVP 0 101", with: "RTP/AVP 18")
        let actions = session.receive(peer.respond(to: invite, 200, "OK", sdp: bad))
        #expect(actions.acks.count == 1)
        #expect(actions.sentRequests.first?.method == .bye)
        guard case .mediaFailure? = actions.endReason else { Issue.record("\(actions)"); return }
    }

    @Test func offerlessInviteAnswersTheOfferInTheAck() throws {
        var session = Party.session()
        let invite = try #require(session.start(target: Party.bob, withOffer: false).sentRequests.first)
        #expect(invite.body.isEmpty && invite.headers[.contentType] == nil)
        let actions = session.receive(peer.respond(to: invite, 200, "OK", sdp: Party.bobSDP()))
        let ack = try #require(actions.acks.first)
        #expect(ack.headers[.contentType] == "application/sdp")
        #expect(ack.text.contains("m=audio 40000 RTP/AVP 0"))
        guard case .answered(let media?)? = actions.events.first else { Issue.record("\(actions)"); return }
        #expect(media.remote.rtpPort == 49170)
    }

    @Test func reliableProvisionalIsPrackedOnce() throws {
        var session = Party.session()
        let invite = try Self.dial(&session)
        let reliable = peer.respond(to: invite, 183, "Session Progress", extra: ["Require: 100rel", "RSeq: 4711"],
                                    sdp: Party.bobSDP())
        let first = session.receive(reliable)
        let prack = try #require(first.sentRequests.first)
        #expect(prack.method == .prack && prack.cseqText == "2 PRACK")
        #expect(prack.headers[.rack] == "4711 1 INVITE")
        #expect(prack.uri.description == "sip:bob@198.51.100.20:5062")
        #expect(session.receive(reliable).sentRequests.isEmpty, "a retransmission is not PRACKed again")
        let next = peer.respond(to: invite, 180, "Ringing", extra: ["Require: 100rel", "RSeq: 4712"])
        #expect(session.receive(next).sentRequests.first?.headers[.rack] == "4712 1 INVITE")
        let answered = session.receive(peer.respond(to: invite, 200, "OK", sdp: Party.bobSDP()))
        #expect(answered.acks.first?.cseqText == "1 ACK")
        #expect(session.hangUp().sentRequests.first?.cseqText == "4 BYE", "CSeq continues after the PRACKs")
    }

    @Test func targetUriHeadersBecomeInviteHeaders() throws {
        var session = Party.session()
        let (target, _) = try ReferTarget.parse("<sip:carol@chicago.example.com?Replaces=abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2>")
        // ReferTarget.parse takes Replaces out; put it back as a URI header the way a REFER target carries it.
        guard case .sip(var uri) = target else { Issue.record("not sip"); return }
        uri.headers = [Parameter("Replaces", "abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2"), Parameter("Via", "evil")]
        let invite = try #require(session.start(target: .sip(uri)).sentRequests.first)
        #expect(invite.uri.description == "sip:carol@chicago.example.com")
        #expect(invite.headers[.replaces] == "abc@host;to-tag=1;from-tag=2")
        #expect(invite.headers[.via] == nil, "Via from a URI is never copied (RFC 3261 §19.1.5)")
    }
}
