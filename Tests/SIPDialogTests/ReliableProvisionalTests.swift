import SDP
import SIPSyntax
import Testing
@testable import SIPDialog

/// The UAS side of RFC 3262 on the virtual timeline: reliable 180/183 with RSeq, their
/// retransmission until PRACK, 481 for a PRACK that matches nothing, 504 after 64·T1, and
/// offer/answer in a reliable 183 and its PRACK (§5).
@Suite struct ReliableProvisionalTests {
    static let require100rel = ["Require: 100rel", "Supported: 100rel"]

    /// Bob calls with `Require: 100rel`; Alice's session reports `.incoming`.
    static func incoming(_ session: inout InviteSession, _ peer: inout Peer,
                         sdp: String? = Party.bobSDP()) throws -> SIPRequest {
        let (invite, _) = try IncomingCallTests.incoming(&session, &peer, sdp: sdp, extra: require100rel)
        return invite
    }

    /// The RSeq of a reliable provisional, after checking it is one (§7.1: Require and RSeq).
    static func rseq(of response: SIPResponse) throws -> UInt32 {
        #expect(try response.headers.require.contains("100rel"))
        return try #require(try response.headers.rseq)
    }

    static func prack(_ peer: inout Peer, _ session: InviteSession, rseq: UInt32, cseq: UInt32 = 100,
                      method: String = "INVITE", sdp: String? = nil) throws -> SIPRequest {
        peer.request("PRACK", in: try #require(session.dialog), extra: ["RAck: \(rseq) \(cseq) \(method)"],
                     body: sdp ?? "", contentType: sdp == nil ? nil : "application/sdp")
    }

    @Test func ringingGoesReliablyAndPrackStopsIt() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        let invite = try Self.incoming(&session, &peer)

        let ring = session.ring()
        timeline.record(ring)
        let ringing = try #require(ring.responses.first)
        #expect(ringing.statusCode == 180)
        let rseq = try Self.rseq(of: ringing)
        #expect((1...0x7FFF_FFFF).contains(rseq), "RFC 3262 §3: the first RSeq is in 1…2^31−1")
        #expect(timeline.armed[.provisionalRetransmission] == .milliseconds(500))
        #expect(timeline.armed[.provisionalTimeout] == .seconds(32))

        let prack = try Self.prack(&peer, session, rseq: rseq)
        let acknowledged = session.receive(prack, on: &timeline)
        let ok = try #require(acknowledged.responses.first)
        let okCSeq = try ok.headers.cseq
        #expect(ok.statusCode == 200 && okCSeq?.method == .prack)
        guard case .respond(_, let identity)? = acknowledged.first(where: { if case .respond = $0 { true } else { false } }) else {
            Issue.record("\(acknowledged)"); return
        }
        #expect(identity == RequestIdentity(prack))
        #expect(timeline.armed.isEmpty)
        #expect(timeline.advance(to: .seconds(60), &session).isEmpty, "no retransmission after the PRACK")

