import SDP
import SIPSyntax
import Testing
@testable import SIPDialog

@Suite struct IncomingCallTests {
    /// Bob calls; Alice's session reports `.incoming`.
    static func incoming(_ session: inout InviteSession, _ peer: inout Peer, sdp: String? = Party.bobSDP(),
                         extra: [String] = []) throws -> (SIPRequest, IncomingCall) {
        let invite = peer.invite(sdp: sdp, extra: extra)
        let actions = session.receive(invite)
        guard case .incoming(let call)? = actions.events.first, actions.count == 1 else {
            throw CallEndReason.protocolError("no incoming event: \(actions)")
        }
        return (invite, call)
    }

    @Test func basicIncomingCallRingsAnswersAndEndsOnBye() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        let (invite, call) = try Self.incoming(&session, &peer)
        #expect(call.offer?.media.first?.port == 49170)
        #expect(call.from.uri.description == "sip:bob@biloxi.example.com")
        #expect(session.role == .callee)

        let ringing = try #require(session.ring().responses.first)
        #expect(ringing.statusCode == 180)
        let localTag = try #require(try ringing.headers.to?.tag)
        #expect(ringing.headers[.contact] == "<sip:alice@192.0.2.10:5060>")

        let answer = session.answer()
        timeline.record(answer)
        guard case .respond(let ok, let identity)? = answer.first else { Issue.record("\(answer)"); return }
        #expect(identity == RequestIdentity(invite))
        #expect(try ok.statusCode == 200 && ok.headers.to?.tag == localTag)
        #expect(ok.text.contains("m=audio 40000 RTP/AVP 0 101"))
        guard case .answered(let media?)? = answer.events.first else { Issue.record("\(answer)"); return }
        #expect(media.remote.address == "198.51.100.20" && media.codec.encodingName == "PCMU")

        let dialog = try #require(session.dialog)
        let ack = session.receive(peer.request("ACK", in: dialog, cseq: 100), on: &timeline)
        #expect(ack.contains(.cancelTimer(.answerRetransmission)) && ack.contains(.cancelTimer(.answerTimeout)))
        #expect(timeline.armed.isEmpty)

