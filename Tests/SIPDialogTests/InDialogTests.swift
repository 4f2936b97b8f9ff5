import SDP
import SIPSyntax
import Testing
@testable import SIPDialog

/// Calls already answered, for the in-dialog tests.
enum Established {
    /// Alice called Bob and Bob answered; returns the session and Bob's peer view.
    static func outgoing(seed: UInt64 = 7, sessionTimer: SessionTimerPolicy? = nil,
                         answerExtra: [String] = []) throws -> (InviteSession, Peer, [CallAction]) {
        var session = Party.session(seed: seed, sessionTimer: sessionTimer)
        let peer = Peer()
        let invite = try OutgoingCallTests.dial(&session)
        let actions = session.receive(peer.respond(to: invite, 200, "OK", extra: answerExtra, sdp: Party.bobSDP()))
        guard session.dialog?.state == .confirmed else { throw CallEndReason.protocolError("not answered: \(actions)") }
        return (session, peer, actions)
    }

    /// Bob called Alice, she answered and Bob ACKed.
    static func incoming(extra: [String] = [], sessionTimer: SessionTimerPolicy? = nil) throws -> (InviteSession, Peer, [CallAction]) {
        var session = Party.session(sessionTimer: sessionTimer)
        var peer = Peer()
        _ = try IncomingCallTests.incoming(&session, &peer, extra: extra)
        let answer = session.answer()
        _ = session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100))
        return (session, peer, answer)
    }
}

@Suite struct HoldTests {
    @Test func holdAndResumeOfferSendonlyThenSendrecvWithRisingVersions() throws {
        var (session, peer, _) = try Established.outgoing()
        let firstVersion = session.media.sdp.version
        let hold = session.hold()
        let reinvite = try #require(hold.sentRequests.first)
        #expect(reinvite.method == .invite && reinvite.cseqText == "2 INVITE")
        #expect(reinvite.text.contains("a=sendonly"))
        let holdVersion = try #require(Self.originVersion(reinvite.text))
        #expect(holdVersion == firstVersion + 1)
        #expect(session.hold().isEmpty, "already holding")

        let accepted = session.receive(peer.respond(to: reinvite, 200, "OK", sdp: Party.bobSDP(direction: "recvonly", version: 2)))
        #expect(accepted.acks.first?.cseqText == "2 ACK")
        #expect(accepted.events.first == .held)
        #expect(session.negotiatedMedia?.direction == .sendonly)

        let resume = try #require(session.resume().sentRequests.first)
        #expect(resume.text.contains("a=sendrecv") && resume.cseqText == "3 INVITE")
        #expect(Self.originVersion(resume.text) == holdVersion + 1)
        let resumed = session.receive(peer.respond(to: resume, 200, "OK", sdp: Party.bobSDP(version: 3)))
        #expect(resumed.events.first == .resumed)
        #expect(session.negotiatedMedia?.direction == .sendrecv)
    }

    @Test func refusedHoldReportsAndKeepsTheCall() throws {
        var (session, peer, _) = try Established.outgoing()
        let reinvite = try #require(session.hold().sentRequests.first)
        let refused = session.receive(peer.respond(to: reinvite, 488, "Not Acceptable Here", contact: false))
        #expect(refused.events == [.reofferFailed(statusCode: 488, reasonPhrase: "Not Acceptable Here")])
        #expect(session.endReason == nil)
        #expect(session.hold().sentRequests.count == 1, "hold can be tried again")
    }

    @Test func reinviteAnswered481EndsTheDialog() throws {
        var (session, peer, _) = try Established.outgoing()
        let reinvite = try #require(session.hold().sentRequests.first)
        let ended = session.receive(peer.respond(to: reinvite, 481, "Call/Transaction Does Not Exist", contact: false))
        #expect(ended.sentRequests.first?.method == .bye)
        #expect(ended.endReason?.statusCode == 481)
    }

