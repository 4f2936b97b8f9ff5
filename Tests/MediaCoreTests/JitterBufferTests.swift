import MediaCore
import Testing

/// The adaptive jitter buffer on simulated networks (virtual clock, deterministic randomness).
/// Figures are printed so the report can quote them.
@Suite struct JitterBufferTests {
    private func log(_ name: String, _ report: NetworkSimulation.Report) {
        print("jitter buffer [\(name)]: \(report)")
    }

    @Test func constantDelayPlaysEveryFrameAtTheMinimumDelay() {
        let report = NetworkSimulation().run()
        log("constant 50 ms", report)
        #expect(report.statistics.played == 3000)
        #expect(report.statistics.late == 0)
        #expect(report.statistics.concealed == 10)  // only after the stream ends, then silence
        #expect(report.unplayed.isEmpty && report.playedInOrder)
        // 50 ms network + 20 ms minimum delay; a frame starts when due within half a frame.
        #expect(report.delays.allSatisfy { $0.milliseconds >= 60 && $0.milliseconds < 80 })
    }

    @Test func jitterOf40msIsAbsorbedWithFewLatePackets() {
        var pattern = DelayPattern(seed: 42)
        let delays = (0..<30_000).map { _ in pattern.uniform(base: 100, spread: 40) }
        let report = NetworkSimulation(frames: 30_000, delay: { delays[$0] }).run()
        log("jitter ±40 ms", report)
        #expect(report.latePercent < 1)
        #expect(report.concealedPercent < 2)
        // Fastest packets take 60 ms, slowest 140 ms: playout must wait for about the slowest.
        #expect(report.meanDelay > 140 && report.meanDelay < 200)
        #expect(report.statistics.resets == 0)
    }

    @Test func burstsOfLossAreConcealedFrameForFrame() {
        // Five frames lost every 100: 5 % loss in bursts of 100 ms.
        let report = NetworkSimulation(delay: { $0 % 100 >= 95 ? nil : .milliseconds(50) }).run()
        log("bursty loss 5 %", report)
        #expect(report.lost == 150)
        #expect(report.statistics.played == 2850)
        // The bursts, and the end of the stream (whose first 5 frames are the last burst).
        #expect(report.statistics.concealed == 145 + 10)
        #expect(report.statistics.late == 0)
        #expect(report.unplayed == (0..<3000).filter { $0 % 100 >= 95 })
    }

    @Test func reorderingWithinTheWindowIsRepaired() {
        // Every 10th packet is overtaken by the next one.
        let report = NetworkSimulation(delay: { $0 % 10 == 3 ? .milliseconds(75) : .milliseconds(50) }).run()
        log("reordering", report)
        #expect(report.statistics.reordered == 300)
        // Only the first overtaken packet is late: the buffer then holds the 25 ms it needs.
        #expect(report.unplayed == [3])
        #expect(report.statistics.late == 1)
        #expect(report.playedInOrder)
    }

    @Test func duplicatesAreDropped() {
        let report = NetworkSimulation(duplicates: { $0 % 7 == 0 ? 2 : 0 }).run()
        #expect(report.statistics.duplicates == 2 * 429)
        #expect(report.unplayed.isEmpty && report.playedInOrder)
    }

    @Test func sequenceAndTimestampWrapAroundAreSeamless() {
        let report = NetworkSimulation(firstTimestamp: UInt32.max - 160 * 100, firstSequence: UInt16.max - 50).run()
        #expect(report.unplayed.isEmpty && report.playedInOrder)
        #expect(report.statistics.resets == 0)
    }

    @Test(arguments: [1.005, 1 / 1.005]) func clockDriftOverTenMinutesDoesNotGrowTheDelay(ratio: Double) {
        var pattern = DelayPattern(seed: 7)
        let frames = 30_000  // 10 minutes
        let delays = (0..<frames).map { _ in pattern.uniform(base: 60, spread: 10) }
        let report = NetworkSimulation(senderClockRatio: ratio, frames: frames, delay: { delays[$0] }).run()
        log("drift \(ratio > 1 ? "+" : "-")0.5 %", report)
        let firstMinute = report.meanDelay(frames: 1500..<3000)
        let lastMinute = report.meanDelay(frames: 27_000..<30_000)
        #expect(abs(lastMinute - firstMinute) < 20, "first \(firstMinute) ms, last \(lastMinute) ms")
        #expect(report.delays.allSatisfy { $0.milliseconds < 200 })
        // 0.5 % of 30000 frames is 150 frames to drop (fast sender) or to insert (slow sender).
        let corrections = ratio > 1 ? report.statistics.dropped : report.statistics.inserted
        #expect(corrections >= 140 && corrections <= 200, "\(corrections) corrections")
        #expect(report.latePercent < 0.5)
    }

