/// One RTCP packet of a compound packet (RFC 3550 §6.1).
public enum RTCPPacket: Hashable, Sendable {
    case senderReport(RTCPSenderReport)
    case receiverReport(RTCPReceiverReport)
    case sourceDescription(RTCPSourceDescription)
    case goodbye(RTCPGoodbye)
    case other(RTCPOtherPacket)

    public static let senderReportType: UInt8 = 200
    public static let receiverReportType: UInt8 = 201
    public static let sourceDescriptionType: UInt8 = 202
    public static let goodbyeType: UInt8 = 203
}

/// Why bytes are not a valid compound RTCP packet. Offsets are where the offending packet starts.
public enum RTCPParseError: Error, Hashable, Sendable {
    case truncated(offset: Int, needed: Int, available: Int)
    case unsupportedVersion(UInt8, offset: Int)
    /// The length field claims more bytes than the datagram holds.
    case lengthOverrun(offset: Int, declared: Int, available: Int)
    /// RFC 3550 A.2: only the last packet of a compound packet may be padded.
    case paddingNotInLastPacket(offset: Int)
    case invalidPadding(offset: Int, count: Int)
    /// The counted blocks/chunks/SSRCs do not fit in the packet's length.
    case bodyTooShort(packetType: UInt8, offset: Int)
    /// RFC 3550 A.2: a compound packet starts with an SR or RR.
    case firstPacketNotReport(packetType: UInt8)
    case malformedSourceDescription(offset: Int)
}

/// Why packets cannot be written.
public enum RTCPSerializationError: Error, Hashable, Sendable {
    /// More than 31 report blocks, chunks or SSRCs.
    case countTooLarge(Int)
    case itemTooLong(byteCount: Int)
    case bodyNotWordAligned(byteCount: Int)
    case packetTooLong(byteCount: Int)
}

/// Compound RTCP packets (RFC 3550 §6.1): parse with the validity checks of A.2, serialize.
public enum RTCPCompoundPacket {
    /// Parses every packet of a compound packet. `requireReportFirst` applies A.2's "first
    /// packet is SR or RR" rule; pass false for reduced-size RTCP (RFC 5506).
    public static func parse(
        _ bytes: UnsafeRawBufferPointer, requireReportFirst: Bool = true
    ) throws(RTCPParseError) -> [RTCPPacket] {
        guard !bytes.isEmpty else { throw .truncated(offset: 0, needed: 4, available: 0) }
        var packets: [RTCPPacket] = []
        var offset = 0
        while offset < bytes.count {
            let (packet, end) = try parsePacket(bytes, at: offset)
            if packets.isEmpty, requireReportFirst {
                let type = bytes[offset + 1]
                guard type == RTCPPacket.senderReportType || type == RTCPPacket.receiverReportType else {
                    throw .firstPacketNotReport(packetType: type)
                }
            }
            packets.append(packet)
            offset = end
        }
        return packets
    }

    public static func parse(_ bytes: [UInt8], requireReportFirst: Bool = true) throws(RTCPParseError) -> [RTCPPacket] {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(RTCPParseError) in try parse(raw, requireReportFirst: requireReportFirst) }
        }
        return try result.get()
    }

    /// Serializes packets back to back; the caller decides whether the list is a valid compound.
    public static func serialize(_ packets: [RTCPPacket]) throws(RTCPSerializationError) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(packets.count * 64)
        for packet in packets { try RTCPPacketWriter.write(packet, to: &buffer) }
        return buffer
    }

    /// One packet's common header and body; returns the packet and where the next one starts.
    private static func parsePacket(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(RTCPParseError) -> (RTCPPacket, Int) {
        let available = bytes.count - offset
        guard available >= 4 else { throw .truncated(offset: offset, needed: 4, available: available) }
        let first = bytes[offset]
        guard first >> 6 == 2 else { throw .unsupportedVersion(first >> 6, offset: offset) }
        let length = (Int(bytes.bigEndianUInt16(at: offset + 2)) + 1) * 4
        guard length <= available else { throw .lengthOverrun(offset: offset, declared: length, available: available) }
        let end = offset + length
        var bodyEnd = end
        if first & 0x20 != 0 {
            guard end == bytes.count else { throw .paddingNotInLastPacket(offset: offset) }
            let padding = Int(bytes[end - 1])
            guard padding > 0, padding <= length - 4 else { throw .invalidPadding(offset: offset, count: padding) }
            bodyEnd = end - padding
        }
        let body = RTCPBody(bytes: bytes, packetStart: offset, range: offset + 4..<bodyEnd, count: Int(first & 0x1F), type: bytes[offset + 1])
        return (try body.parse(), end)
    }
}