    @Test func peerHoldBySendonlyAndByZeroAddressThenResume() throws {
        var (session, peer, _) = try Established.incoming()
        let dialog = try #require(session.dialog)
        let sendonly = peer.request("INVITE", in: dialog, extra: ["Contact: <sip:bob@198.51.100.20:5062>"],
                                    body: Party.bobSDP(direction: "sendonly", version: 2), contentType: "application/sdp")
        let held = session.receive(sendonly)
        let ok = try #require(held.responses.first)
        #expect(ok.statusCode == 200 && ok.text.contains("a=recvonly"))
        #expect(held.events.first == .heldByRemote)
        _ = session.receive(peer.request("ACK", in: dialog, cseq: peer.cseq))

        let resume = peer.request("INVITE", in: dialog, body: Party.bobSDP(version: 3), contentType: "application/sdp")
        let resumed = session.receive(resume)
        #expect(resumed.events.first == .resumedByRemote)
        _ = session.receive(peer.request("ACK", in: dialog, cseq: peer.cseq))

        // RFC 2543 hold: c=0.0.0.0 with no direction attribute (RFC 3264 §8.4).
        let old = peer.request("INVITE", in: dialog, body: Party.bobSDP(address: "0.0.0.0", version: 4)
                                .replacingOccurrences(of: "a=sendrecv\n", with: ""), contentType: "application/sdp")
        let oldHold = session.receive(old)
        #expect(oldHold.responses.first?.statusCode == 200)
        #expect(oldHold.events.first == .heldByRemote)
    }

    @Test func peerUpdateWithNewAddressChangesMedia() throws {
        var (session, peer, _) = try Established.incoming()
        let dialog = try #require(session.dialog)
        let update = peer.request("UPDATE", in: dialog, extra: ["Contact: <sip:bob@203.0.113.50>"],
                                  body: Party.bobSDP(address: "203.0.113.50", port: 50000, version: 2), contentType: "application/sdp")
        let actions = session.receive(update)
        #expect(actions.responses.first?.statusCode == 200)
        #expect(!actions.contains { if case .startTimer(.answerRetransmission, _) = $0 { true } else { false } }, "UPDATE has no ACK")
        guard case .mediaChanged(let media)? = actions.events.first else { Issue.record("\(actions)"); return }
        #expect(media.remote.address == "203.0.113.50" && media.remote.rtpPort == 50000)
        #expect(session.dialog?.remoteTarget.description == "sip:bob@203.0.113.50", "UPDATE refreshes the target")
        #expect(session.hangUp().sentRequests.first?.uri.description == "sip:bob@203.0.113.50")
    }

    @Test func codecChangeByReinviteIsReported() throws {
        var (session, peer, _) = try Established.incoming()
        let dialog = try #require(session.dialog)
        let pcma = Party.bobSDP(version: 2).replacingOccurrences(of: "RTP/AVP 0 101", with: "RTP/AVP 8 101")
            .replacingOccurrences(of: "a=rtpmap:0 PCMU/8000", with: "a=rtpmap:8 PCMA/8000")
        let actions = session.receive(peer.request("INVITE", in: dialog, body: pcma, contentType: "application/sdp"))
        guard case .mediaChanged(let media)? = actions.events.first else { Issue.record("\(actions)"); return }
        #expect(media.codec.encodingName == "PCMA")
    }

    @Test func lowerCSeqInDialogGets500() throws {
        var (session, peer, _) = try Established.incoming()
        let dialog = try #require(session.dialog)
        let stale = peer.request("INFO", in: dialog, cseq: 50)
        let refused = session.receive(stale)
        #expect(refused.responses.first?.statusCode == 500)
        #expect(session.endReason == nil)
    }

    static func originVersion(_ sdp: String) -> UInt64? {
        guard let line = sdp.split(separator: "\r\n").first(where: { $0.hasPrefix("o=") }) else { return nil }
        let fields = line.split(separator: " ")
        return fields.count > 2 ? UInt64(fields[2]) : nil
    }
}

