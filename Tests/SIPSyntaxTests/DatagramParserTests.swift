import SIPSyntax
import Testing
import TestSupport

@Suite struct DatagramParserTests {
    @Test func bytesPastContentLengthAreIgnored() throws {
        let message = try SIPMessageParser.parse(datagram: try Fixtures.bytes("rfc4475/dblreq.dat"))
        guard case .request(let request) = message else { Issue.record("not a request"); return }
        #expect(request.method == .register)
        #expect(request.body.isEmpty)
    }

    @Test func contentLengthBeyondTheDatagramIsAnError() throws {
        let error = #expect(throws: SIPParseError.self) { try SIPMessageParser.parse(datagram: try Fixtures.bytes("rfc4475/clerr.dat")) }
        #expect(error?.kind == .bodyTruncated(declared: 9999, available: 154))
    }

    @Test func withoutContentLengthTheBodyIsTheRestOfTheDatagram() throws {
        let bytes = try Fixtures.bytes("rfc4475/inv2543.dat")
        let message = try SIPMessageParser.parse(datagram: bytes)
        let head = try SIPMessageParser.parseHead(bytes)
        #expect(message.body == Array(bytes[head.length...]))
        #expect(message.body.count == 105)
        #expect(String(decoding: message.body, as: UTF8.self).hasPrefix("v=0\r\n"))
    }

    @Test func binaryMultipartBodyIsKeptIntact() throws {
        let bytes = try Fixtures.bytes("rfc4475/mpart01.dat")
        let message = try SIPMessageParser.parse(datagram: bytes)
        #expect(message.body.count == 553)
        #expect(message.body == Array(bytes.suffix(553)))
        let bareLF = message.body.indices.filter { message.body[$0] == 0x0A && ($0 == 0 || message.body[$0 - 1] != 0x0D) }
        #expect(bareLF.count == 3)
        #expect(message.body.contains(0))
    }

    @Test func startLinesOfEveryKind() throws {
        let noreason = try SIPMessageParser.parse(datagram: try Fixtures.bytes("rfc4475/noreason.dat"))
        guard case .response(let empty) = noreason else { Issue.record("not a response"); return }
        #expect(empty.statusCode == 100 && empty.reasonPhrase.isEmpty)
        let unreason = try SIPMessageParser.parse(datagram: try Fixtures.bytes("rfc4475/unreason.dat"))
        guard case .response(let utf8) = unreason else { Issue.record("not a response"); return }
        #expect(utf8.reasonPhrase.hasPrefix("= 2**3 * 5**2 но сто"))
        let badvers = try SIPMessageParser.parse(datagram: try Fixtures.bytes("rfc4475/badvers.dat"))
        guard case .request(let seven) = badvers else { Issue.record("not a request"); return }
        #expect(seven.version.text == "SIP/7.0" && !seven.version.isSIP20)
        let unknown = try SIPMessageParser.parse(datagram: try Fixtures.bytes("rfc4475/unkscm.dat"))
        guard case .request(let other) = unknown else { Issue.record("not a request"); return }
        #expect(other.uri == .other(AbsoluteURI(scheme: "nobodyKnowsThisScheme", specific: "totallyopaquecontent")))
    }

    @Test(arguments: [
        ("SIP/2.0 4294967301 x\r\n\r\n", "not three digits"),
        ("SIP/2.0 099 Low\r\n\r\n", "outside 100–699"),
        ("SIP/2.0 700 High\r\n\r\n", "outside 100–699"),
        ("INVITE sip:a@b\r\n\r\n", "lacks the Request-URI or the SIP version"),
        ("INVITE sip:a@b; lr SIP/2.0\r\n\r\n", "white space inside the Request-URI"),
        ("INVITE sip:a@b HTTP/1.1\r\n\r\n", "expected a SIP version"),
        ("INV@TE sip:a@b SIP/2.0\r\n\r\n", "not allowed in a method"),
        ("OPTIONS sip:a@b SIP/2.0\r\nNoColon\r\n\r\n", "has no ':'"),
        ("OPTIONS sip:a@b SIP/2.0\r\n continued\r\n\r\n", "no header field precedes it"),
        ("OPTIONS sip:a@b SIP/2.0\nTo: x\n\n", "bare LF"),
        ("OPTIONS sip:a@b SIP/2.0\r\nTo: x\ry\r\n\r\n", "bare CR"),
        ("OPTIONS sip:a@b SIP/2.0\r\nTo: x\r\n", "not terminated"),
        ("OPTIONS sip:a@b SIP/2.0\r\nl: 5\r\nContent-Length: 6\r\n\r\nabcdef", "conflicting values 5 and 6"),
    ])
    func malformedDatagramsThrowNamedErrors(text: String, reason: String) {
        let error = #expect(throws: SIPParseError.self) { try SIPMessageParser.parse(datagram: Array(text.utf8)) }
        #expect(error?.reasonPhrase.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func limitsAreEnforcedWithTypedErrors() {
        let start = "OPTIONS sip:a@b SIP/2.0\r\n"
        let manyFields = start + String(repeating: "X-A: b\r\n", count: 257) + "\r\n"
        #expect(throws: SIPParseError(.limitExceeded(.headerCount, maximum: 256), line: 258, column: 1)) {
            try SIPMessageParser.parse(datagram: Array(manyFields.utf8))
        }
        let longLine = start + "X-A: " + String(repeating: "b", count: 8200) + "\r\n\r\n"
        let lineError = #expect(throws: SIPParseError.self) { try SIPMessageParser.parse(datagram: Array(longLine.utf8)) }
        #expect(lineError?.kind == .limitExceeded(.lineLength, maximum: 8192))
        let bigSection = start + String(repeating: "X-A: " + String(repeating: "b", count: 1000) + "\r\n", count: 66) + "\r\n"
        let sectionError = #expect(throws: SIPParseError.self) { try SIPMessageParser.parse(datagram: Array(bigSection.utf8)) }
        #expect(sectionError?.kind == .limitExceeded(.headerSectionSize, maximum: 65536))
        let bigBody = Array((start + "\r\n").utf8) + [UInt8](repeating: 0x41, count: 1024 * 1024 + 1)
        let bodyError = #expect(throws: SIPParseError.self) { try SIPMessageParser.parse(datagram: bigBody) }
        #expect(bodyError?.kind == .limitExceeded(.bodySize, maximum: 1024 * 1024))
    }

    @Test func foldedValuesAreUnfoldedAndPlacesRemembered() throws {
        let bytes = try Fixtures.bytes("rfc4475/wsinv.dat")
        let head = try SIPMessageParser.parseHead(bytes, locate: true)
        #expect(head.headers[.newFangled] == "newfangled value continued newfangled value")
        #expect(head.headers[.cseq] == "0009 INVITE")
        let to = try #require(head.headers.firstIndex { $0.name == .to })
        #expect(head.locations[to].line == 2)
        #expect(head.locations[to].position(ofValueOffset: 0) == (3, 2))
        #expect(head.endLine == 29)
    }

    @Test func leadingCRLFsBeforeADatagramAreSkipped() throws {
        let message = try SIPMessageParser.parse(datagram: [0x0D, 0x0A] + (try Fixtures.bytes("rfc4475/zeromf.dat")))
        #expect(try message.headers.maxForwards == 0)
    }
}

extension SIPHeaderName {
    static let newFangled: SIPHeaderName = "NewFangledHeader"
}
