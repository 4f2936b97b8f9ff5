/// The fixed RTP header with its CSRC list and header extension (RFC 3550 §5.1, §5.3.1).
///
/// Padding is not part of the header model: it belongs to the packet (`RTPParsedPacket`), and
/// the P bit is derived when serializing.
public struct RTPHeader: Hashable, Sendable {
    public var marker: Bool
    /// 7 bits; values above 127 cannot be serialized.
    public var payloadType: UInt8
    public var sequenceNumber: UInt16
    public var timestamp: UInt32
    public var ssrc: UInt32
    /// At most 15 (the CC field is 4 bits). Empty arrays do not allocate.
    public var csrcs: [UInt32]
    public var headerExtension: RTPHeaderExtension?

    public init(
        marker: Bool = false, payloadType: UInt8, sequenceNumber: UInt16, timestamp: UInt32, ssrc: UInt32,
        csrcs: [UInt32] = [], headerExtension: RTPHeaderExtension? = nil
    ) {
        self.marker = marker
        self.payloadType = payloadType
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
        self.ssrc = ssrc
        self.csrcs = csrcs
        self.headerExtension = headerExtension
    }

    /// The serialized header length in bytes.
    public var byteCount: Int {
        12 + 4 * csrcs.count + (headerExtension.map { 4 + $0.data.count } ?? 0)
    }
}

/// The header extension of RFC 3550 §5.3.1: a 16-bit profile-defined value and data whose
/// length is a whole number of 32-bit words.
public struct RTPHeaderExtension: Hashable, Sendable {
    public var profile: UInt16
    public var data: [UInt8]

    public init(profile: UInt16, data: [UInt8]) {
        self.profile = profile
        self.data = data
    }
}

/// Why bytes are not an RTP packet.
public enum RTPParseError: Error, Hashable, Sendable {
    /// Fewer bytes than the header (with its CSRCs and extension) declares.
    case truncated(needed: Int, available: Int)
    /// RFC 3550 §5.1: only version 2 is RTP.
    case unsupportedVersion(UInt8)
    /// The P bit is set but the last octet's count is zero or reaches into the header.
    case invalidPadding(count: Int, available: Int)
}

/// Why a header cannot be written.
public enum RTPSerializationError: Error, Hashable, Sendable {
    case payloadTypeOutOfRange(UInt8)
    case tooManyCSRCs(Int)
    case extensionNotWordAligned(byteCount: Int)
    case extensionTooLong(byteCount: Int)
    case invalidPaddingCount(Int)
}

/// A parsed packet that points into the caller's buffer instead of copying the payload,
/// so the receive path allocates nothing for ordinary packets (no CSRCs, no extension).
public struct RTPParsedPacket: Hashable, Sendable {
    public var header: RTPHeader
    /// Where the payload lies in the parsed bytes (padding excluded).
    public var payloadRange: Range<Int>
    /// Padding octets after the payload, including the count octet; 0 without the P bit.
    public var paddingCount: Int
}

