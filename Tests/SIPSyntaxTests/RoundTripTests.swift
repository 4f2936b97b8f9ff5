import SIPSyntax
import Testing
import TestSupport

/// parse(serialize(m)) == m for every message the corpus calls valid, through both the
/// datagram parser and the stream framer.
@Suite struct RoundTripTests {
    static func validFixtures() throws -> [String] {
        var files: [String] = []
        for directory in ["rfc4475", "rfc5118"] {
            files += try Fixtures.tsv("\(directory)/expected.tsv").dropFirst().filter { $0[3] == "valid" }.map { "\(directory)/\($0[0])" }
        }
        files += try Fixtures.files(in: "sip-real", withExtension: "sip").map { "sip-real/\($0)" }
        return files
    }

    @Test func everyValidFixtureSurvivesSerializeAndParse() throws {
        let files = try Self.validFixtures()
        #expect(files.count == 27 + 11 + 39)
        for file in files {
            let message = try SIPMessageParser.parse(datagram: try Fixtures.bytes(file))
            let wire = message.serialized()
            #expect(try SIPMessageParser.parse(datagram: wire) == message, "\(file)")
            guard message.headers.contains(.contentLength) else { continue }
            var framer = SIPStreamFramer()
            #expect(try framer.feed(wire) == [.message(message)], "\(file)")
        }
    }

    @Test func typedHeadersOfEveryValidFixtureRoundTrip() throws {
        for file in try Self.validFixtures() {
            let headers = try SIPMessageParser.parse(datagram: try Fixtures.bytes(file)).headers
            for via in try headers.via { #expect(try SIPVia.parse(via.serialized) == via, "\(file)") }
            for name in [SIPHeaderName.from, .to] {
                guard let value = headers[name] else { continue }
                let address = try SIPAddress.parse(value)
                #expect(try SIPAddress.parse(address.serialized) == address, "\(file) \(name)")
            }
            if let contact = try headers.contact { #expect(try SIPContactValue.parse(contact.serialized) == contact, "\(file)") }
            if let cseq = try headers.cseq { #expect(try SIPCSeq.parse(cseq.serialized) == cseq, "\(file)") }
            if let type = try headers.contentType { #expect(try SIPMediaType.parse(type.serialized) == type, "\(file)") }
            for route in try headers.route + headers.recordRoute { #expect(try SIPAddress.parse(route.serialized) == route, "\(file)") }
        }
    }

    @Test func builtMessagesRoundTrip() throws {
        let via = SIPVia(transport: "TLS", host: .ipv6("2001:db8::1"), port: 5061, parameters: [Parameter("branch", "z9hG4bK776"), Parameter("rport")])
        let from = SIPAddress(displayName: "Alice \"A\"", uri: .sip(SIPURI(user: "alice", host: .hostname("atlanta.example.com"))), parameters: [Parameter("tag", "1928301774")])
        let request = SIPRequest(
            method: .invite, uri: .sip(SIPURI(isSecure: true, user: "bob", host: .hostname("biloxi.example.com"))),
            headers: [("Via", via.serialized), ("From", from.serialized), ("To", "<sips:bob@biloxi.example.com>"),
                      ("Call-ID", "a84b4c76e66710"), ("CSeq", SIPCSeq(314159, .invite).serialized), ("Max-Forwards", "70"),
                      ("Content-Type", SIPMediaType.sdp.serialized), ("Content-Length", "4")],
            body: [0x76, 0x3D, 0x30, 0x0A])
        let parsed = try SIPMessageParser.parse(datagram: request.serialized())
        #expect(parsed == .request(request))
        #expect(try parsed.via.first == via)
        #expect(try parsed.from == from)
        #expect(SIPMessageValidator.faults(in: parsed) == [])
    }
}