        let bye = peer.request("BYE", in: dialog)
        let ended = session.receive(bye)
        #expect(ended.responses.first?.statusCode == 200)
        #expect(ended.endReason == .remoteHangUp)
    }

    @Test func twoHundredIsRetransmittedT1DoublingToT2UntilAckTimeoutSendsBye() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        _ = try Self.incoming(&session, &peer)
        timeline.record(session.answer())
        let produced = timeline.advance(to: .seconds(40), &session)
        let retransmissions = timeline.log.filter { if case .respond(let r, _) = $0.1 { r.statusCode == 200 } else { false } }.map(\.0)
        let expected: [Duration] = [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500].map { .milliseconds($0) }
        #expect(retransmissions == expected)
        let bye = try #require(produced.sentRequests.first)
        #expect(bye.method == .bye)
        #expect(timeline.log.first { if case .send = $0.1 { true } else { false } }?.0 == .seconds(32), "64·T1")
        #expect(produced.endReason == .ackTimeout)
    }

    @Test func ackStopsTheRetransmissions() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        _ = try Self.incoming(&session, &peer)
        timeline.record(session.answer())
        timeline.advance(to: .seconds(2), &session)
        _ = session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100), on: &timeline)
        #expect(timeline.advance(to: .seconds(60), &session).isEmpty)
        #expect(session.endReason == nil)
    }

    /// RFC 3261 §15: the callee sends no BYE before the ACK of its 2xx (or its timeout); our
    /// 2xx keeps being retransmitted meanwhile, and a second hang-up changes nothing.
    @Test func hangingUpBeforeTheACKSendsTheBYEWhenTheACKArrives() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        _ = try Self.incoming(&session, &peer)
        timeline.record(session.answer())
        #expect(session.hangUp().isEmpty, "no BYE before the ACK")
        #expect(session.hangUp(reason: .noMedia(seconds: 30)).isEmpty)
        let retransmitted = timeline.advance(to: .seconds(1), &session)
        #expect(retransmitted.responses.map(\.statusCode) == [200], "the 2xx still goes until its ACK")
        #expect(session.endReason == nil)

        let ack = session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100), on: &timeline)
        #expect(ack.sentRequests.map(\.method) == [.bye])
        #expect(ack.endReason == .localHangUp, "the first hang-up's reason")
        #expect(timeline.armed.isEmpty)
    }

    @Test func hangingUpBeforeAnACKThatNeverComesSendsTheBYEAtTheTimeout() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        _ = try Self.incoming(&session, &peer)
        timeline.record(session.answer())
        timeline.advance(to: .seconds(1), &session)
        #expect(session.hangUp().isEmpty)
        let produced = timeline.advance(to: .seconds(40), &session)
        #expect(produced.sentRequests.map(\.method) == [.bye])
        #expect(timeline.log.first { if case .send = $0.1 { true } else { false } }?.0 == .seconds(32), "64·T1")
        #expect(produced.endReason == .localHangUp)
    }

    @Test func aHangUpAfterTheACKSendsTheBYEAtOnce() throws {
        var session = Party.session()
        var peer = Peer()
        _ = try Self.incoming(&session, &peer)
        _ = session.answer()
        _ = session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100))
        let hangUp = session.hangUp()
        #expect(hangUp.sentRequests.map(\.method) == [.bye])
        #expect(hangUp.endReason == .localHangUp)
    }

    @Test func offerlessInviteGetsOurOfferAndTheAckAnswers() throws {
        var session = Party.session()
        var peer = Peer()
        let (_, call) = try Self.incoming(&session, &peer, sdp: nil)
        #expect(call.offer == nil)
        let answer = session.answer()
        #expect(answer.events.isEmpty, "no media agreed before the ACK")
        let offer = try #require(answer.responses.first)
        #expect(offer.text.contains("a=sendrecv") && offer.text.contains("m=audio 40000 RTP/AVP 0 8 101"))
        let ack = peer.request("ACK", in: try #require(session.dialog), cseq: 100, body: Party.bobSDP(),
                               contentType: "application/sdp")
        let confirmed = session.receive(ack)
        guard case .answered(let media?)? = confirmed.events.first else { Issue.record("\(confirmed)"); return }
        #expect(media.remote.rtpPort == 49170)
    }

    @Test func offerlessInviteWhoseAckHasNoAnswerIsReleased() throws {
        var session = Party.session()
        var peer = Peer()
        _ = try Self.incoming(&session, &peer, sdp: nil)
        _ = session.answer()
        let actions = session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100))
        #expect(actions.sentRequests.first?.method == .bye)
        guard case .mediaFailure? = actions.endReason else { Issue.record("\(actions)"); return }
    }

    @Test func rejectSendsTheStatusWithOurTag() throws {
        var session = Party.session()
        var peer = Peer()
        _ = try Self.incoming(&session, &peer)
        let actions = session.reject(statusCode: 603, reasonPhrase: "Decline")
        let response = try #require(actions.responses.first)
        #expect(try response.statusCode == 603 && response.headers.to?.tag != nil)
        #expect(response.headers[.contact] == nil)
        #expect(actions.endReason == .rejectedLocally(statusCode: 603, reasonPhrase: "Decline"))
    }

    @Test func unacceptableOfferIsAnswered488() throws {
        var session = Party.session()
        var peer = Peer()
        let g729 = Party.bobSDP().replacingOccurrences(of: "RTP/AVP 0 101", with: "RTP/AVP 18")
        _ = try Self.incoming(&session, &peer, sdp: g729)
        let actions = session.answer()
        #expect(actions.responses.first?.statusCode == 488)
        #expect(actions.endReason?.statusCode == 488)
    }

    @Test func cancelFromCallerGets200And487() throws {
        var session = Party.session()
        var peer = Peer()
        let (invite, _) = try Self.incoming(&session, &peer)
        _ = session.ring()
        var cancel = invite
        cancel.method = .cancel
        cancel.body = []
        cancel.headers.set(.cseq, "100 CANCEL")
        cancel.headers.remove(.contentType)
        cancel.headers.set(.contentLength, "0")
        let actions = session.receive(cancel)
        guard actions.count >= 2, case .respond(let ok, let okID) = actions[0], case .respond(let terminated, let inviteID) = actions[1] else {
            Issue.record("\(actions)"); return
        }
        #expect(ok.statusCode == 200 && okID.method == .cancel)
        #expect(terminated.statusCode == 487 && inviteID == RequestIdentity(invite))
        #expect(actions.endReason == .cancelledByCaller)
    }

    @Test func malformedInvitesAreRefusedWithoutAnIncomingEvent() {
        let cases: [(String?, [String], Int)] = [
            (Party.bobSDP(), ["Require: 100rel, precondition"], 420),
            ("not sdp at all", [], 400),
        ]
        for (sdp, extra, status) in cases {
            var session = Party.session()
            var peer = Peer()
            let actions = session.receive(peer.invite(sdp: sdp, extra: extra))
            #expect(actions.events.isEmpty)
            #expect(actions.responses.first?.statusCode == status)
        }
        var session = Party.session()
        var bob = Peer()
        var request = bob.invite()
        request.headers.remove(.contact)
        #expect(session.receive(request).responses.first?.statusCode == 400)
        session = Party.session()
        request = bob.invite()
        request.headers.set(.contentType, "text/plain")
        let unsupported = session.receive(request)
        #expect(unsupported.responses.first?.statusCode == 415)
        #expect(unsupported.responses.first?.headers[.accept] == "application/sdp")
        session = Party.session()
        request = bob.invite(extra: ["Session-Expires: 30"])
        let tooSmall = session.receive(request).responses.first
        #expect(tooSmall?.statusCode == 422 && tooSmall?.headers[.minSE] == "90")
    }

    @Test func requestsForUnknownDialogsGet481() {
        var session = Party.session()
        let bye = Wire.request("""
            BYE sip:alice@192.0.2.10 SIP/2.0
            Via: SIP/2.0/UDP 198.51.100.20;branch=z9hG4bKx
            From: <sip:bob@biloxi.example.com>;tag=1
            To: <sip:alice@atlanta.example.com>;tag=2
            Call-ID: nothing-here
            CSeq: 5 BYE
            """)
        #expect(session.receive(bye).responses.first?.statusCode == 481)
    }
}
