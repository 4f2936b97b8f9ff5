import Foundation
import SIPSyntax

/// The messages the benchmarks parse: the valid RFC 4475 and RFC 5118 torture messages and the
/// real-world captures, read from the test fixtures so figures and tests share one corpus.
struct BenchmarkCorpus {
    struct Message {
        let name: String
        let bytes: [UInt8]
        /// Stream framing needs Content-Length (RFC 3261 §18.3); a few UDP captures lack it.
        let hasContentLength: Bool
    }

    let validMessages: [Message]
    /// A 12-header INVITE with an SDP offer, as a desk phone or softphone sends it.
    let typicalInvite: [UInt8]
    let typicalInviteHeaderCount: Int
    let typicalSDP: [UInt8]

    init(fixtures: URL) throws {
        var messages: [Message] = []
        for directory in ["rfc4475", "rfc5118"] {
            let verdicts = try Self.validFiles(fixtures.appendingPathComponent("\(directory)/expected.tsv"))
            for name in verdicts {
                messages.append(try Self.message(fixtures.appendingPathComponent("\(directory)/\(name)")))
            }
        }
        let realDirectory = fixtures.appendingPathComponent("sip-real")
        for name in try FileManager.default.contentsOfDirectory(atPath: realDirectory.path).sorted()
        where name.hasSuffix(".sip") {
            messages.append(try Self.message(realDirectory.appendingPathComponent(name)))
        }
        validMessages = messages.filter { (try? SIPMessageParser.parse(datagram: $0.bytes)) != nil }
        typicalInvite = Self.typicalInviteBytes
        typicalInviteHeaderCount = try SIPMessageParser.parse(datagram: typicalInvite).headers.count
        typicalSDP = Array(
            try Data(contentsOf: fixtures.appendingPathComponent("sdp/asterisk11_offer.sdp")))
    }

    private static func validFiles(_ tsv: URL) throws -> [String] {
        let text = try String(contentsOf: tsv, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            // Columns: file, section, title, verdict, … (both RFC 4475's and RFC 5118's files).
            return fields.count > 3 && fields[3] == "valid" ? String(fields[0]) : nil
        }
    }

    private static func message(_ url: URL) throws -> Message {
        let bytes = Array(try Data(contentsOf: url))
        let hasLength = (try? SIPMessageParser.parse(datagram: bytes))
            .map { $0.headers.contains(.contentLength) } ?? false
        return Message(name: url.lastPathComponent, bytes: bytes, hasContentLength: hasLength)
    }

    private static let typicalInviteBytes: [UInt8] = {
        let sdp = """
            v=0\r
            o=alice 2890844526 2890844526 IN IP4 192.0.2.10\r
            s=-\r
            c=IN IP4 192.0.2.10\r
            t=0 0\r
            m=audio 49170 RTP/AVP 0 8 9 101\r
            a=rtpmap:0 PCMU/8000\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:9 G722/8000\r
            a=rtpmap:101 telephone-event/8000\r
            a=fmtp:101 0-16\r
            a=ptime:20\r
            a=sendrecv\r

            """
        let head = """
            INVITE sip:bob@biloxi.example.com SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r
            Max-Forwards: 70\r
            To: Bob <sip:bob@biloxi.example.com>\r
            From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r
            Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r
            CSeq: 314159 INVITE\r
            Contact: <sip:alice@192.0.2.10:5060;transport=udp>\r
            Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, REFER, NOTIFY, MESSAGE, INFO, UPDATE\r
            Supported: replaces, timer, 100rel\r
            User-Agent: Dialtone/0.1\r
            Content-Type: application/sdp\r
            Content-Length: \(sdp.utf8.count)\r
            \r

            """
        return Array((head + sdp).utf8)
    }()
}
