import SIPProtocol
import SIPSyntax
import Testing

extension NonInviteServerTransaction: HarnessDriven {
    static func timerRequest(in action: Action) -> TimerRequest? { action.timerRequest }
    static func isTermination(_ action: Action) -> Bool { action == .terminated }
}

/// RFC 3261 §17.2.2, Figure 8: Trying, Proceeding, Completed and Timer J.
@Suite struct NonInviteServerTransactionTests {
    let options = Messages.request(.options)

    func start(_ reliability: TransportReliability, timers: TransactionTimers = TransactionTimers())
        throws -> TransactionHarness<NonInviteServerTransaction>
    {
        TransactionHarness(try NonInviteServerTransaction.start(
            options, key: Messages.serverKey(.options), reliability: reliability, timers: timers))
    }

    @Test func startPassesTheRequestUpAndSendsNothingOnItsOwn() throws {
        var harness = try start(.unreliable)
        #expect(harness.log.map(\.action) == [.passToTransactionUser(options)])
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes.isEmpty)
        #expect(harness.machine.state == .trying)
    }

    @Test func finalResponseCompletesAndTimerJIs32sOverUDP() throws {
        var harness = try start(.unreliable)
        harness.advance(to: ms(1000))
        let ok = Messages.response(200, to: options)
        #expect(harness.perform { $0.respond(with: ok) } == [.sendResponse(ok), .startTimer(.j, after: ms(32_000))])
        #expect(harness.machine.state == .completed(finalResponse: ok))
        harness.advance(to: .seconds(100))
        #expect(harness.terminationTime == ms(33_000))
    }

    @Test func timerJIsZeroOverTCPSoAFinalResponseTerminatesAtOnce() throws {
        var harness = try start(.reliable)
        harness.advance(to: ms(1000))
        let ok = Messages.response(200, to: options)
        #expect(harness.perform { $0.respond(with: ok) } == [.sendResponse(ok), .terminated])
        #expect(harness.terminationTime == ms(1000))
    }

    @Test func retransmissionsAreAbsorbedInTryingAndAnsweredWithTheLatestResponseLater() throws {
        var harness = try start(.unreliable)
        harness.advance(to: ms(500))
        #expect(harness.perform { $0.receive(options) } == [])
        let trying = Messages.response(100, to: options)
        harness.perform { $0.respond(with: trying) }
        harness.advance(to: ms(1500))
        #expect(harness.perform { $0.receive(options) } == [.sendResponse(trying)])
        let ringing = Messages.response(180, to: options)
        harness.perform { $0.respond(with: ringing) }
        harness.advance(to: ms(3500))
        #expect(harness.perform { $0.receive(options) } == [.sendResponse(ringing)])
        let ok = Messages.response(200, to: options)
        harness.perform { $0.respond(with: ok) }
        harness.advance(to: ms(7500))
        #expect(harness.perform { $0.receive(options) } == [.sendResponse(ok)])
        #expect(harness.sentStatuses == [100, 100, 180, 180, 200, 200])
        #expect(harness.sendTimes == ms([500, 1500, 1500, 3500, 3500, 7500]))
    }

    @Test func finalResponsesFromTheTUInCompletedAreDiscarded() throws {
        var harness = try start(.unreliable)
        let ok = Messages.response(200, to: options)
        harness.perform { $0.respond(with: ok) }
        #expect(harness.perform { $0.respond(with: Messages.response(500, to: options)) } == [])
        #expect(harness.perform { $0.respond(with: Messages.response(100, to: options)) } == [])
        #expect(harness.machine.state == .completed(finalResponse: ok))
    }

    @Test func transportErrorInProceedingOrCompletedTerminatesAndInformsTheTU() throws {
        var proceeding = try start(.unreliable)
        proceeding.perform { $0.respond(with: Messages.response(100, to: options)) }
        #expect(proceeding.perform { $0.transportFailed() } == [.transportError, .terminated])
        var completed = try start(.unreliable)
        completed.perform { $0.respond(with: Messages.response(404, to: options)) }
        completed.advance(to: ms(4000))
        #expect(completed.perform { $0.transportFailed() } == [.cancelTimer(.j), .transportError, .terminated])
        #expect(completed.terminationTime == ms(4000))
    }

    @Test func transportErrorInTryingIsIgnored() throws {
        var harness = try start(.unreliable)
        #expect(harness.perform { $0.transportFailed() } == [])
        #expect(harness.machine.state == .trying)
    }

    @Test func unexpectedEventsAreIgnored() throws {
        var harness = try start(.unreliable)
        #expect(harness.perform { $0.receive(Messages.request(.bye)) } == [], "a request of another method")
        for timer in TransactionTimer.allCases {
            #expect(harness.perform { $0.timerFired(timer) } == [], "\(timer) in Trying")
        }
        var odd = Messages.response(200, to: options)
        odd.statusCode = 700
        #expect(harness.perform { $0.respond(with: odd) } == [])
        harness.perform { $0.respond(with: Messages.response(200, to: options)) }
        for timer in TransactionTimer.allCases where timer != .j {
            #expect(harness.perform { $0.timerFired(timer) } == [], "\(timer) in Completed")
        }
    }

    @Test func everyEventAfterTerminatedIsIgnored() throws {
        var harness = try start(.reliable)
        harness.perform { $0.respond(with: Messages.response(200, to: options)) }
        #expect(harness.machine.isTerminated)
        #expect(harness.perform { $0.receive(options) } == [])
        #expect(harness.perform { $0.respond(with: Messages.response(200, to: options)) } == [])
        for timer in TransactionTimer.allCases {
            #expect(harness.perform { $0.timerFired(timer) } == [])
        }
        #expect(harness.perform { $0.transportFailed() } == [])
    }

    @Test(arguments: [SIPMethod.invite, .ack])
    func startRefusesInviteAndACK(_ method: SIPMethod) throws {
        let key = try Messages.serverKey(method)
        #expect(throws: TransactionError.wrongMethod(method)) {
            try NonInviteServerTransaction.start(Messages.request(method), key: key, reliability: .reliable)
        }
    }
}
