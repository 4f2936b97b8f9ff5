import MediaCore
import Testing

/// RFC 3550 §6.4–6.6 packets and the A.2 validity rules for compound packets.
@Suite struct RTCPTests {
    /// The RFC's sample says 13 words after the header word (56 octets) but holds 52: a strict
    /// parser refuses it; with the length corrected to 12 every field reads as printed.
    @Test func parsesTheRFC7714SenderReport() throws {
        var bytes = try Hex.fixture("rfc7714-rtcp-sr.hex")
        #expect(throws: RTCPParseError.lengthOverrun(offset: 0, declared: 56, available: 52)) {
            try RTCPCompoundPacket.parse(bytes)
        }
        bytes[3] = 12
        let packets = try RTCPCompoundPacket.parse(bytes)
        guard case .senderReport(let report) = try #require(packets.first), packets.count == 1 else {
            Issue.record("expected one SR, got \(packets)")
            return
        }
        #expect(report.ssrc == 0x4D61_7273)
        #expect(report.senderInfo == RTCPSenderInfo(
            ntpTimestamp: NTPTimestamp(seconds: 0x4E54_5031, fraction: 0x4E54_5032), rtpTimestamp: 0x5254_5020,
            packetCount: 0x42A, octetCount: 0xE930))
        let block = try #require(report.reportBlocks.first)
        #expect(block.ssrc == 0x4C75_6E61)
        #expect(block.fractionLost == 0xDE)
        #expect(block.cumulativeLost == 0xADBEEF - 0x100_0000)  // 24-bit two's complement
        #expect(block.extendedHighestSequence == 0xDEAD_BEEF)
        #expect(block.delaySinceLastSenderReport == 0xDEAD_BEEF)
        #expect(try RTCPCompoundPacket.serialize(packets) == bytes)
    }

    @Test func parsesAndRewritesACompoundReceiverReportSDESAndBYE() throws {
        let bytes = try Hex.fixture("compound-rr-sdes-bye.hex")
        let packets = try RTCPCompoundPacket.parse(bytes)
        #expect(packets == [
            .receiverReport(RTCPReceiverReport(ssrc: 0x1122_3344, reportBlocks: [RTCPReportBlock(
                ssrc: 0x5566_7788, fractionLost: 0x40, cumulativeLost: -3, extendedHighestSequence: 0x1_0005,
                jitter: 0x20, lastSenderReport: 0xB705_2000, delaySinceLastSenderReport: 0x5_4000)])),
            .sourceDescription(RTCPSourceDescription(chunks: [.init(ssrc: 0x1122_3344, items: [.cname("alice@example.test")])])),
            .goodbye(RTCPGoodbye(ssrcs: [0x1122_3344], reason: Array("hangup".utf8))),
        ])
        if case .sourceDescription(let sdes) = packets[1] {
            #expect(sdes.cname(of: 0x1122_3344) == "alice@example.test")
            #expect(sdes.cname(of: 1) == nil)
        }
        #expect(try RTCPCompoundPacket.serialize(packets) == bytes)
    }

    @Test func sdesChunksWithSeveralItemsAndExactWordEndsRoundTrip() throws {
        // CNAME of 2 octets: 4 + 2 + 2 = 8, so the terminating null needs a whole extra word.
        let sdes = RTCPSourceDescription(chunks: [
            .init(ssrc: 1, items: [.cname("ab")]),
            .init(ssrc: 2, items: [.cname("x"), .init(type: 6, value: Array("dialtone".utf8))]),
            .init(ssrc: 3, items: []),
        ])
        let packets: [RTCPPacket] = [.receiverReport(RTCPReceiverReport(ssrc: 9)), .sourceDescription(sdes)]
        let bytes = try RTCPCompoundPacket.serialize(packets)
        #expect(bytes.count % 4 == 0)
        #expect(try RTCPCompoundPacket.parse(bytes) == packets)
    }

    @Test func rejectsLengthOverrunsWrongVersionsAndMisplacedPadding() throws {
        #expect(throws: RTCPParseError.lengthOverrun(offset: 0, declared: 48, available: 24)) {
            try RTCPCompoundPacket.parse(try Hex.fixture("libsrtp-rtcp-overrun.hex"))
        }
        var bytes = try Hex.fixture("compound-rr-sdes-bye.hex")
        bytes[32] = 0x41  // the SDES packet claims version 1
        #expect(throws: RTCPParseError.unsupportedVersion(1, offset: 32)) { try RTCPCompoundPacket.parse(bytes) }
        bytes[32] = 0xA1  // padding bit on a packet that is not the last one
        #expect(throws: RTCPParseError.paddingNotInLastPacket(offset: 32)) { try RTCPCompoundPacket.parse(bytes) }
        let sdesFirst = Array(bytes[32...])
        #expect(throws: RTCPParseError.firstPacketNotReport(packetType: 202)) {
            try RTCPCompoundPacket.parse(Array(try Hex.fixture("compound-rr-sdes-bye.hex")[32...]))
        }
        _ = sdesFirst
        #expect(throws: Never.self) {
            try RTCPCompoundPacket.parse(Array(try Hex.fixture("compound-rr-sdes-bye.hex")[32...]), requireReportFirst: false)
        }
    }

    @Test func rejectsCountsThatDoNotFitTheLength() throws {
        // An RR claiming two report blocks with room for one.
        var bytes = try Hex.fixture("compound-rr-sdes-bye.hex")
        bytes[0] = 0x82
        #expect(throws: RTCPParseError.bodyTooShort(packetType: 201, offset: 0)) { try RTCPCompoundPacket.parse(bytes) }
        // A BYE whose reason length runs past its packet.
        var bye = try RTCPCompoundPacket.serialize([.goodbye(RTCPGoodbye(ssrcs: [1], reason: Array("ab".utf8)))])
        bye[8] = 20
        #expect(throws: RTCPParseError.bodyTooShort(packetType: 203, offset: 0)) {
            try RTCPCompoundPacket.parse(bye, requireReportFirst: false)
        }
    }

    @Test func paddingOnTheLastPacketIsRemoved() throws {
        var bytes = try RTCPCompoundPacket.serialize([.receiverReport(RTCPReceiverReport(ssrc: 5))])
        bytes[0] |= 0x20
        bytes[3] += 1
        bytes += [0, 0, 0, 4]
        #expect(try RTCPCompoundPacket.parse(bytes) == [.receiverReport(RTCPReceiverReport(ssrc: 5))])
        bytes[bytes.count - 1] = 9  // more padding than body
        #expect(throws: RTCPParseError.invalidPadding(offset: 0, count: 9)) { try RTCPCompoundPacket.parse(bytes) }
    }

    @Test func cumulativeLossClampsTo24BitsAndKeepsItsSign() throws {
        for (value, expected) in [(Int32(-1), Int32(-1)), (8_388_607, 8_388_607), (9_000_000, 8_388_607), (-9_000_000, -8_388_608)] {
            let block = RTCPReportBlock(
                ssrc: 1, fractionLost: 0, cumulativeLost: value, extendedHighestSequence: 0, jitter: 0,
                lastSenderReport: 0, delaySinceLastSenderReport: 0)
            let bytes = try RTCPCompoundPacket.serialize([.receiverReport(RTCPReceiverReport(ssrc: 2, reportBlocks: [block]))])
            guard case .receiverReport(let parsed) = try RTCPCompoundPacket.parse(bytes).first else {
                Issue.record("no RR")
                continue
            }
            #expect(parsed.reportBlocks.first?.cumulativeLost == expected)
        }
    }

    @Test func unknownPacketTypesArePreservedVerbatim() throws {
        let app = RTCPOtherPacket(packetType: 204, countField: 3, body: Array("nameDATA".utf8))
        let packets: [RTCPPacket] = [.receiverReport(RTCPReceiverReport(ssrc: 1)), .other(app)]
        #expect(try RTCPCompoundPacket.parse(try RTCPCompoundPacket.serialize(packets)) == packets)
        #expect(throws: RTCPSerializationError.bodyNotWordAligned(byteCount: 3)) {
            try RTCPCompoundPacket.serialize([.other(RTCPOtherPacket(packetType: 204, countField: 0, body: [1, 2, 3]))])
        }
        #expect(throws: RTCPSerializationError.countTooLarge(32)) {
            try RTCPCompoundPacket.serialize([.goodbye(RTCPGoodbye(ssrcs: Array(0..<32)))])
        }
    }
}
