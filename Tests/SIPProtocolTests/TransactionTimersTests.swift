import SIPProtocol
import Testing

/// RFC 3261 §17.1.1.1 and Table 4: the defaults and how each timer derives from them.
@Suite struct TransactionTimersTests {
    @Test func defaultsAreTheRFCValues() {
        let timers = TransactionTimers()
        #expect(timers.t1 == .milliseconds(500))
        #expect(timers.t2 == .seconds(4))
        #expect(timers.t4 == .seconds(5))
        #expect(timers.tryingDelay == .milliseconds(200))
        #expect(timers.transactionTimeout == .seconds(32))
    }

    @Test func waitTimersAreZeroOverReliableTransports() {
        let timers = TransactionTimers()
        #expect(timers.timerD(.unreliable) == .seconds(32))
        #expect(timers.timerD(.reliable) == .zero)
        #expect(timers.timerI(.unreliable) == .seconds(5))
        #expect(timers.timerI(.reliable) == .zero)
        #expect(timers.timerJ(.unreliable) == .seconds(32))
        #expect(timers.timerJ(.reliable) == .zero)
        #expect(timers.timerK(.unreliable) == .seconds(5))
        #expect(timers.timerK(.reliable) == .zero)
    }

    /// Everything scales with T1 except Timer D, which RFC 3261 §17.1.1.2 pins at 32 s because
    /// the client cannot know the server's T1.
    @Test func customValuesPropagateButTimerDStaysFixed() {
        let timers = TransactionTimers(t1: .milliseconds(100), t2: .seconds(1), t4: .seconds(2))
        #expect(timers.transactionTimeout == .milliseconds(6400))
        #expect(timers.timerJ(.unreliable) == .milliseconds(6400))
        #expect(timers.timerI(.unreliable) == .seconds(2))
        #expect(timers.timerK(.unreliable) == .seconds(2))
        #expect(timers.timerD(.unreliable) == .seconds(32))
        let longerD = TransactionTimers(timerDUnreliable: .seconds(40), tryingDelay: .milliseconds(50))
        #expect(longerD.timerD(.unreliable) == .seconds(40))
        #expect(longerD.timerD(.reliable) == .zero)
        #expect(longerD.tryingDelay == .milliseconds(50))
    }

    @Test func timerNamesReadLikeTheRFC() {
        #expect(TransactionTimer.allCases.map(\.description) == [
            "Timer A", "Timer B", "Timer D", "Timer E", "Timer F", "Timer G", "Timer H",
            "Timer I", "Timer J", "Timer K", "Timer L", "Timer M", "Timer Trying",
        ])
    }
}
