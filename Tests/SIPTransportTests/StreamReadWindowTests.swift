@testable import SIPTransport
import Testing

/// One connection's window of messages waiting for the transport actor: it fills at either
/// bound and pauses, asks for exactly one wake-up when drained to half, and reads again only
/// after the wake-up reached the event loop. (`#expect` cannot call a mutating method, hence
/// the results taken first.)
@Suite struct StreamReadWindowTests {
    @Test func fillsAtTheMessageLimitAndWakesOnceAtHalf() {
        var window = StreamReadWindow(limits: .init(messages: 4, bytes: 1_000))
        var framed = 0
        while window.mayFrame() && framed < 10 {
            window.passed(bytes: 10)
            framed += 1
        }
        #expect(framed == 4, "the fifth message waits")
        #expect(window.state == .paused)
        let askedAgain = window.mayFrame()
        #expect(!askedAgain, "still paused")

        let afterOne = window.taken(bytes: 10)
        let afterTwo = window.taken(bytes: 10)
        let afterThree = window.taken(bytes: 10)
        #expect(afterOne == .paused, "three still waiting: more than half")
        #expect(afterTwo == .resumed, "two waiting: half, so wake the event loop")
        #expect(afterThree == .reading, "one wake-up per pause")
        #expect(window.state == .waking)
        let beforeWakeUp = window.mayFrame()
        #expect(!beforeWakeUp, "nothing is framed before the wake-up arrives")

        window.woke()
        #expect(window.state == .reading)
        let afterWakeUp = window.mayFrame()
        #expect(afterWakeUp)
        #expect(window.messages == 1 && window.bytes == 10)
    }

    @Test func fillsAtTheByteLimitEvenWithFewMessages() {
        var window = StreamReadWindow(limits: .init(messages: 100, bytes: 1_000))
        let first = window.mayFrame()
        window.passed(bytes: 1_200)
        let second = window.mayFrame()
        #expect(first)
        #expect(!second, "one message larger than the window fills it")
        let taken = window.taken(bytes: 1_200)
        #expect(taken == .resumed)
    }

    @Test func halfTheMessagesTakenIsNotEnoughWhileTheirBytesStillWait() {
        var window = StreamReadWindow(limits: .init(messages: 2, bytes: 1_000))
        window.passed(bytes: 900)
        window.passed(bytes: 10)
        let full = window.mayFrame()
        #expect(!full)
        let afterSmall = window.taken(bytes: 10)
        let afterLarge = window.taken(bytes: 900)
        #expect(afterSmall == .paused, "one message left, but 900 bytes: more than half")
        #expect(afterLarge == .resumed)
    }

    @Test func takingWhileReadingNeverAsksForAWakeUp() {
        var window = StreamReadWindow(limits: .init(messages: 4, bytes: 1_000))
        window.passed(bytes: 10)
        window.passed(bytes: 10)
        let first = window.taken(bytes: 10)
        let second = window.taken(bytes: 10)
        #expect(first == .reading && second == .reading)
        window.woke()
        #expect(window.state == .reading, "a stray wake-up changes nothing")
    }
}
