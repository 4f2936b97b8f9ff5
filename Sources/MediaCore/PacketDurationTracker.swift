/// Learns how much audio each of the peer's packets carries, from the timestamp step between
/// packets with consecutive sequence numbers (RFC 3550 §5.1: the timestamp advances by the
/// samples in the packet). `a=ptime` is only what a peer wants to *receive* (RFC 4566 §6), and
/// trunks and desk phones send 10, 30, 40 or 60 ms packets, so the receiver must measure.
///
/// A new duration is adopted only after it is seen `confirmations` times in a row, so a DTX
/// pause (a jump with consecutive sequence numbers) or a single odd packet changes nothing.
public struct PacketDurationTracker: Sendable {
    /// The duration in use, in RTP timestamp units.
    public private(set) var current: UInt32
    public let maximum: UInt32
    public let confirmations: Int
    private var previous: (sequence: UInt16, timestamp: UInt32)?
    private var candidate: UInt32 = 0
    private var seen = 0

    /// `initial` is the duration assumed until the stream says otherwise (20 ms); steps above
    /// `maximum` (120 ms, the most RFC 3551 §4.5 packets are expected to hold) are ignored.
    public init(initial: UInt32, maximum: UInt32, confirmations: Int = 3) {
        current = initial
        self.maximum = maximum
        self.confirmations = max(confirmations, 1)
    }

    /// True until the first packet is observed (when `assume` still applies).
    public var awaitsFirstPacket: Bool { previous == nil }

    /// Before the first packet: a duration known from the payload itself (G.711 and G.722 carry
    /// one byte per RTP timestamp unit), so the stream starts with the right frame. Returns it
    /// when it differs from the current one.
    public mutating func assume(_ duration: UInt32) -> UInt32? {
        guard previous == nil, duration > 0, duration <= maximum, duration != current else { return nil }
        current = duration
        return duration
    }

    /// Feeds one packet; returns the new duration when it has just changed.
    public mutating func observe(sequence: UInt16, timestamp: UInt32) -> UInt32? {
        defer { previous = (sequence, timestamp) }
        guard let previous, sequence == previous.sequence &+ 1 else { return nil }
        let step = timestamp &- previous.timestamp
        guard step > 0, step <= maximum else {
            seen = 0
            return nil
        }
        if step == candidate {
            seen += 1
        } else {
            candidate = step
            seen = 1
        }
        guard seen >= confirmations, step != current else { return nil }
        current = step
        return step
    }
}
