import SIPServerLocation
import SIPSyntax
@testable import SIPTransport
import Testing

/// What happens to received bytes before the transaction layer sees them (RFC 3261 §18.3, §8.2,
/// §18.2.1; RFC 3581 §4).
@Suite struct InboundScreenTests {
    let source = SIPSocketAddress(literal: "192.0.2.7", port: 40_123)!

    static let goodRequest = """
        OPTIONS sip:example.test SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bK-1
        Max-Forwards: 70
        From: <sip:a@example.test>;tag=1
        To: <sip:example.test>
        Call-ID: c1
        CSeq: 1 OPTIONS
        Content-Length: 0


        """

    func datagram(_ text: String) -> InboundVerdict {
        InboundScreen.datagram(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), from: source, limits: .standard, server: "test")
    }

    @Test func aRequestAskingForRPortGetsReceivedAndRPort() throws {
        guard case .deliver(.request(let request)) = datagram(Self.goodRequest) else { Issue.record("not delivered"); return }
        let via = try #require(try request.headers.via.first)
        #expect(via.received == .ipv4("192.0.2.7"))
        #expect(via.rport == .some(40_123))
        #expect(via.branch == "z9hG4bK-1")
    }

    @Test func receivedIsAddedOnlyWhenTheSentByDiffersWithoutRPort() throws {
        let differs = Self.goodRequest.replacingOccurrences(of: ";rport", with: "")
        guard case .deliver(.request(let stamped)) = datagram(differs) else { Issue.record("not delivered"); return }
        #expect(try stamped.headers.via.first?.received == .ipv4("192.0.2.7"))
        #expect(try stamped.headers.via.first?.rport == nil)
        let same = differs.replacingOccurrences(of: "10.0.0.1:5060", with: "192.0.2.7:5060")
        guard case .deliver(.request(let untouched)) = datagram(same) else { Issue.record("not delivered"); return }
        #expect(try untouched.headers.via.first?.received == nil)
    }

    @Test func aRequestFailingValidationGetsA400NamingTheFault() throws {
        let noCallID = Self.goodRequest.replacingOccurrences(of: "Call-ID: c1\n", with: "")
        guard case .reject(let response) = datagram(noCallID) else { Issue.record("not rejected"); return }
        #expect(response.statusCode == 400)
        #expect(response.reasonPhrase == "Missing Call-ID header")
        #expect(response.headers[.via] == "SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bK-1")
        #expect(response.headers[.cseq] == "1 OPTIONS")
        let mismatch = Self.goodRequest.replacingOccurrences(of: "CSeq: 1 OPTIONS", with: "CSeq: 1 INVITE")
        guard case .reject(let second) = datagram(mismatch) else { Issue.record("not rejected"); return }
        #expect(second.reasonPhrase == "CSeq method INVITE does not match request method OPTIONS")
    }

    @Test func anUnsupportedVersionGets505() {
        let old = Self.goodRequest.replacingOccurrences(of: "sip:example.test SIP/2.0", with: "sip:example.test SIP/7.0")
        guard case .reject(let response) = datagram(old) else { Issue.record("not rejected"); return }
        #expect(response.statusCode == 505)
    }

    @Test func malformedResponsesAndUnparsableBytesAreDroppedWithAReason() {
        let response = "SIP/2.0 200 OK\nVia: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK-1\nFrom: <sip:a@x>;tag=1\nTo: <sip:b@x>\nCSeq: 1 OPTIONS\nContent-Length: 0\n\n"
        guard case .drop(let reason) = datagram(response) else { Issue.record("not dropped"); return }
        #expect(reason == "malformed response 200: Missing Call-ID header")
        guard case .drop(let garbage) = datagram("HELLO\n\n") else { Issue.record("not dropped"); return }
        #expect(garbage.hasPrefix("unparsable 9-byte datagram"))
    }

    @Test func anOversizeDatagramIsDroppedNotParsedForever() {
        let line = "X-Big: " + String(repeating: "x", count: 60_000) + "\n"
        let huge = Self.goodRequest.replacingOccurrences(of: "Content-Length: 0\n", with: line + "Content-Length: 0\n")
        guard case .drop(let reason) = datagram(huge) else { Issue.record("not dropped"); return }
        #expect(reason.contains("Line length exceeds"))
    }
}
