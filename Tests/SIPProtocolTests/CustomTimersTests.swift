import SIPProtocol
import SIPSyntax
import Testing

/// Every machine honours configured T1, T2 and T4 (RFC 3261 §17.1.1.1: T1 may be raised on
/// slow paths and lowered on fast ones). T1 = 100 ms, T2 = 1 s, T4 = 2 s, so 64*T1 = 6.4 s.
@Suite struct CustomTimersTests {
    let timers = TransactionTimers(
        t1: .milliseconds(100), t2: .seconds(1), t4: .seconds(2),
        timerDUnreliable: .seconds(40), tryingDelay: .milliseconds(50))
    let invite = Messages.invite()
    let options = Messages.request(.options)

    func inviteClient(_ reliability: TransportReliability) throws -> TransactionHarness<InviteClientTransaction> {
        TransactionHarness(try InviteClientTransaction.start(
            invite, key: Messages.clientKey(.invite), reliability: reliability, timers: timers))
    }

    func nonInviteClient() throws -> TransactionHarness<NonInviteClientTransaction> {
        TransactionHarness(try NonInviteClientTransaction.start(
            options, key: Messages.clientKey(.options), reliability: .unreliable, timers: timers))
    }

    func inviteServer(_ reliability: TransportReliability) throws -> TransactionHarness<InviteServerTransaction> {
        TransactionHarness(try InviteServerTransaction.start(
            invite, key: Messages.serverKey(.invite), reliability: reliability, timers: timers))
    }

    @Test func timersAAndBFollowT1() throws {
        var harness = try inviteClient(.unreliable)
        harness.advance(to: .seconds(60))
        #expect(harness.sendTimes == ms([0, 100, 300, 700, 1500, 3100, 6300]))
        #expect(harness.times(of: .timeout) == [ms(6400)])
    }

    @Test func timerDUsesItsOwnSettingNotT1() throws {
        var harness = try inviteClient(.unreliable)
        harness.perform { $0.receive(Messages.response(486, to: invite)) }
        harness.advance(to: .seconds(60))
        #expect(harness.terminationTime == ms(40_000))
    }

    @Test func timerMFollowsT1() throws {
        var harness = try inviteClient(.reliable)
        harness.perform { $0.receive(Messages.response(200, to: invite)) }
        harness.advance(to: .seconds(60))
        #expect(harness.terminationTime == ms(6400))
    }

    @Test func timersEFAndKFollowT1T2AndT4() throws {
        var harness = try nonInviteClient()
        harness.advance(to: .seconds(60))
        #expect(harness.sendTimes == ms([0, 100, 300, 700, 1500, 2500, 3500, 4500, 5500]))
        #expect(harness.times(of: .timeout) == [ms(6400)])
        var completed = try nonInviteClient()
        completed.advance(to: ms(250))
        completed.perform { $0.receive(Messages.response(100, to: options)) }
        completed.advance(to: ms(2000))
        completed.perform { $0.receive(Messages.response(200, to: options)) }
        completed.advance(to: .seconds(60))
        #expect(completed.sendTimes == ms([0, 100, 300, 1300]), "after a 1xx, E = T2 = 1 s")
        #expect(completed.terminationTime == ms(4000), "K = T4 = 2 s")
    }

    @Test func tryingDelayGAndHFollowTheSettings() throws {
        var harness = try inviteServer(.unreliable)
        harness.advance(to: ms(1000))
        harness.perform { $0.respond(with: Messages.response(486, to: invite)) }
        harness.advance(to: .seconds(60))
        #expect(harness.sendTimes == ms([50, 1000, 1100, 1300, 1700, 2500, 3500, 4500, 5500, 6500]))
        #expect(harness.times(of: .ackTimeout) == [ms(7400)])
    }

    @Test func timersIAndLFollowT4AndT1() throws {
        var confirmed = try inviteServer(.unreliable)
        confirmed.perform { $0.respond(with: Messages.response(486, to: invite)) }
        confirmed.advance(to: ms(150))
        confirmed.perform { $0.receive(Messages.ack(for: invite)) }
        confirmed.advance(to: .seconds(60))
        #expect(confirmed.terminationTime == ms(2150))
        var accepted = try inviteServer(.reliable)
        accepted.perform { $0.respond(with: Messages.response(200, to: invite)) }
        accepted.advance(to: .seconds(60))
        #expect(accepted.terminationTime == ms(6400))
    }

    @Test func timerJFollowsT1() throws {
        var harness = TransactionHarness(try NonInviteServerTransaction.start(
            options, key: Messages.serverKey(.options), reliability: .unreliable, timers: timers))
        harness.advance(to: ms(500))
        harness.perform { $0.respond(with: Messages.response(200, to: options)) }
        harness.advance(to: .seconds(60))
        #expect(harness.terminationTime == ms(6900))
    }
}
