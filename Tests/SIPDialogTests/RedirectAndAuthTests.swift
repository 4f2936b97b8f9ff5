import SIPSyntax
import Testing
@testable import SIPDialog

@Suite struct RedirectAndAuthTests {
    let peer = Peer()

    @Test func redirectFollowsContactsInQOrderThenFallsBack() throws {
        var session = Party.session()
        let invite = try OutgoingCallTests.dial(&session)
        let moved = peer.respond(to: invite, 302, "Moved Temporarily", extra: [
            "Contact: <sip:bob@low.example.com>;q=0.5, <sip:bob@high.example.com>;q=0.9, <sip:bob@plain.example.com>",
        ])
        let first = session.receive(moved)
        let second = try #require(first.sentRequests.first)
        #expect(first.events == [.redirected(to: try URI(parsing: "sip:bob@plain.example.com"))], "no q means 1.0")
        #expect(second.cseqText == "2 INVITE")
        #expect(second.headers[.callID] == invite.headers[.callID] && second.headers[.from] == invite.headers[.from])

        let busy = session.receive(peer.respond(to: second, 486, "Busy Here", contact: false))
        #expect(busy.sentRequests.first?.uri.description == "sip:bob@high.example.com")
        let third = try #require(busy.sentRequests.first)
        let next = session.receive(peer.respond(to: third, 404, "Not Found", contact: false))
        #expect(next.sentRequests.first?.uri.description == "sip:bob@low.example.com")
        #expect(next.sentRequests.first?.cseqText == "4 INVITE")
        let last = try #require(next.sentRequests.first)
        let ended = session.receive(peer.respond(to: last, 480, "Temporarily Unavailable", contact: false))
        #expect(ended.endReason?.statusCode == 480)
    }

    @Test func redirectLoopStopsAfterFiveRedirections() throws {
        var session = Party.session()
        var invite = try OutgoingCallTests.dial(&session)
        for hop in 1...5 {
            let actions = session.receive(peer.respond(to: invite, 302, "Moved", extra: ["Contact: <sip:hop\(hop)@example.com>"]))
            invite = try #require(actions.sentRequests.first, "redirect \(hop) is followed")
            #expect(invite.uri.description == "sip:hop\(hop)@example.com")
        }
        let sixth = session.receive(peer.respond(to: invite, 302, "Moved", extra: ["Contact: <sip:hop6@example.com>"]))
        #expect(sixth.sentRequests.isEmpty)
        #expect(sixth.endReason == .redirectLimitReached)
    }

    @Test func redirectBackToATriedTargetIsALoop() throws {
        var session = Party.session()
        let invite = try OutgoingCallTests.dial(&session)
        let actions = session.receive(peer.respond(to: invite, 301, "Moved Permanently", extra: ["Contact: <sip:bob@biloxi.example.com>"]))
        #expect(actions.endReason == .redirectLimitReached)
    }

    /// The Cirpack 407 of `sip-real/`, its identifiers rewritten to our INVITE's.
    func cirpackChallenge(for invite: SIPRequest) throws -> SIPResponse {
        guard case .response(var challenge) = try Wire.fixture("sip-real/invite_407_proxy_authenticate_cirpack.sip") else {
            throw CallEndReason.protocolError("fixture is not a response")
        }
        for name in [SIPHeaderName.callID, .cseq, .from] { challenge.headers.set(name, invite.headers[name] ?? "") }
        challenge.headers.set(.to, (invite.headers[.to] ?? "") + ";tag=00-04073-1701b482-069239f90")
        return challenge
    }

    @Test func proxyChallengeIsAnsweredOnceWithCSeqPlusOne() throws {
        var session = Party.session(credentials: CallCredentials(username: "voi18062", password: "secret"))
        let invite = try OutgoingCallTests.dial(&session)
        let retry = try #require(session.receive(try cirpackChallenge(for: invite)).sentRequests.first)
        #expect(retry.cseqText == "2 INVITE")
        let authorization = try #require(retry.headers[.proxyAuthorization])
        for part in ["Digest ", "username=\"voi18062\"", "realm=\"sip.cybercity.dk\"", "nonce=\"1701b4767d49c41117c7b73a255a353\"",
                     "uri=\"sip:bob@biloxi.example.com\"", "opaque=\"1701a1351f70795\"", "response=\""] {
            #expect(authorization.contains(part), "\(part) in \(authorization)")
        }
        #expect(retry.body == invite.body)
        #expect(retry.headers.fields.last?.name == .contentLength)

        let answered = session.receive(peer.respond(to: retry, 200, "OK", sdp: Party.bobSDP()))
        #expect(answered.acks.first?.headers[.proxyAuthorization] == authorization, "ACK carries the INVITE's credentials")
        #expect(answered.acks.first?.cseqText == "2 ACK")
    }

    @Test func secondChallengeForTheSameRealmFails() throws {
        var session = Party.session(credentials: CallCredentials(username: "voi18062", password: "wrong"))
        let invite = try OutgoingCallTests.dial(&session)
        let retry = try #require(session.receive(try cirpackChallenge(for: invite)).sentRequests.first)
        let again = session.receive(try cirpackChallenge(for: retry))
        #expect(again.sentRequests.isEmpty)
        guard case .failed(let failure)? = again.endReason else { Issue.record("\(again)"); return }
        #expect(failure.statusCode == 407 && failure.cause == .authenticationFailed)
    }

    @Test func challengeWithoutCredentialsEndsTheCall() throws {
        var session = Party.session()
        let invite = try OutgoingCallTests.dial(&session)
        let ended = session.receive(peer.respond(to: invite, 401, "Unauthorized", extra: [
            "WWW-Authenticate: Digest realm=\"biloxi.example.com\", nonce=\"abc\"",
        ], contact: false))
        #expect(ended.endReason?.statusCode == 401)
    }

    @Test func sessionIntervalTooSmallIsRetriedWithMinSE() throws {
        var session = Party.session(sessionTimer: SessionTimerPolicy(interval: 120, minimum: 90))
        let invite = try OutgoingCallTests.dial(&session)
        #expect(invite.headers[.sessionExpires] == "120")
        let retry = try #require(session.receive(peer.respond(to: invite, 422, "Session Interval Too Small",
                                                              extra: ["Min-SE: 600"], contact: false)).sentRequests.first)
        #expect(retry.headers[.sessionExpires] == "600" && retry.headers[.minSE] == "600")
        #expect(retry.cseqText == "2 INVITE")
        let again = session.receive(peer.respond(to: retry, 422, "Session Interval Too Small", extra: ["Min-SE: 600"], contact: false))
        #expect(again.endReason?.statusCode == 422)
    }
}
