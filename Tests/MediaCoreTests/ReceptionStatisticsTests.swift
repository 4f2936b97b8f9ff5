import MediaCore
import Testing

/// RFC 3550 A.1 (sequence validation), A.3 (loss), A.8 (jitter), §6.4.1 (LSR/DLSR, RTT).
@Suite struct ReceptionStatisticsTests {
    /// Feeds `sequences` 20 ms apart with matching 160-sample timestamps.
    private func feed(_ statistics: inout RTPSourceStatistics, _ sequences: some Sequence<UInt16>) -> [RTPSourceStatistics.Verdict] {
        sequences.map { sequence in
            statistics.receive(sequence: sequence, timestamp: UInt32(sequence) &* 160, arrival: .milliseconds(Int64(sequence) * 20))
        }
    }

    @Test func aSourceIsOnProbationUntilTwoPacketsArriveInOrder() {
        var statistics = RTPSourceStatistics(ssrc: 1, clockRate: 8000, firstSequence: 100)
        #expect(feed(&statistics, [100]) == [.probation])
        #expect(statistics.cumulativeLost == 0)
        #expect(feed(&statistics, [101, 102]) == [.accepted, .accepted])
        #expect(statistics.received == 2)
        #expect(statistics.expected == 2)
        // Out of order during probation restarts the count.
        var fresh = RTPSourceStatistics(ssrc: 1, clockRate: 8000, firstSequence: 10)
        #expect(feed(&fresh, [10, 12, 13]) == [.probation, .probation, .accepted])
    }

    @Test func lossIsExpectedMinusReceivedAndFractionIsPerInterval() {
        var statistics = RTPSourceStatistics(ssrc: 7, clockRate: 8000, firstSequence: 0)
        // 0 is the probation packet, so counting starts at 1; every 4th packet is lost (4…100).
        _ = feed(&statistics, (0..<101).filter { $0 == 0 || $0 % 4 != 0 })
        #expect(statistics.expected == 99)  // 1…99: 100 is lost and not yet known to exist
        #expect(statistics.cumulativeLost == 24)
        let first = statistics.makeReportBlock(at: .seconds(3))
        #expect(first.ssrc == 7)
        #expect(first.cumulativeLost == 24)
        #expect(first.fractionLost == UInt8(24 * 256 / 99))
        #expect(first.extendedHighestSequence == 99)
        _ = feed(&statistics, 101..<201)
        let second = statistics.makeReportBlock(at: .seconds(5))
        #expect(second.fractionLost == UInt8(1 * 256 / 101))  // only 100 was lost in this interval
        #expect(second.cumulativeLost == 25)
        let third = statistics.makeReportBlock(at: .seconds(7))
        #expect(third.fractionLost == 0)
    }

    @Test func sequenceWrapCountsCyclesIntoTheExtendedSequence() {
        var statistics = RTPSourceStatistics(ssrc: 1, clockRate: 8000, firstSequence: 65530)
        let sequences = (65530...65535).map { UInt16($0) } + (0...9).map { UInt16($0) }
        #expect(feed(&statistics, sequences).allSatisfy { $0 != .badSequence })
        #expect(statistics.extendedHighestSequence == 65536 + 9)
        #expect(statistics.cumulativeLost == 0)
    }

    @Test func aLargeJumpIsDroppedOnceAndRestartsTheSourceWhenItContinues() {
        var statistics = RTPSourceStatistics(ssrc: 1, clockRate: 8000, firstSequence: 1)
        _ = feed(&statistics, 1...50)
        #expect(feed(&statistics, [10_000]) == [.badSequence])
        #expect(feed(&statistics, [51]) == [.accepted])  // a stray: the stream goes on
        #expect(feed(&statistics, [20_000, 20_001]) == [.badSequence, .restarted])
        #expect(statistics.extendedHighestSequence == 20_001)
        #expect(statistics.received == 1)
    }

    @Test func reorderedAndDuplicatePacketsAreCountedWithoutMovingTheMaximum() {
        var statistics = RTPSourceStatistics(ssrc: 1, clockRate: 8000, firstSequence: 1)
        _ = feed(&statistics, 1...100)
        #expect(feed(&statistics, [60, 100, 100]) == [.accepted, .accepted, .accepted])
        #expect(statistics.extendedHighestSequence == 100)
        #expect(statistics.cumulativeLost == -3)  // A.3: duplicates make loss negative
        #expect(statistics.makeReportBlock(at: .zero).cumulativeLost == -3)
    }

    @Test func jitterFollowsA8() {
        var statistics = RTPSourceStatistics(ssrc: 1, clockRate: 8000, firstSequence: 0)
        // Constant transit: no jitter, even across the 32-bit timestamp wrap.
        for index in 0..<50 {
            _ = statistics.receive(sequence: UInt16(index), timestamp: 0xFFFF_F000 &+ UInt32(index) * 160, arrival: .milliseconds(Int64(index) * 20))
        }
        #expect(statistics.jitter == 0)
        // Alternately 10 ms early and late: |D| = 160 units each time, so J → 160.
        var jittery = RTPSourceStatistics(ssrc: 1, clockRate: 8000, firstSequence: 0)
        var values: [Double] = []
        for index in 0..<400 {
            let skew: Int64 = index % 2 == 0 ? 0 : 20
            _ = jittery.receive(sequence: UInt16(index), timestamp: UInt32(index) * 160, arrival: .milliseconds(Int64(index) * 20 + skew))
            values.append(jittery.jitter)
        }
        #expect(values[1] == 0)  // the first accepted packet only sets the transit
        #expect(values[2] == 10)  // 160 / 16
        #expect(abs(values[399] - 160) < 0.01)
        #expect(jittery.makeReportBlock(at: .zero).jitter == 159)
    }

