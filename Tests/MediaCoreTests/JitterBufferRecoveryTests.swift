import MediaCore
import Testing

/// After a lost frame, the jitter buffer offers the next packet (already buffered) so an Opus
/// decoder can recover the lost frame from its in-band FEC (RFC 7587 §3.3).
@Suite struct JitterBufferRecoveryTests {
    /// Feeds frames 0..<count, 20 ms apart with a constant 40 ms transit, skipping `lost`, and
    /// pops one frame per period; returns what each pop gave and the recovery payload it offered.
    func run(lost: Set<Int>, count: Int = 40) -> [(output: JitterBuffer.Output, recovery: [UInt8]?)] {
        var buffer = JitterBuffer()
        var results: [(JitterBuffer.Output, [UInt8]?)] = []
        for tick in 0..<(count + 10) {
            let now = MediaTime.milliseconds(Int64(tick * 20))
            // Frame n is sent at n×20 ms and arrives 40 ms later.
            let arriving = tick - 2
            if arriving >= 0, arriving < count, !lost.contains(arriving) {
                buffer.insert(sequence: UInt16(arriving), timestamp: UInt32(arriving * 160), ssrc: 7,
                              payload: [UInt8(arriving)], arrival: now)
            }
            let output = buffer.pop(at: now)
            results.append((output, buffer.recoveryPayload))
        }
        return results
    }

    @Test func aLostFrameIsConcealedWithTheNextPacketOffered() {
        let results = run(lost: [10])
        let played = results.compactMap { if case .frame(let bytes) = $0.output { bytes.first } else { nil } }
        #expect(!played.contains(10))
        let concealed = results.filter { $0.output == .conceal }
        // The first concealment is the lost frame 10; frame 11 is already buffered by then.
        #expect(concealed.first?.recovery == [11], "\(concealed.map(\.recovery))")
        // Every played frame comes with no recovery payload.
        #expect(results.filter { if case .frame = $0.output { true } else { false } }.allSatisfy { $0.recovery == nil })
    }

    @Test func twoLostFramesInARowOfferOnlyWhatFollowsEachDirectly() {
        let results = run(lost: [10, 11])
        let concealed = results.filter { $0.output == .conceal }.prefix(2)
        // Frame 10's successor (11) is lost too: nothing to recover from; frame 11's is 12.
        #expect(concealed.map(\.recovery) == [nil, [12]], "\(concealed.map(\.recovery))")
    }
}