    @Test func targetDelayGrowsAtOnceOnASpikeAndShrinksSlowly() {
        var buffer = JitterBuffer()
        var now = MediaTime.zero
        func send(_ index: Int, delay: Int64) {
            buffer.insert(
                sequence: UInt16(index), timestamp: UInt32(index * 160), ssrc: 1, payload: [0],
                arrival: .milliseconds(Int64(index) * 20 + delay))
        }
        for index in 0..<100 {
            send(index, delay: 30)
            now = .milliseconds(Int64(index) * 20 + 30)
            _ = buffer.pop(at: now)
        }
        #expect(buffer.targetDelay == .milliseconds(20))
        send(100, delay: 150)  // one packet 120 ms late
        #expect(buffer.targetDelay == .milliseconds(140))
        var targets: [MediaTime] = []
        for index in 101..<2100 {  // 40 s of calm
            send(index, delay: 30)
            targets.append(buffer.targetDelay)
        }
        #expect(targets[50] == .milliseconds(140))  // one second later: still held
        #expect(targets[500] < .milliseconds(140))  // ten seconds later: shrinking…
        #expect(targets[500] > .milliseconds(60))  // …slowly
        #expect(targets.last == .milliseconds(20))
        for (earlier, later) in zip(targets, targets.dropFirst()) { #expect(later <= earlier) }
    }

    @Test func anSSRCChangeOrATimestampJumpResetsTheBuffer() {
        var buffer = JitterBuffer()
        for index in 0..<10 {
            buffer.insert(sequence: UInt16(index), timestamp: UInt32(index * 160), ssrc: 1, payload: [1], arrival: .milliseconds(Int64(index) * 20))
        }
        #expect(buffer.insert(sequence: 10, timestamp: 1600, ssrc: 2, payload: [2], arrival: .milliseconds(200)) == .reset)
        #expect(buffer.count == 1)
        #expect(buffer.insert(sequence: 11, timestamp: 1_000_000, ssrc: 2, payload: [3], arrival: .milliseconds(220)) == .reset)
        #expect(buffer.insert(sequence: 12, timestamp: 1_000_160, ssrc: 2, payload: [4], arrival: .milliseconds(240)) == .buffered)
        #expect(buffer.statistics.resets == 2)
        #expect(buffer.pop(at: .milliseconds(260)) == .frame([3]))
        #expect(buffer.pop(at: .milliseconds(280)) == .frame([4]))
    }

    @Test func nothingYetIsSilenceAndDTXTurnsToSilenceAfterShortConcealment() {
        var buffer = JitterBuffer(configuration: .init(concealBeforeSilence: 3))
        #expect(buffer.pop(at: .zero) == .silence)
        for index in 0..<5 {
            buffer.insert(sequence: UInt16(index), timestamp: UInt32(index * 160), ssrc: 1, payload: [UInt8(index)], arrival: .milliseconds(Int64(index) * 20))
        }
        var outputs: [JitterBuffer.Output] = []
        for tick in 1...12 { outputs.append(buffer.pop(at: .milliseconds(Int64(tick) * 20))) }
        #expect(outputs.prefix(5) == [.frame([0]), .frame([1]), .frame([2]), .frame([3]), .frame([4])])
        #expect(outputs[5...7] == [.conceal, .conceal, .conceal])
        #expect(outputs[8...].allSatisfy { $0 == .silence })
        // Speech resumes after DTX with a later timestamp: played once due, no reset.
        buffer.insert(sequence: 5, timestamp: 100 * 160, ssrc: 1, payload: [9], arrival: .milliseconds(2000))
        var resumed: [JitterBuffer.Output] = []
        for tick in 100...103 { resumed.append(buffer.pop(at: .milliseconds(Int64(tick) * 20))) }
        #expect(resumed == [.silence, .frame([9]), .conceal, .conceal])
        #expect(buffer.statistics.resets == 0)
    }

    @Test func aShortDTXPauseIsSilenceNotLoss() {
        var buffer = JitterBuffer()
        var outputs: [JitterBuffer.Output] = []
        // Ten frames, a 200 ms pause in timestamps with no sequence gap, ten more frames.
        for index in 0..<20 {
            let timestamp = UInt32(index < 10 ? index : index + 10) * 160
            let arrival = MediaTime.milliseconds(Int64(timestamp) / 8 + 30)
            buffer.insert(sequence: UInt16(index), timestamp: timestamp, ssrc: 1, payload: [UInt8(index)], arrival: arrival)
        }
        for tick in 0..<40 { outputs.append(buffer.pop(at: .milliseconds(Int64(tick) * 20 + 55))) }
        #expect(outputs.filter { if case .frame = $0 { true } else { false } }.count == 20)
        #expect(buffer.statistics.concealed == 10)  // only after the end of the stream
        #expect(buffer.statistics.silent == 10)  // exactly the 200 ms pause
    }

    @Test func latePacketsAreCountedAndNotPlayed() {
        var buffer = JitterBuffer()
        buffer.insert(sequence: 0, timestamp: 0, ssrc: 1, payload: [0], arrival: .zero)
        #expect(buffer.pop(at: .milliseconds(20)) == .frame([0]))
        #expect(buffer.pop(at: .milliseconds(40)) == .conceal)  // frame 1 missing
        #expect(buffer.insert(sequence: 1, timestamp: 160, ssrc: 1, payload: [1], arrival: .milliseconds(45)) == .late)
        #expect(buffer.statistics.late == 1)
    }
}
