import SIPSyntax
import Testing
@testable import SIPDialog

@Suite struct SessionTimerTests {
    @Test func callerAsRefresherReinvitesAtHalfTheInterval() throws {
        var timeline = Timeline()
        var (session, peer, answered) = try Established.outgoing(
            sessionTimer: SessionTimerPolicy(interval: 1800), answerExtra: ["Session-Expires: 1800;refresher=uac", "Require: timer"])
        timeline.record(answered)
        #expect(timeline.armed[.sessionRefresh] == .seconds(900))
        #expect(timeline.armed[.sessionExpiry] == nil)
        let versionBefore = session.media.sdp.version
        let refresh = try #require(timeline.advance(to: .seconds(900), &session).sentRequests.first)
        #expect(refresh.method == .invite && refresh.cseqText == "2 INVITE")
        #expect(refresh.headers[.sessionExpires] == "1800;refresher=uac")
        #expect(session.media.sdp.version == versionBefore, "an unchanged description keeps its o= version")
        let ok = session.receive(peer.respond(to: refresh, 200, "OK", extra: ["Session-Expires: 1800;refresher=uac"],
                                              sdp: Party.bobSDP()))
        timeline.record(ok)
        #expect(ok.acks.count == 1)
        #expect(timeline.armed[.sessionRefresh] == .seconds(1800))
    }

    @Test func calleeNotRefresherSendsByeWhenTheSessionExpires() throws {
        var timeline = Timeline()
        var (session, _, answer) = try Established.incoming(extra: ["Session-Expires: 1800", "Supported: timer"])
        let ok = try #require(answer.responses.first)
        #expect(ok.headers[.sessionExpires] == "1800;refresher=uac")
        #expect(ok.headers[.require] == "timer")
        timeline.record(answer.filter { if case .startTimer(.answerRetransmission, _) = $0 { false } else if case .startTimer(.answerTimeout, _) = $0 { false } else { true } })
        #expect(timeline.armed[.sessionExpiry] == .seconds(1768), "1800 - min(32, 600)")
        let expired = timeline.advance(to: .seconds(1768), &session)
        #expect(expired.sentRequests.first?.method == .bye)
        #expect(expired.endReason == .sessionExpired)
    }

    /// RFC 4028 §9–10: a caller that names the UAS as refresher makes us refresh, at half the
    /// interval, keeping the interval and — now that we send the request — naming us as UAC.
    @Test func calleeAsRefresherReinvitesAtHalfTheInterval() throws {
        var timeline = Timeline()
        var (session, peer, answer) = try Established.incoming(extra: ["Session-Expires: 90;refresher=uas", "Supported: timer", "Min-SE: 90"])
        let ok = try #require(answer.responses.first)
        #expect(ok.headers[.sessionExpires] == "90;refresher=uas")
        timeline.record(answer)
        timeline.record(session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100)))
        #expect(timeline.armed[.sessionRefresh] == .seconds(45))
        #expect(timeline.armed[.sessionExpiry] == nil)
        #expect(timeline.advance(to: .seconds(45) - .milliseconds(1), &session).sentRequests.isEmpty)
        let refresh = try #require(timeline.advance(to: .seconds(45), &session).sentRequests.first)
        #expect(refresh.method == .invite)
        #expect(refresh.headers[.sessionExpires] == "90;refresher=uac")
    }

    @Test func refreshFromThePeerRestartsTheExpiry() throws {
        var timeline = Timeline()
        var (session, peer, answer) = try Established.incoming(extra: ["Session-Expires: 1800", "Supported: timer"])
        timeline.record(answer)
        timeline.record(session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100)))
        timeline.advance(to: .seconds(1000), &session)
        let update = peer.request("UPDATE", in: try #require(session.dialog), extra: ["Session-Expires: 1800;refresher=uac", "Supported: timer"])
        let refreshed = session.receive(update)
        timeline.record(refreshed)
        #expect(refreshed.responses.first?.statusCode == 200)
        #expect(timeline.armed[.sessionExpiry] == .seconds(1000 + 1768))
        #expect(timeline.advance(to: .seconds(2000), &session).isEmpty)
    }
}