        let answer = session.answer()
        let twoHundred = try #require(answer.responses.first)
        #expect(twoHundred.statusCode == 200 && twoHundred.text.contains("m=audio 40000"))
        guard case .respond(_, let inviteIdentity)? = answer.first else { Issue.record("\(answer)"); return }
        #expect(inviteIdentity == RequestIdentity(invite))
        #expect(answer.events.contains { if case .answered = $0 { true } else { false } })
        let ack = session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100))
        #expect(ack.contains(.cancelTimer(.answerTimeout)))
        #expect(session.endReason == nil)
    }

    @Test func unacknowledgedProvisionalIsResentAtT1DoublingThen504After64T1() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        _ = try Self.incoming(&session, &peer)
        timeline.record(session.ring())
        let produced = timeline.advance(to: .seconds(40), &session)
        let sent = timeline.log.compactMap { entry -> (Duration, SIPResponse)? in
            if case .respond(let response, _) = entry.1 { (entry.0, response) } else { nil }
        }
        let provisionals = sent.filter { $0.1.statusCode == 180 }
        let expected: [Duration] = [0, 500, 1500, 3500, 7500, 15500, 31500].map { .milliseconds($0) }
        #expect(provisionals.map(\.0) == expected, "T1, 2T1, 4T1, … with no T2 cap (RFC 3262 §3)")
        #expect(Set(try provisionals.map { try Self.rseq(of: $0.1) }).count == 1, "a retransmission keeps its RSeq")
        let final = try #require(sent.last)
        #expect(final.0 == .seconds(32) && final.1.statusCode == 504)
        #expect(produced.endReason == .rejectedLocally(statusCode: 504, reasonPhrase: "Server Time-out"))
        #expect(timeline.armed.isEmpty)
    }

    @Test func prackMatchingNothingGets481AndTheRetransmissionsGoOn() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        _ = try Self.incoming(&session, &peer)
        let rseq = try Self.rseq(of: try #require(session.ring().responses.first))
        timeline.record([.startTimer(.provisionalRetransmission, after: .milliseconds(500))])
        for (wrongRSeq, cseq, method) in [(rseq &+ 1, UInt32(100), "INVITE"), (rseq, 99, "INVITE"), (rseq, 100, "BYE")] {
            let stray = try Self.prack(&peer, session, rseq: wrongRSeq, cseq: cseq, method: method)
            let actions = session.receive(stray, on: &timeline)
            #expect(actions.responses.map(\.statusCode) == [481], "RAck \(wrongRSeq) \(cseq) \(method)")
        }
        #expect(timeline.advance(to: .milliseconds(600), &session).responses.map(\.statusCode) == [180])

        let prack = try Self.prack(&peer, session, rseq: rseq)
        #expect(session.receive(prack).responses.map(\.statusCode) == [200])
        let again = try Self.prack(&peer, session, rseq: rseq)
        #expect(session.receive(again).responses.map(\.statusCode) == [481], "already acknowledged")
    }

    @Test func prackFromAnotherDialogIs481() throws {
        var session = Party.session()
        var peer = Peer()
        _ = try Self.incoming(&session, &peer)
        let rseq = try Self.rseq(of: try #require(session.ring().responses.first))
        let dialog = try #require(session.dialog)
        let stray = Wire.request("""
            PRACK sip:alice@192.0.2.10:5060 SIP/2.0
            Via: SIP/2.0/UDP 198.51.100.20:5062;branch=z9hG4bK-stray
            Max-Forwards: 70
            From: \(dialog.remoteAddress.serialized)
            To: <sip:alice@atlanta.example.com>;tag=not-ours
            Call-ID: \(dialog.id.callID)
            CSeq: 101 PRACK
            RAck: \(rseq) 100 INVITE
            """)
        #expect(session.receive(stray).responses.map(\.statusCode) == [481])
    }

    @Test func offerlessInviteGetsOurOfferInReliable183AndThePrackAnswers() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        _ = try Self.incoming(&session, &peer, sdp: nil)
        let progress = session.sendEarlyMedia()
        timeline.record(progress)
        let offer183 = try #require(progress.responses.first)
        #expect(offer183.statusCode == 183 && offer183.text.contains("m=audio 40000 RTP/AVP 0 8 101"))
        #expect(progress.events.isEmpty, "nothing agreed before the PRACK")
        let rseq = try Self.rseq(of: offer183)

        let prack = try Self.prack(&peer, session, rseq: rseq, sdp: Party.bobSDP())
        let acknowledged = session.receive(prack, on: &timeline)
        #expect(acknowledged.responses.map(\.statusCode) == [200])
        guard case .earlyMedia(let early)? = acknowledged.events.first else { Issue.record("\(acknowledged)"); return }
        #expect(early.remote.address == "198.51.100.20" && early.remote.rtpPort == 49170)
        #expect(timeline.armed.isEmpty)

        let answer = session.answer()
        let ok = try #require(answer.responses.first)
        #expect(ok.statusCode == 200 && ok.body.isEmpty, "offer and answer are done: no SDP in the 2xx")
        guard case .answered(let media?)? = answer.events.first else { Issue.record("\(answer)"); return }
        #expect(media == early)
        let ack = session.receive(peer.request("ACK", in: try #require(session.dialog), cseq: 100))
        #expect(ack.endReason == nil && session.endReason == nil)
    }

    @Test func prackWithoutTheAnswerToOurOfferEndsTheAttemptWith488() throws {
        var session = Party.session()
        var peer = Peer()
        _ = try Self.incoming(&session, &peer, sdp: nil)
        let rseq = try Self.rseq(of: try #require(session.sendEarlyMedia().responses.first))
        let actions = session.receive(try Self.prack(&peer, session, rseq: rseq))
        #expect(actions.responses.map(\.statusCode) == [200, 488])
        guard case .mediaFailure? = actions.endReason else { Issue.record("\(actions)"); return }
    }

    @Test func answerIn183IsRepeatedByThe2xxWhichWaitsForThePrack() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        let invite = try Self.incoming(&session, &peer)
        let progress = session.sendEarlyMedia()
        timeline.record(progress)
        let answer183 = try #require(progress.responses.first)
        #expect(answer183.statusCode == 183 && answer183.text.contains("m=audio 40000 RTP/AVP 0 101"))
        guard case .earlyMedia(let early)? = progress.events.first else { Issue.record("\(progress)"); return }
        #expect(early.codec.encodingName == "PCMU")

        timeline.advance(to: .seconds(1), &session)
        #expect(session.answer().isEmpty, "RFC 3262 §3: no 2xx while a provisional with SDP is unacknowledged")

        let prack = try Self.prack(&peer, session, rseq: try Self.rseq(of: answer183))
        let actions = session.receive(prack, on: &timeline)
        #expect(actions.responses.map(\.statusCode) == [200, 200])
        guard case .respond(let ok, let identity)? = actions.last(where: { if case .respond = $0 { true } else { false } }) else {
            Issue.record("\(actions)"); return
        }
        #expect(identity == RequestIdentity(invite))
        #expect(ok.body == answer183.body, "the 2xx repeats the answer unchanged")
        guard case .answered(let media?)? = actions.events.first else { Issue.record("\(actions)"); return }
        #expect(media == early)
        #expect(timeline.armed[.answerRetransmission] != nil && timeline.armed[.provisionalRetransmission] == nil)
    }

    @Test func secondReliableProvisionalWaitsForThePrackOfTheFirst() throws {
        var session = Party.session()
        var peer = Peer()
        _ = try Self.incoming(&session, &peer)
        let first = try Self.rseq(of: try #require(session.ring().responses.first))
        #expect(session.sendEarlyMedia().isEmpty, "only one reliable provisional outstanding (§3)")
        let actions = session.receive(try Self.prack(&peer, session, rseq: first))
        let responses = actions.responses
        #expect(responses.map(\.statusCode) == [200, 183])
        #expect(try Self.rseq(of: try #require(responses.last)) == first &+ 1, "RSeq rises by one")
        #expect(actions.contains(.startTimer(.provisionalRetransmission, after: .milliseconds(500))))
    }

    @Test func withoutRequire100relProvisionalsStayUnreliable() throws {
        var session = Party.session()
        var peer = Peer()
        _ = try IncomingCallTests.incoming(&session, &peer, extra: ["Supported: 100rel"])
        let ring = session.ring()
        let ringing = try #require(ring.responses.first)
        #expect(try ringing.headers.rseq == nil && ringing.headers[.require] == nil)
        #expect(!ring.contains { if case .startTimer = $0 { true } else { false } })
        let progress = session.sendEarlyMedia()
        #expect(progress.responses.first?.statusCode == 183)
        #expect(try progress.responses.first?.headers.rseq == nil)
        #expect(session.answer().responses.first?.body == progress.responses.first?.body)
    }

    @Test func cancelWhileUnacknowledgedStopsTheTimers() throws {
        var session = Party.session()
        var peer = Peer()
        var timeline = Timeline()
        let invite = try Self.incoming(&session, &peer)
        timeline.record(session.ring())
        let cancel = Wire.request("""
            CANCEL sip:alice@192.0.2.10:5060 SIP/2.0
            Via: SIP/2.0/UDP 198.51.100.20:5062;branch=z9hG4bK-bob-100
            Max-Forwards: 70
            From: \(invite.headers[.from] ?? "")
            To: \(invite.headers[.to] ?? "")
            Call-ID: \(invite.headers[.callID] ?? "")
            CSeq: 100 CANCEL
            """)
        let actions = session.receive(cancel, on: &timeline)
        #expect(actions.responses.map(\.statusCode) == [200, 487])
        #expect(timeline.armed.isEmpty)
    }

    /// Every fixture message, fed to a session with a reliable provisional outstanding, is
    /// answered (or ignored, for ACK and responses) and never crashes it.
    @Test func fixturesNeverCrashAnUnacknowledgedProvisional() throws {
        let messages = try RobustnessTests.corpus()
        #expect(messages.count > 40)
        for message in messages {
            var session = Party.session()
            var peer = Peer()
            _ = try Self.incoming(&session, &peer)
            _ = session.ring()
            switch message {
            case .request(let request):
                let actions = session.receive(request)
                if ![.ack, .invite].contains(request.method) {
                    #expect(!actions.responses.isEmpty, "\(request.startLine)")
                }
            case .response(let response):
                _ = session.receive(response)
            }
            _ = session.timerFired(.provisionalRetransmission)
            _ = session.timerFired(.provisionalTimeout)
        }
    }
}
