import MediaCore
import Testing

/// RFC 3550 §5.1 header layout, on the RFC 7714 and libsrtp reference packets and built headers.
@Suite struct RTPHeaderTests {
    @Test func parsesTheRFC7714Packet() throws {
        let bytes = try Hex.fixture("rfc7714-rtp.hex")
        let packet = try RTPHeader.parse(bytes)
        #expect(packet.header == RTPHeader(payloadType: 64, sequenceNumber: 0xF17B, timestamp: 0x8041_F8D3, ssrc: 0x5501_A0B2))
        #expect(String(decoding: bytes[packet.payloadRange], as: UTF8.self) == "Gallia est omnis divisa in partes tres")
        #expect(packet.paddingCount == 0)
        #expect(try packet.header.serialized(payload: bytes[packet.payloadRange]) == bytes)
    }

    @Test func parsesTheLibSRTPPacket() throws {
        let bytes = try Hex.fixture("libsrtp-rtp.hex")
        let packet = try RTPHeader.parse(bytes)
        #expect(packet.header.payloadType == 15)
        #expect(packet.header.sequenceNumber == 0x1234)
        #expect(packet.header.timestamp == 0xDECA_FBAD)
        #expect(packet.header.ssrc == 0xCAFE_BABE)
        #expect(Array(bytes[packet.payloadRange]) == [UInt8](repeating: 0xAB, count: 16))
    }

    @Test func roundTripsMarkerCSRCsExtensionAndPadding() throws {
        let header = RTPHeader(
            marker: true, payloadType: 101, sequenceNumber: 65535, timestamp: 0xFFFF_FFFF, ssrc: 7,
            csrcs: [1, 2, 0xDEAD_BEEF], headerExtension: RTPHeaderExtension(profile: 0xBEDE, data: [0x10, 0xAA, 0, 0]))
        let payload: [UInt8] = [1, 2, 3]
        let bytes = try header.serialized(payload: payload, paddingCount: 5)
        #expect(bytes[0] == 0x80 | 0x20 | 0x10 | 3)
        #expect(bytes[1] == 0x80 | 101)
        #expect(bytes.count == header.byteCount + 3 + 5)
        #expect(bytes.last == 5)
        let parsed = try RTPHeader.parse(bytes)
        #expect(parsed.header == header)
        #expect(Array(bytes[parsed.payloadRange]) == payload)
        #expect(parsed.paddingCount == 5)
    }

    @Test func rejectsWrongVersionsAndTruncation() {
        var bytes: [UInt8] = [0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]
        #expect(throws: RTPParseError.unsupportedVersion(1)) { try RTPHeader.parse(bytes) }
        bytes[0] = 0x82  // two CSRCs declared, none present
        #expect(throws: RTPParseError.truncated(needed: 20, available: 12)) { try RTPHeader.parse(bytes) }
        bytes[0] = 0x90  // extension declared, its header missing
        #expect(throws: RTPParseError.truncated(needed: 16, available: 12)) { try RTPHeader.parse(bytes) }
        #expect(throws: RTPParseError.truncated(needed: 12, available: 3)) { try RTPHeader.parse([0x80, 0, 0]) }
    }

    @Test func rejectsPaddingThatReachesIntoTheHeaderOrIsZero() {
        var bytes: [UInt8] = [0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 9, 9, 3]
        #expect(throws: Never.self) { try RTPHeader.parse(bytes) }
        bytes[14] = 4
        #expect(throws: RTPParseError.invalidPadding(count: 4, available: 3)) { try RTPHeader.parse(bytes) }
        bytes[14] = 0
        #expect(throws: RTPParseError.invalidPadding(count: 0, available: 3)) { try RTPHeader.parse(bytes) }
    }

    @Test func refusesToWriteUnrepresentableHeaders() {
        #expect(throws: RTPSerializationError.payloadTypeOutOfRange(128)) {
            try RTPHeader(payloadType: 128, sequenceNumber: 0, timestamp: 0, ssrc: 0).serialized(payload: [])
        }
        #expect(throws: RTPSerializationError.tooManyCSRCs(16)) {
            try RTPHeader(payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0, csrcs: Array(0..<16)).serialized(payload: [])
        }
        #expect(throws: RTPSerializationError.extensionNotWordAligned(byteCount: 3)) {
            try RTPHeader(payloadType: 0, sequenceNumber: 0, timestamp: 0, ssrc: 0, headerExtension: .init(profile: 1, data: [1, 2, 3]))
                .serialized(payload: [])
        }
    }

    @Test func demuxSeparatesRTCPFromRTPByPayloadTypeRange() throws {
        #expect(RTPDemux.isRTCP(try Hex.fixture("rfc7714-rtcp-sr.hex")))
        #expect(!RTPDemux.isRTCP(try Hex.fixture("libsrtp-rtp.hex")))
        // RFC 5761 §4 forbids RTP payload types 64–95 under rtcp-mux because of exactly this:
        // the RFC 7714 sample uses PT 64 and so reads as RTCP.
        #expect(RTPDemux.isRTCP(try Hex.fixture("rfc7714-rtp.hex")))
        for second in 0...255 {
            let expected = (192...223).contains(second) || (64...95).contains(second)
            #expect(RTPDemux.isRTCP([0x80, UInt8(second)]) == expected)
        }
        #expect(!RTPDemux.isRTCP([0x40, 200]))
        #expect(RTPDemux.classify([0x00, 0x01, 0, 0]) == .stun)
        #expect(RTPDemux.classify([22, 0xFE, 0xFD]) == .dtls)
        #expect(RTPDemux.classify(try Hex.fixture("libsrtp-rtp.hex")) == .rtp)
        #expect(RTPDemux.classify(try Hex.fixture("rfc7714-rtcp-sr.hex")) == .rtcp)
        #expect(RTPDemux.classify([]) == .unknown)
    }
}