@Suite struct GlareTests {
    @Test func reinviteWhileOursIsPendingGets491() throws {
        var (session, peer, _) = try Established.outgoing()
        _ = try #require(session.hold().sentRequests.first)
        let dialog = try #require(session.dialog)
        let theirs = session.receive(peer.request("INVITE", in: dialog, body: Party.bobSDP(version: 2), contentType: "application/sdp"))
        #expect(theirs.responses.first?.statusCode == 491)
        let update = session.receive(peer.request("UPDATE", in: dialog, body: Party.bobSDP(version: 2), contentType: "application/sdp"))
        #expect(update.responses.first?.statusCode == 491)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func callerWaits2100To4000msAfter491ThenRetries(seed: UInt64) throws {
        var (session, peer, _) = try Established.outgoing(seed: seed)
        var timeline = Timeline()
        let first = try #require(session.hold().sentRequests.first)
        let glare = session.receive(peer.respond(to: first, 491, "Request Pending", contact: false))
        timeline.record(glare)
        let wait = try #require(timeline.armed[.glareRetry])
        #expect(wait >= .milliseconds(2100) && wait <= .seconds(4))
        #expect(timeline.advance(to: wait - .milliseconds(1), &session).isEmpty)
        let retry = try #require(timeline.advance(to: wait, &session).sentRequests.first)
        #expect(retry.cseqText == "3 INVITE" && retry.text.contains("a=sendonly"))
    }

    @Test(arguments: [UInt64(11), 12, 13, 14, 15])
    func calleeWaitsAtMostTwoSeconds(seed: UInt64) throws {
        var session = InviteSession(configuration: Party.configuration(), random: SeededCallRandomSource(seed: seed))
        var peer = Peer()
        _ = try IncomingCallTests.incoming(&session, &peer)
        _ = session.answer()
        _ = session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100))
        var timeline = Timeline()
        let first = try #require(session.hold().sentRequests.first)
        timeline.record(session.receive(peer.respond(to: first, 491, "Request Pending", contact: false)))
        let wait = try #require(timeline.armed[.glareRetry])
        #expect(wait >= .zero && wait <= .seconds(2))
    }

    /// §14.1: when the back-off ends while the peer's own re-INVITE (sent in the meantime) is
    /// still unacknowledged, the retry waits for that ACK instead of being lost.
    @Test func aGlareRetryDueWhileThePeersReinviteAwaitsItsAckGoesOutAfterTheAck() throws {
        var (session, peer, _) = try Established.outgoing(seed: 3)
        var timeline = Timeline()
        let first = try #require(session.hold().sentRequests.first)
        timeline.record(session.receive(peer.respond(to: first, 491, "Request Pending", contact: false)))
        let wait = try #require(timeline.armed[.glareRetry])
        let dialog = try #require(session.dialog)
        let theirs = session.receive(peer.request("INVITE", in: dialog, body: Party.bobSDP(version: 2), contentType: "application/sdp"))
        #expect(theirs.responses.first?.statusCode == 200)  // no offer of ours is out: no glare
        #expect(timeline.advance(to: wait, &session).sentRequests.isEmpty, "§14.1: not while their INVITE is in progress")
        let ack = session.receive(peer.request("ACK", in: dialog, cseq: peer.cseq))
        let retry = try #require(ack.sentRequests.first)
        #expect(retry.method == .invite && retry.cseqText == "3 INVITE")
        #expect(retry.text.contains("a=sendonly") || retry.text.contains("a=inactive"))
    }

    @Test func holdAskedWhileReinviteUnacknowledgedWaitsForTheAck() throws {
        var (session, peer, _) = try Established.incoming()
        let dialog = try #require(session.dialog)
        _ = session.receive(peer.request("INVITE", in: dialog, body: Party.bobSDP(version: 2), contentType: "application/sdp"))
        #expect(session.hold().isEmpty, "§14.1: no re-INVITE while one is in progress")
        let ack = session.receive(peer.request("ACK", in: dialog, cseq: peer.cseq))
        let queued = try #require(ack.sentRequests.first)
        #expect(queued.method == .invite && queued.text.contains("a=sendonly"))
    }
}
