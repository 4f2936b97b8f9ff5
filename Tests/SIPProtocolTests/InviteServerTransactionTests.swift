import SIPProtocol
import SIPSyntax
import Testing

extension InviteServerTransaction: HarnessDriven {
    static func timerRequest(in action: Action) -> TimerRequest? { action.timerRequest }
    static func isTermination(_ action: Action) -> Bool { action == .terminated }
}

/// RFC 3261 §17.2.1, Figure 7, with RFC 6026's Accepted state: the 100 (Trying) timer and
/// Timers G, H, I and L.
@Suite struct InviteServerTransactionTests {
    let invite = Messages.invite()

    func start(_ reliability: TransportReliability, timers: TransactionTimers = TransactionTimers())
        throws -> TransactionHarness<InviteServerTransaction>
    {
        TransactionHarness(try InviteServerTransaction.start(
            invite, key: Messages.serverKey(.invite), reliability: reliability, timers: timers))
    }

    // MARK: - 100 (Trying) within 200 ms

    @Test(arguments: [TransportReliability.unreliable, .reliable])
    func silentTUGetsA100TryingAtExactly200ms(_ reliability: TransportReliability) throws {
        var harness = try start(reliability)
        #expect(harness.log.map(\.action) == [.passToTransactionUser(invite), .startTimer(.trying, after: ms(200))])
        harness.advance(to: .seconds(10))
        #expect(harness.sendTimes == [ms(200)])
        #expect(harness.sentStatuses == [100])
        #expect(!harness.machine.isTerminated)
    }

    @Test func the100TryingCopiesTheRequestFieldsAndAddsNoTag() throws {
        var harness = try start(.unreliable)
        let actions = harness.perform { $0.timerFired(.trying) }
        guard case .sendResponse(let trying)? = actions.first, actions.count == 1 else {
            Issue.record("expected one 100 (Trying), got \(actions)")
            return
        }
        #expect(trying.statusCode == 100)
        #expect(trying.reasonPhrase == "Trying")
        #expect(trying.headers.values(.via) == invite.headers.values(.via))
        for name in [SIPHeaderName.from, .to, .callID, .cseq, .timestamp] {
            #expect(trying.headers[name] == invite.headers[name], "\(name)")
        }
        #expect(trying.headers[.contentLength] == "0")
        #expect(trying.body.isEmpty)
        #expect(harness.machine.state == .proceeding(lastProvisional: trying))
    }

    @Test func aProvisionalFromTheTUWithin200msCancelsTheTryingTimer() throws {
        var harness = try start(.unreliable)
        harness.advance(to: ms(150))
        let ringing = Messages.response(180, to: invite)
        #expect(harness.perform { $0.respond(with: ringing) } == [.cancelTimer(.trying), .sendResponse(ringing)])
        harness.advance(to: .seconds(10))
        #expect(harness.sentStatuses == [180])
        #expect(harness.sendTimes == [ms(150)])
    }

    @Test func retransmittedInviteInProceedingResendsTheLatestProvisional() throws {
        var harness = try start(.unreliable)
        harness.advance(to: ms(100))
        #expect(harness.perform { $0.receive(invite) } == [], "nothing to resend before the first provisional")
        harness.advance(to: ms(500))
        harness.perform { $0.receive(invite) }
        harness.advance(to: ms(600))
        harness.perform { $0.respond(with: Messages.response(180, to: invite)) }
        harness.advance(to: ms(1500))
        harness.perform { $0.receive(invite) }
        #expect(harness.sentStatuses == [100, 100, 180, 180])
        #expect(harness.sendTimes == ms([200, 500, 600, 1500]))
        #expect(harness.log.filter { if case .passToTransactionUser = $0.action { true } else { false } }.count == 1,
                "retransmissions never reach the TU")
    }

    // MARK: - Timers G and H (non-2xx final)

    @Test func timerGRetransmitsTheFinalResponseUntilTimerHAt32sOverUDP() throws {
        var harness = try start(.unreliable)
        let busy = Messages.response(486, to: invite)
        let actions = harness.perform { $0.respond(with: busy) }
        #expect(actions == [.cancelTimer(.trying), .sendResponse(busy), .startTimer(.g, after: ms(500)), .startTimer(.h, after: ms(32_000))])
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == ms([0, 500, 1500, 3500, 7500, 11_500, 15_500, 19_500, 23_500, 27_500, 31_500]))
        #expect(intervals(harness.sendTimes) == ms([500, 1000, 2000] + Array(repeating: 4000, count: 7)))
        #expect(harness.sentStatuses.allSatisfy { $0 == 486 })
        #expect(harness.times(of: .ackTimeout) == [ms(32_000)])
        #expect(harness.terminationTime == ms(32_000))
    }

    @Test func noTimerGOverTCPButTimerHStillFiresAt32s() throws {
        var harness = try start(.reliable)
        harness.advance(to: ms(300))
        let busy = Messages.response(486, to: invite)
        #expect(harness.perform { $0.respond(with: busy) } == [.sendResponse(busy), .startTimer(.h, after: ms(32_000))])
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == ms([200, 300]))
        #expect(harness.times(of: .ackTimeout) == [ms(32_300)])
    }

    @Test func retransmittedInviteInCompletedResendsTheFinalResponse() throws {
        var harness = try start(.reliable)
        harness.perform { $0.respond(with: Messages.response(603, to: invite)) }
        harness.advance(to: ms(4000))
        harness.perform { $0.receive(invite) }
        #expect(harness.sentStatuses == [603, 603])
        #expect(harness.sendTimes == ms([0, 4000]))
    }

    // MARK: - Timer I (Confirmed)

    @Test func ackConfirmsAndTimerIIsT4OverUDP() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.respond(with: Messages.response(486, to: invite)) }
        harness.advance(to: ms(2000))
        let ack = Messages.ack(for: invite)
        #expect(harness.perform { $0.receive(ack) } == [.cancelTimer(.g), .cancelTimer(.h), .startTimer(.i, after: ms(5000))])
        #expect(harness.machine.state == .confirmed)
        harness.advance(to: ms(3000))
        #expect(harness.perform { $0.receive(ack) } == [], "ACK retransmissions are absorbed")
        #expect(harness.perform { $0.receive(invite) } == [], "so are INVITE retransmissions")
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == ms([0, 500, 1500]))
        #expect(harness.terminationTime == ms(7000))
        #expect(harness.times(of: .ackTimeout).isEmpty)
    }

    @Test func timerIIsZeroOverTCPSoTheACKTerminatesAtOnce() throws {
        var harness = try start(.reliable)
        harness.perform { $0.respond(with: Messages.response(486, to: invite)) }
        harness.advance(to: ms(2000))
        #expect(harness.perform { $0.receive(Messages.ack(for: invite)) } == [.cancelTimer(.h), .terminated])
        #expect(harness.terminationTime == ms(2000))
    }
}
