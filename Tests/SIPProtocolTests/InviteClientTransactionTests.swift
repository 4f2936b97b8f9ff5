import SIPProtocol
import SIPSyntax
import Testing

extension InviteClientTransaction: HarnessDriven {
    static func timerRequest(in action: Action) -> TimerRequest? { action.timerRequest }
    static func isTermination(_ action: Action) -> Bool { action == .terminated }
}

@Suite struct InviteClientTransactionTests {
    let invite = Messages.invite()

    func start(_ reliability: TransportReliability, timers: TransactionTimers = TransactionTimers())
        throws -> TransactionHarness<InviteClientTransaction>
    {
        TransactionHarness(try InviteClientTransaction.start(
            invite, key: Messages.clientKey(.invite), reliability: reliability, timers: timers))
    }

    // MARK: - Timers A and B (RFC 3261 §17.1.1.2)

    @Test func startSendsTheInviteAndArmsTimersAAndBOverUDP() throws {
        let started = try InviteClientTransaction.start(invite, key: Messages.clientKey(.invite), reliability: .unreliable)
        #expect(started.actions == [.sendRequest(invite), .startTimer(.a, after: ms(500)), .startTimer(.b, after: ms(32_000))])
        #expect(started.transaction.state == .calling(timerA: ms(500)))
    }

