import CallHistory
import Foundation
import Testing

struct CallTimesTests {
    @Test func durationRunsFromAnswerToEnd() {
        let times = CallTimes(start: epoch, answer: epoch.addingTimeInterval(4.5), end: epoch.addingTimeInterval(94.5))
        #expect(times.duration == 90)
    }

    @Test func unansweredCallHasNoDuration() {
        #expect(CallTimes(start: epoch, end: epoch.addingTimeInterval(30)).duration == nil)
    }

    /// A wall clock stepped back mid-call must not produce a negative talk time.
    @Test func durationNeverNegative() {
        let times = CallTimes(start: epoch, answer: epoch.addingTimeInterval(10), end: epoch.addingTimeInterval(5))
        #expect(times.duration == 0)
    }

    /// Times are kept at the database's precision, so what goes in reads back equal.
    @Test func roundsToMilliseconds() {
        let times = CallTimes(start: epoch.addingTimeInterval(0.123_456), end: epoch.addingTimeInterval(1.000_6))
        #expect(times.start == Date(timeIntervalSince1970: 1_735_689_600.123))
        #expect(times.end == Date(timeIntervalSince1970: 1_735_689_601.001))
    }
}
