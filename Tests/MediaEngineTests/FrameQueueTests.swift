import Testing
@testable import MediaEngine

/// The queue between a sound-card thread and the media clock: bounded, and a standing backlog
/// is worked off so it does not add delay for the rest of the call.
@Suite struct FrameQueueTests {
    func frame(_ value: Int16) -> [Int16] { [Int16](repeating: value, count: 160) }

    @Test func aStandingBacklogIsTrimmedOneFramePerWindow() {
        let queue = FrameQueue(capacity: 6)
        // Three frames pile up once (a burst at start), then one in, one out every period.
        for value in 0..<3 { queue.push(frame(Int16(value))) }
        var next: Int16 = 3
        for _ in 0..<(FrameQueue.trimWindow * 3) {
            queue.push(frame(next))
            next += 1
            _ = queue.pop()
        }
        // Each window with a frame always waiting drops one: after three, the backlog is gone.
        #expect(queue.trimmed == 3)
        #expect(queue.count == 0)
    }

    @Test func aQueueThatRunsEmptyKeepsItsSlack() {
        let queue = FrameQueue(capacity: 6)
        for round in 0..<(FrameQueue.trimWindow * 4) {
            // Bursty producer: two frames every other period, none in between.
            if round % 2 == 0 {
                queue.push(frame(1))
                queue.push(frame(2))
            }
            _ = queue.pop()
        }
        #expect(queue.trimmed == 0)
    }

    @Test func theOldestFrameGoesWhenFull() {
        let queue = FrameQueue(capacity: 2)
        for value in 0..<4 { queue.push(frame(Int16(value))) }
        #expect(queue.dropped == 2)
        #expect(queue.pop()?.first == 2)
    }
}
