import SIPProtocol
import SIPSyntax
import Testing

/// RFC 6026 §7.1 and §8.7: the INVITE server transaction's Accepted state and Timer L, plus
/// transport errors, ignored events and refused starts.
@Suite struct InviteServerAcceptedTests {
    let invite = Messages.invite()

    func start(_ reliability: TransportReliability) throws -> TransactionHarness<InviteServerTransaction> {
        TransactionHarness(try InviteServerTransaction.start(
            invite, key: Messages.serverKey(.invite), reliability: reliability))
    }

    @Test(arguments: [TransportReliability.unreliable, .reliable])
    func successEntersAcceptedWhereTheTURetransmitsAndACKsGoUpUntilTimerLAt32s(_ reliability: TransportReliability) throws {
        var harness = try start(reliability)
        harness.advance(to: ms(100))
        harness.perform { $0.respond(with: Messages.response(180, to: invite)) }
        harness.advance(to: ms(1000))
        let ok = Messages.response(200, to: invite)
        #expect(harness.perform { $0.respond(with: ok) } == [.sendResponse(ok), .startTimer(.l, after: ms(32_000))])
        #expect(harness.machine.state == .accepted)
        harness.advance(to: ms(1500))
        #expect(harness.perform { $0.receive(invite) } == [], "INVITE retransmissions are absorbed")
        #expect(harness.perform { $0.respond(with: ok) } == [.sendResponse(ok)], "the TU's 2xx retransmission goes out")
        let ack = Messages.ack(for: invite)
        harness.advance(to: ms(2500))
        #expect(harness.perform { $0.receive(ack) } == [.passToTransactionUser(ack)])
        #expect(harness.perform { $0.receive(ack) } == [.passToTransactionUser(ack)], "every ACK for a 2xx goes up")
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == ms([100, 1000, 1500]), "the transaction itself never retransmits a 2xx")
        #expect(harness.terminationTime == ms(33_000))
    }

    @Test func successBeforeThe200msCancelsTheTryingTimer() throws {
        var harness = try start(.unreliable)
        let ok = Messages.response(200, to: invite)
        #expect(harness.perform { $0.respond(with: ok) } == [.cancelTimer(.trying), .sendResponse(ok), .startTimer(.l, after: ms(32_000))])
        harness.advance(to: .seconds(40))
        #expect(harness.sentStatuses == [200])
    }

    @Test func acceptedDiscardsNonSuccessResponsesFromTheTU() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.respond(with: Messages.response(200, to: invite)) }
        #expect(harness.perform { $0.respond(with: Messages.response(180, to: invite)) } == [])
        #expect(harness.perform { $0.respond(with: Messages.response(486, to: invite)) } == [])
        #expect(harness.machine.state == .accepted)
    }

    /// RFC 6026 §7.1: a transport error must not destroy the INVITE server transaction, which is
    /// still needed to absorb retransmissions; the TU hears of it and the state stays.
    @Test func transportErrorsInformTheTUAndKeepTheState() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.respond(with: Messages.response(183, to: invite)) }
        #expect(harness.perform { $0.transportFailed() } == [.transportError])
        #expect(harness.machine.state == .proceeding(lastProvisional: Messages.response(183, to: invite)))
        harness.perform { $0.respond(with: Messages.response(486, to: invite)) }
        #expect(harness.perform { $0.transportFailed() } == [.transportError])
        harness.advance(to: ms(600))
        #expect(harness.sendTimes == ms([0, 0, 500]), "Timer G keeps retransmitting")
        var accepted = try start(.reliable)
        accepted.perform { $0.respond(with: Messages.response(200, to: invite)) }
        #expect(accepted.perform { $0.transportFailed() } == [.transportError])
        #expect(accepted.machine.state == .accepted)
    }

    @Test func transportErrorInConfirmedIsIgnored() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.respond(with: Messages.response(486, to: invite)) }
        harness.perform { $0.receive(Messages.ack(for: invite)) }
        #expect(harness.perform { $0.transportFailed() } == [])
        #expect(harness.machine.state == .confirmed)
    }

    @Test func unexpectedEventsAreIgnored() throws {
        var harness = try start(.unreliable)
        #expect(harness.perform { $0.receive(Messages.ack(for: invite)) } == [], "ACK before any final response")
        #expect(harness.perform { $0.receive(Messages.request(.bye)) } == [], "a request of another method")
        for timer in TransactionTimer.allCases where timer != .trying {
            #expect(harness.perform { $0.timerFired(timer) } == [], "\(timer) in Proceeding")
        }
        harness.perform { $0.respond(with: Messages.response(486, to: invite)) }
        #expect(harness.perform { $0.respond(with: Messages.response(200, to: invite)) } == [], "TU response in Completed")
        #expect(harness.perform { $0.timerFired(.trying) } == [])
        harness.perform { $0.receive(Messages.ack(for: invite)) }
        #expect(harness.perform { $0.respond(with: Messages.response(200, to: invite)) } == [], "TU response in Confirmed")
        #expect(harness.perform { $0.timerFired(.h) } == [])
        var odd = Messages.response(200, to: invite)
        odd.statusCode = 700
        var fresh = try start(.reliable)
        #expect(fresh.perform { $0.respond(with: odd) } == [])
    }

    @Test func timerGNeverFiresOverTCP() throws {
        var harness = try start(.reliable)
        harness.perform { $0.respond(with: Messages.response(486, to: invite)) }
        #expect(harness.perform { $0.timerFired(.g) } == [])
    }

    @Test func everyEventAfterTerminatedIsIgnored() throws {
        var harness = try start(.reliable)
        harness.perform { $0.respond(with: Messages.response(200, to: invite)) }
        harness.advance(to: .seconds(40))
        #expect(harness.machine.isTerminated)
        #expect(harness.perform { $0.receive(invite) } == [])
        #expect(harness.perform { $0.receive(Messages.ack(for: invite)) } == [])
        #expect(harness.perform { $0.respond(with: Messages.response(200, to: invite)) } == [])
        for timer in TransactionTimer.allCases {
            #expect(harness.perform { $0.timerFired(timer) } == [])
        }
        #expect(harness.perform { $0.transportFailed() } == [])
    }

    @Test func startRefusesANonInviteRequest() throws {
        let key = try Messages.serverKey(.bye)
        #expect(throws: TransactionError.wrongMethod(.bye)) {
            try InviteServerTransaction.start(Messages.request(.bye), key: key, reliability: .reliable)
        }
    }
}