/// The part of one packet after its common header, with the 5-bit count field.
struct RTCPBody {
    let bytes: UnsafeRawBufferPointer
    let packetStart: Int
    let range: Range<Int>
    let count: Int
    let type: UInt8

    func parse() throws(RTCPParseError) -> RTCPPacket {
        switch type {
        case RTCPPacket.senderReportType: return .senderReport(try senderReport())
        case RTCPPacket.receiverReportType: return .receiverReport(try receiverReport())
        case RTCPPacket.sourceDescriptionType: return .sourceDescription(try sourceDescription())
        case RTCPPacket.goodbyeType: return .goodbye(try goodbye())
        default:
            return .other(RTCPOtherPacket(packetType: type, countField: UInt8(count), body: bytes.copyBytes(range)))
        }
    }

    private func require(_ byteCount: Int) throws(RTCPParseError) {
        guard range.count >= byteCount else { throw .bodyTooShort(packetType: type, offset: packetStart) }
    }

    private func reportBlocks(from start: Int) -> [RTCPReportBlock] {
        (0..<count).map { RTCPReportBlock.parse(bytes, at: start + $0 * RTCPReportBlock.byteCount) }
    }

    private func senderReport() throws(RTCPParseError) -> RTCPSenderReport {
        try require(24 + count * RTCPReportBlock.byteCount)
        let base = range.lowerBound
        let info = RTCPSenderInfo(
            ntpTimestamp: NTPTimestamp(seconds: bytes.bigEndianUInt32(at: base + 4), fraction: bytes.bigEndianUInt32(at: base + 8)),
            rtpTimestamp: bytes.bigEndianUInt32(at: base + 12), packetCount: bytes.bigEndianUInt32(at: base + 16),
            octetCount: bytes.bigEndianUInt32(at: base + 20))
        let blocksEnd = base + 24 + count * RTCPReportBlock.byteCount
        return RTCPSenderReport(
            ssrc: bytes.bigEndianUInt32(at: base), senderInfo: info, reportBlocks: reportBlocks(from: base + 24),
            profileExtension: bytes.copyBytes(blocksEnd..<range.upperBound))
    }

    private func receiverReport() throws(RTCPParseError) -> RTCPReceiverReport {
        try require(4 + count * RTCPReportBlock.byteCount)
        let base = range.lowerBound
        let blocksEnd = base + 4 + count * RTCPReportBlock.byteCount
        return RTCPReceiverReport(
            ssrc: bytes.bigEndianUInt32(at: base), reportBlocks: reportBlocks(from: base + 4),
            profileExtension: bytes.copyBytes(blocksEnd..<range.upperBound))
    }

    /// Chunks of SSRC + items, each chunk ended by null octets up to a word boundary (§6.5).
    private func sourceDescription() throws(RTCPParseError) -> RTCPSourceDescription {
        var chunks: [RTCPSourceDescription.Chunk] = []
        var position = range.lowerBound
        for _ in 0..<count {
            guard range.upperBound - position >= 4 else { throw .bodyTooShort(packetType: type, offset: packetStart) }
            var chunk = RTCPSourceDescription.Chunk(ssrc: bytes.bigEndianUInt32(at: position), items: [])
            position += 4
            while true {
                guard position < range.upperBound else { throw .malformedSourceDescription(offset: packetStart) }
                let itemType = bytes[position]
                if itemType == 0 {
                    // Skip the null terminator and the padding to the next 32-bit boundary.
                    position = (position - packetStart) / 4 * 4 + 4 + packetStart
                    break
                }
                guard range.upperBound - position >= 2 else { throw .malformedSourceDescription(offset: packetStart) }
                let length = Int(bytes[position + 1])
                guard range.upperBound - position - 2 >= length else { throw .malformedSourceDescription(offset: packetStart) }
                chunk.items.append(.init(type: itemType, value: bytes.copyBytes(position + 2..<position + 2 + length)))
                position += 2 + length
            }
            guard position <= range.upperBound else { throw .malformedSourceDescription(offset: packetStart) }
            chunks.append(chunk)
        }
        return RTCPSourceDescription(chunks: chunks)
    }

    private func goodbye() throws(RTCPParseError) -> RTCPGoodbye {
        try require(4 * count)
        let base = range.lowerBound
        let ssrcs = (0..<count).map { bytes.bigEndianUInt32(at: base + 4 * $0) }
        let reasonStart = base + 4 * count
        guard reasonStart < range.upperBound else { return RTCPGoodbye(ssrcs: ssrcs) }
        let length = Int(bytes[reasonStart])
        guard range.upperBound - reasonStart - 1 >= length else { throw .bodyTooShort(packetType: type, offset: packetStart) }
        return RTCPGoodbye(ssrcs: ssrcs, reason: bytes.copyBytes(reasonStart + 1..<reasonStart + 1 + length))
    }
}