    @Test func timerARetransmitsAtDoublingIntervalsUntilTimerBAt32sOverUDP() throws {
        var harness = try start(.unreliable)
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == ms([0, 500, 1500, 3500, 7500, 15_500, 31_500]))
        #expect(intervals(harness.sendTimes) == ms([500, 1000, 2000, 4000, 8000, 16_000]))
        #expect(harness.sentRequests.allSatisfy { $0 == invite })
        #expect(harness.times(of: .timeout) == [ms(32_000)])
        #expect(harness.terminationTime == ms(32_000))
        #expect(harness.passedUp.isEmpty)
    }

    @Test func noRetransmissionOverTCPAndTimerBStillTimesOutAt32s() throws {
        var harness = try start(.reliable)
        #expect(harness.log.map(\.action) == [.sendRequest(invite), .startTimer(.b, after: ms(32_000))])
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == [ms(0)])
        #expect(harness.times(of: .timeout) == [ms(32_000)])
        #expect(harness.terminationTime == ms(32_000))
    }

    @Test(arguments: [TransportReliability.unreliable, .reliable])
    func provisionalEntersProceedingAndStopsTimersAAndB(_ reliability: TransportReliability) throws {
        var harness = try start(reliability)
        harness.advance(to: ms(1000))
        let ringing = Messages.response(180, to: invite)
        let actions = harness.perform { $0.receive(ringing) }
        let cancels: [ClientTransactionAction] = reliability == .unreliable ? [.cancelTimer(.a), .cancelTimer(.b)] : [.cancelTimer(.b)]
        #expect(actions == cancels + [.passToTransactionUser(ringing)])
        #expect(harness.machine.state == .proceeding)
        #expect(harness.deadlines.isEmpty)
        harness.advance(to: .seconds(200))
        // Proceeding has no timeout of its own (Timer C and Expires are TU policy).
        #expect(harness.times(of: .timeout).isEmpty)
        #expect(harness.sendTimes == (reliability == .unreliable ? ms([0, 500]) : ms([0])))
    }

    @Test func furtherProvisionalsInProceedingGoToTheTU() throws {
        var harness = try start(.unreliable)
        for status in [100, 180, 183, 180] {
            harness.perform { $0.receive(Messages.response(status, to: invite)) }
        }
        #expect(harness.passedUp == [100, 180, 183, 180])
        #expect(harness.machine.state == .proceeding)
    }

    // MARK: - Timer D and the ACK (RFC 3261 §17.1.1.2, §17.1.1.3)

    @Test func nonSuccessFinalIsAcknowledgedAndTimerDIs32sOverUDP() throws {
        var harness = try start(.unreliable)
        harness.advance(to: ms(2000))
        let busy = Messages.response(486, to: invite)
        let actions = harness.perform { $0.receive(busy) }
        let ack = try #require(harness.sentRequests.last)
        #expect(ack.method == .ack)
        #expect(actions == [.cancelTimer(.a), .cancelTimer(.b), .sendRequest(ack), .passToTransactionUser(busy),
                            .startTimer(.d, after: ms(32_000))])
        #expect(harness.machine.state == .completed(ack: ack))
        harness.advance(to: .seconds(100))
        #expect(harness.terminationTime == ms(34_000))
        #expect(harness.sendTimes == ms([0, 500, 1500, 2000]))
    }

    @Test func timerDIsZeroOverTCPSoCompletedEndsAtOnce() throws {
        var harness = try start(.reliable)
        harness.advance(to: ms(2000))
        let busy = Messages.response(486, to: invite)
        let actions = harness.perform { $0.receive(busy) }
        let ack = try #require(harness.sentRequests.last)
        #expect(actions == [.cancelTimer(.b), .sendRequest(ack), .passToTransactionUser(busy), .terminated])
        #expect(harness.terminationTime == ms(2000))
        #expect(harness.machine.state == .terminated)
    }

    @Test func retransmittedFinalInCompletedResendsTheACKButNotToTheTU() throws {
        var harness = try start(.unreliable)
        harness.advance(to: ms(1000))
        let decline = Messages.response(603, to: invite)
        harness.perform { $0.receive(decline) }
        harness.advance(to: ms(1500))
        let again = harness.perform { $0.receive(decline) }
        harness.advance(to: ms(5000))
        harness.perform { $0.receive(decline) }
        let sent = harness.sentRequests
        #expect(again == [.sendRequest(sent[2])])
        #expect(harness.sendTimes == ms([0, 500, 1000, 1500, 5000]))
        #expect(sent[2...].allSatisfy { $0 == sent[2] && $0.method == .ack })
        #expect(harness.passedUp == [603])
    }

    @Test func ackForNonSuccessCopiesTheInviteAndTakesToFromTheResponse() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(180, to: invite, toTag: "ringing-tag")) }
        harness.perform { $0.receive(Messages.response(486, to: invite, toTag: "8321234356")) }
        let ack = try #require(harness.sentRequests.last)
        #expect(ack.method == .ack)
        #expect(ack.uri == invite.uri)
        #expect(ack.body.isEmpty)
        #expect(ack.headers.values(.via) == ["SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds"])
        #expect(ack.headers.values(.route) == invite.headers.values(.route))
        #expect(ack.headers[.to] == "Bob <sip:bob@biloxi.com>;tag=8321234356")
        #expect(ack.headers[.cseq] == "314159 ACK")
        let wire = String(decoding: ack.serialized(), as: UTF8.self)
        #expect(wire == """
            ACK sip:bob@biloxi.com SIP/2.0\r
            Via: SIP/2.0/UDP pc33.atlanta.com;branch=z9hG4bK776asdhds\r
            Max-Forwards: 69\r
            Route: <sip:p1.biloxi.com;lr>\r
            Route: <sip:p2.biloxi.com;lr>, <sip:p3.biloxi.com;lr>\r
            From: Alice <sip:alice@atlanta.com>;tag=1928301774\r
            To: Bob <sip:bob@biloxi.com>;tag=8321234356\r
            Call-ID: a84b4c76e66710@pc33.atlanta.com\r
            CSeq: 314159 ACK\r
            Content-Length: 0\r
            \r

            """)
    }

    @Test func ackWithoutMaxForwardsOrRoutesUsesSeventyAndNoRoute() throws {
        var bare = invite
        bare.headers.remove(.maxForwards)
        bare.headers.remove(.route)
        bare.headers.set(.cseq, "  7\tINVITE ")
        var harness = TransactionHarness(try InviteClientTransaction.start(
            bare, key: Messages.clientKey(.invite), reliability: .reliable))
        harness.perform { $0.receive(Messages.response(404, to: bare)) }
        let ack = try #require(harness.sentRequests.last)
        #expect(ack.headers[.maxForwards] == "70")
        #expect(!ack.headers.contains(.route))
        #expect(ack.headers[.cseq] == "7 ACK")
    }

    // MARK: - Timer M and the Accepted state (RFC 6026 §7.2, §8.4)

    @Test(arguments: [TransportReliability.unreliable, .reliable])
    func successEntersAcceptedAndEveryLater2xxGoesToTheTUUntilTimerMAt32s(_ reliability: TransportReliability) throws {
        var harness = try start(reliability)
        harness.advance(to: ms(1000))
        let ok = Messages.response(200, to: invite)
        let actions = harness.perform { $0.receive(ok) }
        let cancels: [ClientTransactionAction] = reliability == .unreliable ? [.cancelTimer(.a), .cancelTimer(.b)] : [.cancelTimer(.b)]
        #expect(actions == cancels + [.passToTransactionUser(ok), .startTimer(.m, after: ms(32_000))])
        #expect(harness.machine.state == .accepted)
        let forked = Messages.response(200, to: invite, toTag: "other-branch")
        for (time, response) in [(2000, ok), (4000, ok), (5000, forked)] {
            harness.advance(to: ms(time))
            #expect(harness.perform { $0.receive(response) } == [.passToTransactionUser(response)])
        }
        harness.advance(to: .seconds(100))
        #expect(harness.passedUp == [200, 200, 200, 200])
        #expect(harness.sentRequests.allSatisfy { $0.method == .invite }, "the TU, not the transaction, ACKs a 2xx")
        #expect(harness.terminationTime == ms(33_000))
    }

    @Test func successAfterProvisionalAlsoEntersAccepted() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(180, to: invite)) }
        let ok = Messages.response(200, to: invite)
        #expect(harness.perform { $0.receive(ok) } == [.passToTransactionUser(ok), .startTimer(.m, after: ms(32_000))])
    }

    @Test func acceptedIgnoresProvisionalAndNonSuccessResponses() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(200, to: invite)) }
        #expect(harness.perform { $0.receive(Messages.response(180, to: invite)) } == [])
        #expect(harness.perform { $0.receive(Messages.response(486, to: invite)) } == [])
        #expect(harness.machine.state == .accepted)
    }

    @Test func completedIgnoresProvisionalAndSuccessResponses() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(486, to: invite)) }
        #expect(harness.perform { $0.receive(Messages.response(180, to: invite)) } == [])
        #expect(harness.perform { $0.receive(Messages.response(200, to: invite)) } == [])
        #expect(harness.passedUp == [486])
    }
}
