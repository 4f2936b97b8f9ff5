/// Reception statistics for one remote source: RFC 3550 A.1 sequence validation, A.3 loss,
/// A.8 interarrival jitter, and the LSR/DLSR bookkeeping for its report block (§6.4.1).
public struct RTPSourceStatistics: Sendable {
    /// What `receive` made of a packet.
    public enum Verdict: Hashable, Sendable {
        /// In sequence (or a tolerated reorder/duplicate): counted.
        case accepted
        /// The source is still on probation (A.1: MIN_SEQUENTIAL packets in order before trust).
        case probation
        /// A large jump: dropped, unless the next packet follows it (then the source restarts).
        case badSequence
        /// Two packets in a row continued a large jump: the sender restarted; counters reset.
        case restarted
    }

    /// A.1's constants: packets needed in order before a source is valid, and the largest
    /// forward jump and backward reorder still treated as the same sequence space.
    public static let minSequential = 2
    public static let maxDropout: UInt16 = 3000
    public static let maxMisorder: UInt16 = 100

    public let ssrc: UInt32
    public let clockRate: Int
    private var maxSequence: UInt16 = 0
    private var cycles: UInt32 = 0
    private var baseSequence: UInt32 = 0
    private var badSequence: UInt32 = 0x1_0001
    private var probation = RTPSourceStatistics.minSequential
    public private(set) var received: UInt32 = 0
    private var expectedPrior: UInt32 = 0
    private var receivedPrior: UInt32 = 0
    private var lastTransit: UInt32?
    /// A.8's estimate in timestamp units, kept as a Double rather than A.8's ×16 integer.
    public private(set) var jitter: Double = 0
    private var lastSenderReport: (middle32: UInt32, arrival: MediaTime)?

    /// The first packet of the source starts its probation (A.1: max_seq = seq − 1).
    public init(ssrc: UInt32, clockRate: Int, firstSequence: UInt16) {
        self.ssrc = ssrc
        self.clockRate = min(max(clockRate, 1), 1_000_000)
        restart(at: firstSequence)
        maxSequence = firstSequence &- 1
    }

    /// Feeds one packet; `arrival` is read from the receive clock when the packet arrived.
    public mutating func receive(sequence: UInt16, timestamp: UInt32, arrival: MediaTime) -> Verdict {
        let verdict = updateSequence(sequence)
        switch verdict {
        case .accepted, .restarted: updateJitter(timestamp: timestamp, arrival: arrival)
        case .probation, .badSequence: break
        }
        return verdict
    }

    /// A.1's update_seq, case for case.
    private mutating func updateSequence(_ sequence: UInt16) -> Verdict {
        let delta = sequence &- maxSequence
        if probation > 0 {
            guard sequence == maxSequence &+ 1 else {
                probation = Self.minSequential - 1
                maxSequence = sequence
                return .probation
            }
            probation -= 1
            maxSequence = sequence
            guard probation == 0 else { return .probation }
            restart(at: sequence)
            received += 1
            return .accepted
        }
        if delta < Self.maxDropout {
            if sequence < maxSequence { cycles &+= 0x1_0000 }
            maxSequence = sequence
        } else if delta <= UInt16.max - Self.maxMisorder {
            guard UInt32(sequence) == badSequence else {
                badSequence = (UInt32(sequence) + 1) & 0xFFFF
                return .badSequence
            }
            restart(at: sequence)
            received += 1
            lastTransit = nil
            return .restarted
        }
        // Otherwise a duplicate or a reordered packet: counted, max_seq unchanged.
        received &+= 1
        return .accepted
    }

    private mutating func restart(at sequence: UInt16) {
        baseSequence = UInt32(sequence)
        maxSequence = sequence
        badSequence = 0x1_0001
        cycles = 0
        received = 0
        receivedPrior = 0
        expectedPrior = 0
    }

    /// A.8: J += (|D| − J) / 16, with transit times compared modulo 2^32 so timestamp wrap is harmless.
    private mutating func updateJitter(timestamp: UInt32, arrival: MediaTime) {
        // Arrival in timestamp units, modulo 2^32 (only differences matter).
        let whole = arrival.microseconds / 1_000_000
        let rest = arrival.microseconds % 1_000_000
        let units = whole &* Int64(clockRate) &+ rest * Int64(clockRate) / 1_000_000
        let transit = UInt32(truncatingIfNeeded: units) &- timestamp
        defer { lastTransit = transit }
        guard let lastTransit else { return }
        let difference = Double(Int32(bitPattern: transit &- lastTransit)).magnitude
        jitter += (difference - jitter) / 16
    }

    /// The highest sequence number seen, extended with the count of wraps (§6.4.1).
    public var extendedHighestSequence: UInt32 { cycles &+ UInt32(maxSequence) }

    /// A.3: packets expected from the base sequence to the highest seen.
    public var expected: UInt32 { extendedHighestSequence &- baseSequence &+ 1 }

    /// A.3: expected minus received; negative when duplicates arrive.
    public var cumulativeLost: Int64 { probation > 0 ? 0 : Int64(expected) - Int64(received) }

    /// Records an SR from this source so the next report block can carry LSR and DLSR.
    public mutating func senderReportReceived(_ timestamp: NTPTimestamp, at arrival: MediaTime) {
        lastSenderReport = (timestamp.middle32, arrival)
    }

    /// The report block for an SR/RR sent at `now`; starts a new A.3 loss interval.
    public mutating func makeReportBlock(at now: MediaTime) -> RTCPReportBlock {
        let expectedNow = probation > 0 ? 0 : expected
        let expectedInterval = Int64(expectedNow) - Int64(expectedPrior)
        let receivedInterval = Int64(received) - Int64(receivedPrior)
        expectedPrior = expectedNow
        receivedPrior = received
        let lostInterval = expectedInterval - receivedInterval
        let fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (lostInterval << 8) / expectedInterval
        let lost = min(max(cumulativeLost, -8_388_608), 8_388_607)
        return RTCPReportBlock(
            ssrc: ssrc, fractionLost: UInt8(clamping: fraction), cumulativeLost: Int32(lost),
            extendedHighestSequence: extendedHighestSequence, jitter: UInt32(jitter),
            lastSenderReport: lastSenderReport?.middle32 ?? 0,
            delaySinceLastSenderReport: lastSenderReport.map { ShortNTP.units(now - $0.arrival) } ?? 0)
    }
}
