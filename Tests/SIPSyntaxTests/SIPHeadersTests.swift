import SIPSyntax
import Testing

@Suite struct SIPHeadersTests {
    @Test func compactFormsExpandToTheirLongNames() {
        #expect(SIPHeaderName("v") == .via)
        #expect(SIPHeaderName("v").name == "Via")
        #expect(SIPHeaderName("i").name == "Call-ID")
        #expect(SIPHeaderName("CALL-ID").name == "Call-ID")
        #expect(SIPHeaderName("l") == .contentLength)
        #expect(SIPHeaderName("o").name == "Event")
        #expect(SIPHeaderName("x").name == "Session-Expires")
        #expect(SIPHeaderName.via.compactForm == "v")
    }

    @Test func unknownNamesKeepTheirSpellingButCompareCaseInsensitively() {
        let name = SIPHeaderName("X-Weird-Header")
        #expect(name.name == "X-Weird-Header")
        #expect(name == SIPHeaderName("x-weird-HEADER"))
        #expect(name.compactForm == nil)
    }

    @Test func lookUpFindsFirstValueAndAllValuesInOrder() {
        let headers: SIPHeaders = [("Via", "SIP/2.0/UDP a"), ("v", "SIP/2.0/UDP b"), ("To", "<sip:x@y>")]
        #expect(headers[.via] == "SIP/2.0/UDP a")
        #expect(headers.values(.via) == ["SIP/2.0/UDP a", "SIP/2.0/UDP b"])
        #expect(headers[.from] == nil)
        #expect(headers.contains(.to))
    }

    @Test func listElementsSplitOnlyOutsideQuotesAndBrackets() {
        let headers: SIPHeaders = [
            ("Contact", "\"Doe, John\" <sip:j@x;a=1,2>;q=0.5, <sip:k@y>"),
            ("Contact", "sip:l@z"),
        ]
        #expect(headers.elements(.contact) == ["\"Doe, John\" <sip:j@x;a=1,2>;q=0.5", "<sip:k@y>", "sip:l@z"])
        #expect(SIPHeaders.splitList(" a ,, b\t,\"q\\\",x\" ") == ["a", "b", "\"q\\\",x\""])
    }

    @Test func setReplacesEveryFieldAtTheFirstPosition() {
        var headers: SIPHeaders = [("X-A", "1"), ("Via", "v1"), ("X-B", "2"), ("Via", "v2")]
        headers.set(.via, "v3")
        #expect(headers.fields.map(\.description) == ["X-A: 1", "Via: v3", "X-B: 2"])
        headers.set("X-C", "3")
        #expect(headers.last?.description == "X-C: 3")
        headers.remove(.via)
        headers.prepend(.via, "top")
        #expect(headers.first?.description == "Via: top")
    }

    @Test func serializerWritesStartLineHeadersEmptyLineAndBody() {
        let request = SIPRequest(
            method: .options,
            uri: .sip(SIPURI(user: "bob", host: .hostname("example.com"), parameters: [Parameter("transport", "tcp")])),
            headers: [("Via", "SIP/2.0/TCP h;branch=z9hG4bK1"), ("Content-Length", "2")],
            body: Array("hi".utf8))
        let text = String(decoding: request.serialized(), as: UTF8.self)
        #expect(text == "OPTIONS sip:bob@example.com;transport=tcp SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nContent-Length: 2\r\n\r\nhi")
        let response = SIPResponse(statusCode: 486, reasonPhrase: "Busy Here")
        #expect(String(decoding: response.serialized(), as: UTF8.self) == "SIP/2.0 486 Busy Here\r\n\r\n")
    }

    @Test func uriDescriptionsBracketIPv6() {
        let uri = SIPURI(isSecure: true, user: "a", host: .ipv6("2001:db8::1"), port: 5061)
        #expect(uri.description == "sips:a@[2001:db8::1]:5061")
        #expect(URI.tel(TelURI(number: "+1-555", parameters: [Parameter("phone-context", "x")])).description == "tel:+1-555;phone-context=x")
        #expect(URI.other(AbsoluteURI(scheme: "mailto", specific: "a@b")).scheme == "mailto")
    }
}

@Suite struct KnownHeaderNameTests {
    /// Every canonical spelling names its own case, in any letter case, and compact letters
    /// expand to the long form's case; the byte look-up used by the parser agrees.
    @Test func spellingsAndCasesLineUp() throws {
        let names = ["Via", "CSeq", "Call-ID", "WWW-Authenticate", "P-Asserted-Identity", "Flow-Timer", "RAck", "Min-SE"]
        for name in names {
            let header = SIPHeaderName(name)
            #expect(header.name == name)
            #expect(SIPHeaderName(name.uppercased()) == header)
            #expect(header.hashValue == SIPHeaderName(name.lowercased()).hashValue)
            let message = try SIPMessageParser.parseHead(Array("OPTIONS sip:a@b SIP/2.0\r\n\(name.lowercased()): x\r\n\r\n".utf8))
            #expect(message.headers.first?.name.name == name)
        }
        #expect(SIPHeaderName("m") == .contact && SIPHeaderName("M").name == "Contact")
        #expect(SIPHeaderName("X-Via") != .via)
        #expect(SIPHeaderName.replyTo.key == "reply-to")
    }
}
