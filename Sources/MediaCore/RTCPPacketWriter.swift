/// Writes single RTCP packets (RFC 3550 §6.4–6.6): common header, body, then the length
/// field patched in once the body's size is known.
enum RTCPPacketWriter {
    static func write(_ packet: RTCPPacket, to buffer: inout [UInt8]) throws(RTCPSerializationError) {
        let start = buffer.count
        switch packet {
        case .senderReport(let report):
            try header(count: report.reportBlocks.count, type: RTCPPacket.senderReportType, to: &buffer)
            buffer.appendBigEndian(report.ssrc)
            let info = report.senderInfo
            buffer.appendBigEndian(info.ntpTimestamp.seconds)
            buffer.appendBigEndian(info.ntpTimestamp.fraction)
            buffer.appendBigEndian(info.rtpTimestamp)
            buffer.appendBigEndian(info.packetCount)
            buffer.appendBigEndian(info.octetCount)
            for block in report.reportBlocks { block.write(to: &buffer) }
            try appendWords(report.profileExtension, to: &buffer)
        case .receiverReport(let report):
            try header(count: report.reportBlocks.count, type: RTCPPacket.receiverReportType, to: &buffer)
            buffer.appendBigEndian(report.ssrc)
            for block in report.reportBlocks { block.write(to: &buffer) }
            try appendWords(report.profileExtension, to: &buffer)
        case .sourceDescription(let description):
            try header(count: description.chunks.count, type: RTCPPacket.sourceDescriptionType, to: &buffer)
            for chunk in description.chunks { try write(chunk, to: &buffer, packetStart: start) }
        case .goodbye(let goodbye):
            try header(count: goodbye.ssrcs.count, type: RTCPPacket.goodbyeType, to: &buffer)
            for ssrc in goodbye.ssrcs { buffer.appendBigEndian(ssrc) }
            if let reason = goodbye.reason {
                guard reason.count <= 255 else { throw .itemTooLong(byteCount: reason.count) }
                buffer.append(UInt8(reason.count))
                buffer.append(contentsOf: reason)
                padToWord(&buffer, packetStart: start)
            }
        case .other(let other):
            try header(count: Int(other.countField & 0x1F), type: other.packetType, to: &buffer)
            try appendWords(other.body, to: &buffer)
        }
        let words = (buffer.count - start) / 4 - 1
        guard words <= Int(UInt16.max) else { throw .packetTooLong(byteCount: buffer.count - start) }
        buffer.storeBigEndian(UInt16(words), at: start + 2)
    }

    private static func header(count: Int, type: UInt8, to buffer: inout [UInt8]) throws(RTCPSerializationError) {
        guard count <= 31 else { throw .countTooLarge(count) }
        buffer.append(0x80 | UInt8(count))
        buffer.append(type)
        buffer.appendBigEndian(UInt16(0))
    }

    private static func write(
        _ chunk: RTCPSourceDescription.Chunk, to buffer: inout [UInt8], packetStart: Int
    ) throws(RTCPSerializationError) {
        buffer.appendBigEndian(chunk.ssrc)
        for item in chunk.items {
            guard item.value.count <= 255 else { throw .itemTooLong(byteCount: item.value.count) }
            buffer.append(item.type)
            buffer.append(UInt8(item.value.count))
            buffer.append(contentsOf: item.value)
        }
        // The list ends with at least one null octet, then nulls up to a word boundary (§6.5).
        buffer.append(0)
        padToWord(&buffer, packetStart: packetStart)
    }

    private static func appendWords(_ bytes: [UInt8], to buffer: inout [UInt8]) throws(RTCPSerializationError) {
        guard bytes.count % 4 == 0 else { throw .bodyNotWordAligned(byteCount: bytes.count) }
        buffer.append(contentsOf: bytes)
    }

    /// Null octets up to the packet's next 32-bit boundary.
    private static func padToWord(_ buffer: inout [UInt8], packetStart: Int) {
        while (buffer.count - packetStart) % 4 != 0 { buffer.append(0) }
    }
}
