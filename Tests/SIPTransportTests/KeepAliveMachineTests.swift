import SIPTransport
import Testing

/// RFC 5626 §4.4 keep-alive rules on virtual time, with exact durations.
@Suite struct KeepAliveMachineTests {
    let configuration = KeepAliveConfiguration(interval: .seconds(30), timeout: .seconds(10), jitter: 0.25)

    @Test func firstPingAfterTheJitteredInterval() {
        let machine = KeepAliveMachine(configuration: configuration)
        #expect(machine.start(unit: 0) == [.startTimer(after: .seconds(30))])
        // Shortened by up to the jitter fraction (RFC 5626 §4.4.1 uses 20%; 25% here for exact binary fractions).
        #expect(machine.start(unit: 0.5) == [.startTimer(after: .milliseconds(26_250))])
        #expect(machine.start(unit: 0.999_999).first.map { action in
            if case .startTimer(let delay) = action { delay > .milliseconds(22_500) && delay <= .milliseconds(22_501) } else { false }
        } == true)
    }

    @Test func pingThenPongReportsTheRoundTripAndSchedulesTheNextPing() {
        var machine = KeepAliveMachine(configuration: configuration)
        _ = machine.start(unit: 0)
        #expect(machine.timerFired(at: .seconds(30)) == [.sendPing, .startTimer(after: .seconds(10))])
        #expect(machine.state == .awaitingPong(sentAt: .seconds(30)))
        #expect(machine.pongReceived(at: .seconds(30) + .milliseconds(12), unit: 0)
            == [.startTimer(after: .seconds(30)), .reportPong(roundTrip: .milliseconds(12))])
        #expect(machine.state == .waiting)
    }

    @Test func noPongWithinTheTimeoutIsADeadFlow() {
        var machine = KeepAliveMachine(configuration: configuration)
        _ = machine.timerFired(at: .seconds(30))
        #expect(machine.timerFired(at: .seconds(40)) == [.reportDead(.noPong(after: .seconds(10)))])
        #expect(machine.state == .dead(.noPong(after: .seconds(10))))
        // Dead is final: no more pings, pongs change nothing.
        #expect(machine.timerFired(at: .seconds(70)).isEmpty)
        #expect(machine.pongReceived(at: .seconds(71), unit: 0).isEmpty)
    }

    @Test func aStrayPongWhileWaitingChangesNothing() {
        var machine = KeepAliveMachine(configuration: configuration)
        _ = machine.start(unit: 0)
        #expect(machine.pongReceived(at: .seconds(5), unit: 0).isEmpty)
        #expect(machine.state == .waiting)
    }

    @Test func aClosedFlowIsReportedOnceWhateverTheState() {
        var waiting = KeepAliveMachine(configuration: configuration)
        #expect(waiting.flowClosed("reset") == [.cancelTimer, .reportDead(.closed("reset"))])
        #expect(waiting.flowClosed("reset again").isEmpty)
        var pinging = KeepAliveMachine(configuration: configuration)
        _ = pinging.timerFired(at: .seconds(30))
        #expect(pinging.flowClosed("closed by the peer") == [.cancelTimer, .reportDead(.closed("closed by the peer"))])
    }

    @Test func stopSilencesTheMachine() {
        var machine = KeepAliveMachine(configuration: configuration)
        _ = machine.timerFired(at: .seconds(30))
        #expect(machine.stop() == [.cancelTimer])
        #expect(machine.timerFired(at: .seconds(40)).isEmpty)
        #expect(machine.flowClosed("late").isEmpty)
    }

    @Test func withoutAPongEachPingSchedulesTheNextInterval() {
        var machine = KeepAliveMachine(configuration: configuration, expectsPong: false)
        #expect(machine.timerFired(at: .seconds(30), unit: 0) == [.sendPing, .startTimer(after: .seconds(30))])
        #expect(machine.state == .waiting)
        #expect(machine.timerFired(at: .seconds(60), unit: 0.5) == [.sendPing, .startTimer(after: .milliseconds(26_250))])
        // A closed flow is still reported.
        #expect(machine.flowClosed("reset") == [.cancelTimer, .reportDead(.closed("reset"))])
    }
}
