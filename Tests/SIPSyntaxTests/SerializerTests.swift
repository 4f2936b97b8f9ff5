@testable import SIPSyntax
import Testing

/// The serializer writes into storage sized by a measuring pass; these pin its output to the
/// plain string forms it replaced, for every part that has its own writer.
@Suite struct SerializerTests {
    @Test func uriDescriptionsKeepTheirWireForm() {
        let full = SIPURI(
            isSecure: true, user: "al%20ice", password: "se:cret", host: .ipv6("2001:db8::1"), port: 5061,
            parameters: [Parameter("transport", "tls"), Parameter("lr")],
            headers: [Parameter("subject", "hi"), Parameter("x", nil)])
        #expect(full.description == "sips:al%20ice:se:cret@[2001:db8::1]:5061;transport=tls;lr?subject=hi&x=")
        #expect(SIPURI(host: .hostname("example.com")).description == "sip:example.com")
        #expect(SIPURI(host: .ipv4("192.0.2.1"), port: 0).description == "sip:192.0.2.1:0")
        #expect(SIPURI(host: .ipv4("192.0.2.1"), port: 65535).description == "sip:192.0.2.1:65535")
        #expect(URI.tel(TelURI(number: "+1-201-555-0123", parameters: [Parameter("ext", "7")])).description == "tel:+1-201-555-0123;ext=7")
        #expect(URI.other(AbsoluteURI(scheme: "mailto", specific: "a@b.example")).description == "mailto:a@b.example")
        #expect(URI.sip(SIPURI(user: "bøb", host: .hostname("ü.example"))).description == "sip:bøb@ü.example")
    }

    @Test func startLinesSpellStatusCodesAsDecimal() {
        for code in [0, 7, 42, 100, 180, 200, 699, 1000, 65536, -1, Int.max, Int.min] {
            let response = SIPResponse(statusCode: code, reasonPhrase: "Why Not")
            #expect(response.startLine == "SIP/2.0 \(code) Why Not")
        }
        let request = SIPRequest(method: "FOO", uri: .sip(SIPURI(user: "x", host: .hostname("y"))), version: SIPVersion("SIP/3.1"))
        #expect(request.startLine == "FOO sip:x@y SIP/3.1")
    }

    @Test func serializedBytesAreStartLineHeaderLinesAndBody() {
        let longValue = String(repeating: "v", count: 3000)
        let headers: SIPHeaders = [
            ("Via", "SIP/2.0/UDP a"), ("x-ÜNICODE-name", "välue"), ("P-Preferred-Identity", ""),
            ("X-Long", longValue), ("l", "3"),
        ]
        let request = SIPRequest(method: .invite, uri: .sip(SIPURI(host: .hostname("b"))), headers: headers, body: [1, 2, 3])
        var expected = Array("INVITE sip:b SIP/2.0\r\nVia: SIP/2.0/UDP a\r\nx-ÜNICODE-name: välue\r\n".utf8)
        expected += Array("P-Preferred-Identity: \r\nX-Long: \(longValue)\r\nContent-Length: 3\r\n\r\n".utf8) + [1, 2, 3]
        #expect(request.serialized() == expected)
        #expect(SIPMessage.request(request).serialized() == expected)
        let empty = SIPResponse(statusCode: 200, reasonPhrase: "")
        #expect(empty.serialized() == Array("SIP/2.0 200 \r\n\r\n".utf8))
    }

    @Test func noKnownSpellingIsLongerThanTheMeasuringBound() {
        let longest = SIPKnownHeader.allCases.map(\.spelling.utf8.count).max()
        #expect(longest == SIPKnownHeader.longestSpelling)
    }
}
