@testable import MediaEngine
import Testing

/// The media loop's timer order on a virtual clock: no thread, no sleeping.
@Suite("Media loop timer queue")
struct MediaTimerQueueTests {
    @Test("timers fire in deadline order, equal deadlines in scheduling order")
    func order() {
        var queue = MediaTimerQueue<String>()
        _ = queue.schedule(at: 300, "c")
        _ = queue.schedule(at: 100, "a")
        _ = queue.schedule(at: 200, "b1")
        _ = queue.schedule(at: 200, "b2")
        #expect(queue.nextDeadline == 100)
        var fired: [String] = []
        while let (_, name) = queue.popDue(at: 250) { fired.append(name) }
        #expect(fired == ["a", "b1", "b2"])
        #expect(queue.nextDeadline == 300)
        let early = queue.popDue(at: 299)
        #expect(early == nil)
        let due = queue.popDue(at: 300)
        #expect(due?.payload == "c")
        #expect(queue.isEmpty && queue.nextDeadline == nil)
    }

    @Test("a cancelled timer never fires, and cancelling twice or after firing says so")
    func cancel() {
        var queue = MediaTimerQueue<Int>()
        let first = queue.schedule(at: 10, 1)
        let second = queue.schedule(at: 20, 2)
        let cancelledOnce = queue.cancel(first)
        let cancelledTwice = queue.cancel(first)
        #expect(cancelledOnce && !cancelledTwice)
        #expect(queue.nextDeadline == 20)
        let fired = queue.popDue(at: 100)
        #expect(fired?.id == second)
        let cancelledAfterFiring = queue.cancel(second)
        #expect(!cancelledAfterFiring)
        let nothing = queue.popDue(at: 100)
        #expect(nothing == nil)
    }

    @Test("a timer scheduled while others fire is seen in order")
    func scheduledWhileFiring() {
        var queue = MediaTimerQueue<Int>()
        _ = queue.schedule(at: 10, 1)
        _ = queue.schedule(at: 30, 3)
        var fired: [Int] = []
        while let (_, value) = queue.popDue(at: 40) {
            fired.append(value)
            if value == 1 { _ = queue.schedule(at: 20, 2) }
        }
        #expect(fired == [1, 2, 3])
    }
}
