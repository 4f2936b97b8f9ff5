import SIPSyntax
import Testing
import TestSupport

@Suite struct StreamFramerTests {
    static let options = Array("OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/TCP h.example.com;branch=z9hG4bK1\r\nTo: <sip:a@example.com>\r\nFrom: <sip:b@example.com>;tag=1\r\nCall-ID: framer-1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 5\r\n\r\nhello".utf8)

    static func streamFixtures() throws -> [[UInt8]] {
        // Messages that carry Content-Length, so they can travel on a stream.
        try ["rfc4475/wsinv.dat", "rfc4475/mpart01.dat", "rfc4475/intmeth.dat", "sip-real/invite_webrtc_sipjs_wss_record_route.sip"]
            .map { try Fixtures.bytes($0) }
    }

    @Test func dripFeedingOneByteAtATimeGivesTheSameMessages() throws {
        let fixtures = try Self.streamFixtures()
        let stream: [UInt8] = fixtures.flatMap { bytes -> [UInt8] in bytes + [0x0D, 0x0A, 0x0D, 0x0A] }
        var whole = SIPStreamFramer()
        let expected = try whole.feed(stream)
        #expect(expected.count == fixtures.count * 2)
        var drip = SIPStreamFramer()
        var events: [SIPStreamEvent] = []
        for byte in stream { events += try drip.feed([byte]) }
        #expect(Self.messages(events) == Self.messages(expected))
        #expect(Self.messages(events).count == fixtures.count)
        #expect(drip.bufferedByteCount == 0)
        let datagram = try SIPMessageParser.parse(datagram: fixtures[1])
        #expect(Self.messages(events)[1] == datagram)
        // A ping split over reads shows as pong + ping; the ping is still there to answer.
        #expect(events.filter { $0 == .keepAlivePing }.count == fixtures.count)
    }

    static func messages(_ events: [SIPStreamEvent]) -> [SIPMessage] {
        events.compactMap { event in
            switch event {
            case .message(let message): message
            case .keepAlivePing, .keepAlivePong: nil
            }
        }
    }

    @Test func twoMessagesInOneChunk() throws {
        var framer = SIPStreamFramer()
        let events = try framer.feed(Self.options + Self.options)
        #expect(events.count == 2)
        guard case .message(let message) = events.first else { Issue.record("no message"); return }
        #expect(message.body == Array("hello".utf8))
        #expect(try message.callID == "framer-1")
    }

    @Test func keepAlivesAreReportedAsPingAndPong() throws {
        var framer = SIPStreamFramer()
        #expect(try framer.feed([0x0D, 0x0A, 0x0D, 0x0A]) == [.keepAlivePing])
        #expect(try framer.feed([0x0D, 0x0A]) == [.keepAlivePong])
        // a ping split across two reads: the second half completes it
        #expect(try framer.feed([0x0D, 0x0A]) == [.keepAlivePing])
        #expect(try framer.feed([0x0D]) == [])
        #expect(try framer.feed([0x0A] + Self.options).count == 2)
    }

    @Test func pureFrameReportsNeedMoreDataAndConsumed() throws {
        #expect(try SIPStreamFramer.frame(Array(Self.options.dropLast())) == .needMoreData)
        #expect(try SIPStreamFramer.frame([0x0D, 0x0A, 0x0D]) == .needMoreData)
        #expect(try SIPStreamFramer.frame([0x0D, 0x0A, 0x0D, 0x0A, 0x41]) == .complete(.keepAlivePing, consumed: 4))
        guard case .complete(.message, let consumed) = try SIPStreamFramer.frame(Self.options + [0x0D]) else {
            Issue.record("no message")
            return
        }
        #expect(consumed == Self.options.count)
    }

    @Test func streamsRequireAValidContentLength() throws {
        var missing = SIPStreamFramer()
        #expect(throws: SIPParseError.self) { try missing.feed(try Fixtures.bytes("rfc4475/inv2543.dat")) }
        var negative = SIPStreamFramer()
        let error = #expect(throws: SIPParseError.self) { try negative.feed(try Fixtures.bytes("rfc4475/ncl.dat")) }
        #expect(error?.reasonPhrase.contains("Content-Length") == true)
        var missingKind = SIPStreamFramer()
        let inv2543 = try Fixtures.bytes("rfc4475/inv2543.dat")
        let kind = #expect(throws: SIPParseError.self) { try missingKind.feed(inv2543) }
        #expect(kind?.kind == .missingContentLength)
    }

    @Test func hugeHeadersAndBodiesAreRefusedBeforeBuffering() throws {
        let limits = SIPParserLimits(maxHeaderCount: 256, maxLineLength: 8192, maxHeaderSectionSize: 1024, maxBodySize: 100)
        var headerFlood = SIPStreamFramer(limits: limits)
        let flood = Array("OPTIONS sip:a@b SIP/2.0\r\n".utf8) + Array(repeating: Array("X-A: b\r\n".utf8), count: 200).flatMap { $0 }
        let error = #expect(throws: SIPParseError.self) { try headerFlood.feed(flood) }
        #expect(error?.kind == .limitExceeded(.headerSectionSize, maximum: 1024))
        var bigBody = SIPStreamFramer(limits: limits)
        let big = Array("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 101\r\n\r\n".utf8)
        let bodyError = #expect(throws: SIPParseError.self) { try bigBody.feed(big) }
        #expect(bodyError?.kind == .limitExceeded(.bodySize, maximum: 100))
    }
}