extension RTPHeader {
    /// Parses an RTP packet (RFC 3550 §5.1) without copying its payload.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(RTPParseError) -> RTPParsedPacket {
        guard bytes.count >= 12 else { throw .truncated(needed: 12, available: bytes.count) }
        let first = bytes[0]
        let version = first >> 6
        guard version == 2 else { throw .unsupportedVersion(version) }
        let hasPadding = first & 0x20 != 0
        let hasExtension = first & 0x10 != 0
        let csrcCount = Int(first & 0x0F)
        var offset = 12 + 4 * csrcCount
        guard bytes.count >= offset else { throw .truncated(needed: offset, available: bytes.count) }
        var csrcs: [UInt32] = []
        if csrcCount > 0 {
            csrcs.reserveCapacity(csrcCount)
            for index in 0..<csrcCount { csrcs.append(bytes.bigEndianUInt32(at: 12 + 4 * index)) }
        }
        var headerExtension: RTPHeaderExtension?
        if hasExtension {
            guard bytes.count >= offset + 4 else { throw .truncated(needed: offset + 4, available: bytes.count) }
            let profile = bytes.bigEndianUInt16(at: offset)
            let length = 4 * Int(bytes.bigEndianUInt16(at: offset + 2))
            let end = offset + 4 + length
            guard bytes.count >= end else { throw .truncated(needed: end, available: bytes.count) }
            headerExtension = RTPHeaderExtension(profile: profile, data: bytes.copyBytes(offset + 4..<end))
            offset = end
        }
        var paddingCount = 0
        if hasPadding {
            paddingCount = Int(bytes[bytes.count - 1])
            guard paddingCount > 0, paddingCount <= bytes.count - offset else {
                throw .invalidPadding(count: paddingCount, available: bytes.count - offset)
            }
        }
        let header = RTPHeader(
            marker: bytes[1] & 0x80 != 0, payloadType: bytes[1] & 0x7F,
            sequenceNumber: bytes.bigEndianUInt16(at: 2), timestamp: bytes.bigEndianUInt32(at: 4),
            ssrc: bytes.bigEndianUInt32(at: 8), csrcs: csrcs, headerExtension: headerExtension)
        return RTPParsedPacket(header: header, payloadRange: offset..<(bytes.count - paddingCount), paddingCount: paddingCount)
    }

    /// Parses an RTP packet held in an array.
    public static func parse(_ bytes: [UInt8]) throws(RTPParseError) -> RTPParsedPacket {
        let result = bytes.withUnsafeBytes { raw in Result { () throws(RTPParseError) in try parse(raw) } }
        return try result.get()
    }

    /// Appends the header (and, when `paddingCount > 0`, sets the P bit: the caller appends
    /// payload and then `RTPHeader.padding(count:)`).
    public func write(to buffer: inout [UInt8], paddingCount: Int = 0) throws(RTPSerializationError) {
        guard payloadType <= 127 else { throw .payloadTypeOutOfRange(payloadType) }
        guard csrcs.count <= 15 else { throw .tooManyCSRCs(csrcs.count) }
        guard (0...255).contains(paddingCount) else { throw .invalidPaddingCount(paddingCount) }
        if let headerExtension {
            guard headerExtension.data.count % 4 == 0 else { throw .extensionNotWordAligned(byteCount: headerExtension.data.count) }
            guard headerExtension.data.count / 4 <= Int(UInt16.max) else { throw .extensionTooLong(byteCount: headerExtension.data.count) }
        }
        var first: UInt8 = 0x80 | UInt8(csrcs.count)
        if paddingCount > 0 { first |= 0x20 }
        if headerExtension != nil { first |= 0x10 }
        buffer.append(first)
        buffer.append((marker ? 0x80 : 0) | payloadType)
        buffer.appendBigEndian(sequenceNumber)
        buffer.appendBigEndian(timestamp)
        buffer.appendBigEndian(ssrc)
        for csrc in csrcs { buffer.appendBigEndian(csrc) }
        if let headerExtension {
            buffer.appendBigEndian(headerExtension.profile)
            buffer.appendBigEndian(UInt16(headerExtension.data.count / 4))
            buffer.append(contentsOf: headerExtension.data)
        }
    }

    /// A whole packet: header, payload and `paddingCount` octets of padding (RFC 3550 §5.1 P bit).
    public func serialized(payload: some Collection<UInt8>, paddingCount: Int = 0) throws(RTPSerializationError) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(byteCount + payload.count + paddingCount)
        try write(to: &buffer, paddingCount: paddingCount)
        buffer.append(contentsOf: payload)
        if paddingCount > 0 {
            buffer.append(contentsOf: repeatElement(0, count: paddingCount - 1))
            buffer.append(UInt8(paddingCount))
        }
        return buffer
    }
}
