import MediaCore
import Testing

@Suite struct PacketDurationTrackerTests {
    func feed(_ tracker: inout PacketDurationTracker, steps: [UInt32], startSequence: UInt16 = 100) -> [UInt32?] {
        var timestamp: UInt32 = 4_294_960_000  // wraps during the test
        var sequence = startSequence
        var changes: [UInt32?] = [tracker.observe(sequence: sequence, timestamp: timestamp)]
        for step in steps {
            sequence &+= 1
            timestamp &+= step
            changes.append(tracker.observe(sequence: sequence, timestamp: timestamp))
        }
        return changes
    }

    @Test func twentyMillisecondPacketsChangeNothing() {
        var tracker = PacketDurationTracker(initial: 160, maximum: 960)
        #expect(feed(&tracker, steps: Array(repeating: 160, count: 20)).allSatisfy { $0 == nil })
        #expect(tracker.current == 160)
    }

    @Test func thirtyMillisecondPacketsAreAdoptedAfterThreeSteps() {
        var tracker = PacketDurationTracker(initial: 160, maximum: 960)
        let changes = feed(&tracker, steps: Array(repeating: 240, count: 6))
        #expect(changes == [nil, nil, nil, 240, nil, nil, nil])
        #expect(tracker.current == 240)
    }

    @Test func aDTXPauseOrAJumpIsNotADuration() {
        var tracker = PacketDurationTracker(initial: 160, maximum: 960)
        // Consecutive sequence numbers across a 2 s silence (DTX), and one 0 step.
        let changes = feed(&tracker, steps: [160, 16000, 160, 0, 160, 160, 16000, 16000, 16000])
        #expect(changes.allSatisfy { $0 == nil })
        #expect(tracker.current == 160)
    }

    @Test func aSequenceGapIsNotAStep() {
        var tracker = PacketDurationTracker(initial: 160, maximum: 960)
        _ = tracker.observe(sequence: 1, timestamp: 0)
        _ = tracker.observe(sequence: 3, timestamp: 480)   // one lost: 480 is two packets
        _ = tracker.observe(sequence: 5, timestamp: 960)
        _ = tracker.observe(sequence: 7, timestamp: 1440)
        #expect(tracker.current == 160)
    }
}

extension PacketDurationTrackerTests {
    @Test func aSizeHintBeforeTheFirstPacketIsAdoptedAtOnceAndOnlyThen() {
        var tracker = PacketDurationTracker(initial: 160, maximum: 960)
        #expect(tracker.assume(480) == 480)
        #expect(tracker.current == 480)
        _ = tracker.observe(sequence: 1, timestamp: 0)
        #expect(tracker.assume(240) == nil)
        #expect(tracker.current == 480)
        var other = PacketDurationTracker(initial: 160, maximum: 960)
        #expect(other.assume(0) == nil && other.assume(5000) == nil && other.assume(160) == nil)
    }
}
