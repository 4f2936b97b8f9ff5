/// One reception report block (RFC 3550 §6.4.1), 24 octets on the wire.
public struct RTCPReportBlock: Hashable, Sendable {
    public var ssrc: UInt32
    /// Loss since the previous report, as a fixed-point fraction with the point at the left.
    public var fractionLost: UInt8
    /// Cumulative packets lost: 24-bit signed (duplicates can make it negative), clamped to
    /// −8388608…8388607 when serialized.
    public var cumulativeLost: Int32
    public var extendedHighestSequence: UInt32
    /// Interarrival jitter in timestamp units.
    public var jitter: UInt32
    /// LSR: middle 32 bits of the NTP timestamp of the last SR from this source, 0 if none.
    public var lastSenderReport: UInt32
    /// DLSR: delay since that SR, in 1/65536 s.
    public var delaySinceLastSenderReport: UInt32

    public init(
        ssrc: UInt32, fractionLost: UInt8, cumulativeLost: Int32, extendedHighestSequence: UInt32,
        jitter: UInt32, lastSenderReport: UInt32, delaySinceLastSenderReport: UInt32
    ) {
        self.ssrc = ssrc
        self.fractionLost = fractionLost
        self.cumulativeLost = cumulativeLost
        self.extendedHighestSequence = extendedHighestSequence
        self.jitter = jitter
        self.lastSenderReport = lastSenderReport
        self.delaySinceLastSenderReport = delaySinceLastSenderReport
    }

    static let byteCount = 24

    static func parse(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> RTCPReportBlock {
        let lossWord = bytes.bigEndianUInt32(at: offset + 4)
        // Sign-extend the 24-bit field by shifting it to the top and back arithmetically.
        let cumulative = Int32(bitPattern: lossWord << 8) >> 8
        return RTCPReportBlock(
            ssrc: bytes.bigEndianUInt32(at: offset), fractionLost: UInt8(truncatingIfNeeded: lossWord >> 24),
            cumulativeLost: cumulative, extendedHighestSequence: bytes.bigEndianUInt32(at: offset + 8),
            jitter: bytes.bigEndianUInt32(at: offset + 12), lastSenderReport: bytes.bigEndianUInt32(at: offset + 16),
            delaySinceLastSenderReport: bytes.bigEndianUInt32(at: offset + 20))
    }

    func write(to buffer: inout [UInt8]) {
        buffer.appendBigEndian(ssrc)
        let clamped = min(max(cumulativeLost, -8_388_608), 8_388_607)
        buffer.appendBigEndian(UInt32(fractionLost) << 24 | (UInt32(bitPattern: clamped) & 0x00FF_FFFF))
        buffer.appendBigEndian(extendedHighestSequence)
        buffer.appendBigEndian(jitter)
        buffer.appendBigEndian(lastSenderReport)
        buffer.appendBigEndian(delaySinceLastSenderReport)
    }
}

/// The sender information of an SR (RFC 3550 §6.4.1): the NTP/RTP timestamp pair that lets
/// receivers synchronise, and the sender's packet and octet counts.
public struct RTCPSenderInfo: Hashable, Sendable {
    public var ntpTimestamp: NTPTimestamp
    public var rtpTimestamp: UInt32
    public var packetCount: UInt32
    public var octetCount: UInt32

    public init(ntpTimestamp: NTPTimestamp, rtpTimestamp: UInt32, packetCount: UInt32, octetCount: UInt32) {
        self.ntpTimestamp = ntpTimestamp
        self.rtpTimestamp = rtpTimestamp
        self.packetCount = packetCount
        self.octetCount = octetCount
    }
}

/// SR, packet type 200 (RFC 3550 §6.4.1).
public struct RTCPSenderReport: Hashable, Sendable {
    public var ssrc: UInt32
    public var senderInfo: RTCPSenderInfo
    /// At most 31 (RC is 5 bits).
    public var reportBlocks: [RTCPReportBlock]
    /// Profile-specific extension words after the blocks, kept verbatim.
    public var profileExtension: [UInt8]

    public init(ssrc: UInt32, senderInfo: RTCPSenderInfo, reportBlocks: [RTCPReportBlock] = [], profileExtension: [UInt8] = []) {
        self.ssrc = ssrc
        self.senderInfo = senderInfo
        self.reportBlocks = reportBlocks
        self.profileExtension = profileExtension
    }
}

/// RR, packet type 201 (RFC 3550 §6.4.2).
public struct RTCPReceiverReport: Hashable, Sendable {
    public var ssrc: UInt32
    public var reportBlocks: [RTCPReportBlock]
    public var profileExtension: [UInt8]

    public init(ssrc: UInt32, reportBlocks: [RTCPReportBlock] = [], profileExtension: [UInt8] = []) {
        self.ssrc = ssrc
        self.reportBlocks = reportBlocks
        self.profileExtension = profileExtension
    }
}
