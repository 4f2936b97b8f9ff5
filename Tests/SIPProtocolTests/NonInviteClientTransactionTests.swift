import SIPProtocol
import SIPSyntax
import Testing

extension NonInviteClientTransaction: HarnessDriven {
    static func timerRequest(in action: Action) -> TimerRequest? { action.timerRequest }
    static func isTermination(_ action: Action) -> Bool { action == .terminated }
}

/// RFC 3261 §17.1.2.2, Figure 6: Timers E, F and K.
@Suite struct NonInviteClientTransactionTests {
    let register = Messages.request(.register)

    func start(_ reliability: TransportReliability, timers: TransactionTimers = TransactionTimers())
        throws -> TransactionHarness<NonInviteClientTransaction>
    {
        TransactionHarness(try NonInviteClientTransaction.start(
            register, key: Messages.clientKey(.register), reliability: reliability, timers: timers))
    }

    @Test func startSendsTheRequestAndArmsTimersEAndFOverUDP() throws {
        let harness = try start(.unreliable)
        #expect(harness.log.map(\.action) == [.sendRequest(register), .startTimer(.e, after: ms(500)), .startTimer(.f, after: ms(32_000))])
    }

    @Test func timerEDoublesUpToT2InTryingUntilTimerFAt32s() throws {
        var harness = try start(.unreliable)
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == ms([0, 500, 1500, 3500, 7500, 11_500, 15_500, 19_500, 23_500, 27_500, 31_500]))
        #expect(intervals(harness.sendTimes) == ms([500, 1000, 2000] + Array(repeating: 4000, count: 7)))
        #expect(harness.sentRequests.allSatisfy { $0 == register })
        #expect(harness.times(of: .timeout) == [ms(32_000)])
        #expect(harness.terminationTime == ms(32_000))
    }

    @Test func noRetransmissionOverTCPAndTimerFStillTimesOutAt32s() throws {
        var harness = try start(.reliable)
        #expect(harness.log.map(\.action) == [.sendRequest(register), .startTimer(.f, after: ms(32_000))])
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == [ms(0)])
        #expect(harness.times(of: .timeout) == [ms(32_000)])
    }

    /// An early 1xx: the pending expiry at 0.5 s stands, and from then on E is T2.
    @Test func afterAProvisionalTimerERearmsWithT2() throws {
        var harness = try start(.unreliable)
        harness.advance(to: ms(200))
        let trying = Messages.response(100, to: register)
        #expect(harness.perform { $0.receive(trying) } == [.passToTransactionUser(trying)])
        #expect(harness.machine.state == .proceeding)
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == ms([0, 500, 4500, 8500, 12_500, 16_500, 20_500, 24_500, 28_500]))
        #expect(harness.times(of: .timeout) == [ms(32_000)])
    }

    /// A later 1xx (E armed for 1.5 s with interval 1 s): Trying would double to 2 s; Proceeding
    /// uses T2, so retransmissions come at 1.5 s, then every 4 s.
    @Test func aProvisionalSwitchesTheNextIntervalFromDoublingToT2() throws {
        var harness = try start(.unreliable)
        harness.advance(to: ms(1000))
        harness.perform { $0.receive(Messages.response(100, to: register)) }
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == ms([0, 500, 1500, 5500, 9500, 13_500, 17_500, 21_500, 25_500, 29_500]))
        #expect(harness.terminationTime == ms(32_000))
    }

    @Test func provisionalOverTCPEntersProceedingWithoutTimerE() throws {
        var harness = try start(.reliable)
        harness.perform { $0.receive(Messages.response(100, to: register)) }
        #expect(harness.deadlines == [.f: ms(32_000)])
        harness.advance(to: .seconds(100))
        #expect(harness.sendTimes == [ms(0)])
        #expect(harness.times(of: .timeout) == [ms(32_000)])
    }

    @Test func finalResponseCompletesAndTimerKIsT4OverUDP() throws {
        var harness = try start(.unreliable)
        harness.advance(to: ms(1000))
        let ok = Messages.response(200, to: register)
        let actions = harness.perform { $0.receive(ok) }
        #expect(actions == [.cancelTimer(.e), .cancelTimer(.f), .passToTransactionUser(ok), .startTimer(.k, after: ms(5000))])
        #expect(harness.machine.state == .completed)
        harness.advance(to: ms(2000))
        #expect(harness.perform { $0.receive(ok) } == [], "retransmitted final responses are absorbed")
        harness.advance(to: .seconds(100))
        #expect(harness.terminationTime == ms(6000))
        #expect(harness.passedUp == [200])
        #expect(harness.sendTimes == ms([0, 500]))
    }

    @Test func timerKIsZeroOverTCPSoAFinalResponseTerminatesAtOnce() throws {
        var harness = try start(.reliable)
        harness.advance(to: ms(1000))
        let challenge = Messages.response(401, to: register)
        #expect(harness.perform { $0.receive(challenge) } == [.cancelTimer(.f), .passToTransactionUser(challenge), .terminated])
        #expect(harness.terminationTime == ms(1000))
    }

    @Test func finalResponseInProceedingCompletes() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(100, to: register)) }
        harness.perform { $0.receive(Messages.response(180, to: register)) }
        harness.advance(to: ms(2000))
        harness.perform { $0.receive(Messages.response(486, to: register)) }
        harness.advance(to: .seconds(100))
        #expect(harness.passedUp == [100, 180, 486])
        #expect(harness.terminationTime == ms(7000))
    }

    @Test func completedAbsorbsProvisionalsToo() throws {
        var harness = try start(.unreliable)
        harness.perform { $0.receive(Messages.response(200, to: register)) }
        #expect(harness.perform { $0.receive(Messages.response(100, to: register)) } == [])
        #expect(harness.passedUp == [200])
    }
}