    @Test func reportBlocksCarryLSRAndDLSR() {
        var statistics = RTPReceptionStatistics(clockRate: 8000)
        for sequence in UInt16(0)..<10 {
            statistics.receive(RTPHeader(payloadType: 0, sequenceNumber: sequence, timestamp: 0, ssrc: 42), arrival: .zero)
        }
        statistics.receive(RTPHeader(payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 43), arrival: .zero)  // on probation
        let sr = RTCPSenderReport(ssrc: 42, senderInfo: RTCPSenderInfo(
            ntpTimestamp: NTPTimestamp(seconds: 0xAB_B705, fraction: 0x2000_0000), rtpTimestamp: 0, packetCount: 0, octetCount: 0))
        statistics.senderReportReceived(sr, at: .seconds(10))
        let blocks = statistics.makeReportBlocks(at: .seconds(15.25))
        #expect(blocks.map(\.ssrc) == [42])
        #expect(blocks.first?.lastSenderReport == 0xB705_2000)
        #expect(blocks.first?.delaySinceLastSenderReport == 0x0005_4000)  // 5.25 s in 1/65536 s
    }

    @Test func roundTripTimeMatchesTheRFC3550Example() {
        // §6.4.1: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 0x0005:4000 → 6.125 s.
        let block = RTCPReportBlock(
            ssrc: 1, fractionLost: 0, cumulativeLost: 0, extendedHighestSequence: 0, jitter: 0,
            lastSenderReport: 0xB705_2000, delaySinceLastSenderReport: 0x0005_4000)
        let arrival = NTPTimestamp(seconds: 0xB710, fraction: 0x8000_0000)
        #expect(RoundTripTime.seconds(reportArrival: arrival, block: block) == 6.125)
        var noSR = block
        noSR.lastSenderReport = 0
        #expect(RoundTripTime.seconds(reportArrival: arrival, block: noSR) == nil)
        #expect(RoundTripTime.seconds(reportArrival: NTPTimestamp(seconds: 0xB705, fraction: 0), block: block) == nil)
    }

    @Test func theSourceTableIsBounded() {
        var statistics = RTPReceptionStatistics(clockRate: 8000, maximumSources: 3)
        for ssrc in UInt32(0)..<10 {
            statistics.receive(RTPHeader(payloadType: 0, sequenceNumber: 1, timestamp: 0, ssrc: ssrc), arrival: .zero)
        }
        #expect(statistics.sources.count == 3)
        statistics.remove(ssrc: 0)
        #expect(statistics.sources.count == 2)
    }
}

@Suite struct MOSAndIntervalTests {
    @Test func noImpairmentIsAbout4point4() {
        let estimate = MOSEstimate(lossFraction: 0, jitter: 0, roundTrip: 0)
        #expect(abs(estimate.mos - 4.40) < 0.02)
        #expect(abs(estimate.rFactor - 92.72) < 0.01)
    }

    @Test func risingLossLowersMOSMonotonically() {
        let values = stride(from: 0.0, through: 0.5, by: 0.01).map { MOSEstimate(lossFraction: $0, jitter: 0.01, roundTrip: 0.05).mos }
        for (lower, higher) in zip(values.dropFirst(), values) { #expect(lower < higher) }
        #expect(values.last! >= 1)
        // 5 % random loss on G.711 with PLC: Ie,eff = 95·5/30.1 = 15.78, R = 76.94, MOS ≈ 3.90.
        #expect(abs(MOSEstimate(lossFraction: 0.05, jitter: 0, roundTrip: 0).mos - 3.90) < 0.01)
    }

    @Test func delayAndJitterLowerMOSAndNonsenseIsClamped() {
        let calm = MOSEstimate(lossFraction: 0, jitter: 0, roundTrip: 0.1).mos
        #expect(MOSEstimate(lossFraction: 0, jitter: 0, roundTrip: 0.6).mos < calm)
        #expect(MOSEstimate(lossFraction: 0, jitter: 0.05, roundTrip: 0.1).mos < calm)
        #expect(MOSEstimate(lossFraction: 0, jitter: 0, roundTrip: 5).mos == 1)
        #expect(MOSEstimate(lossFraction: .nan, jitter: .infinity, roundTrip: -1).mos.isFinite)
        #expect(MOSEstimate.mos(fromR: 120) == 4.5)
    }

    @Test func rtcpIntervalHasAFiveSecondFloorAndA7Randomisation() {
        var generator = SeededGenerator(seed: 1)
        let pair = RTCPInterval.Session(members: 2, senders: 2, rtcpBandwidth: 400, weSent: true, averagePacketSize: 100, initial: false)
        #expect(RTCPInterval.deterministic(pair) == 5)
        var initial = pair
        initial.initial = true
        #expect(RTCPInterval.deterministic(initial) == 2.5)
        let samples = (0..<1000).map { _ in RTCPInterval.next(pair, using: &generator).seconds }
        #expect(samples.allSatisfy { $0 >= 2.5 / RTCPInterval.compensation - 1e-6 && $0 < 7.5 / RTCPInterval.compensation })
        #expect(samples.min()! < 2.2 && samples.max()! > 6.0)  // spread over the whole range
        // A large audience: 1000 members share the bandwidth, 10 senders get a quarter of it.
        let crowd = RTCPInterval.Session(members: 1000, senders: 10, rtcpBandwidth: 400, weSent: false, averagePacketSize: 100, initial: false)
        #expect(RTCPInterval.deterministic(crowd) == 100 * 990 / 300)
        var sender = crowd
        sender.weSent = true
        #expect(RTCPInterval.deterministic(sender) == 10)
    }
}
