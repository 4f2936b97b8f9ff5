import SIPSyntax
import Testing

@Suite struct URIParserTests {
    static func sip(_ text: String, _ mode: SIPParsingMode = .liberal) throws -> SIPURI {
        guard case .sip(let uri) = try URI(parsing: text, mode: mode) else { throw SIPParseError(.invalidURI(reason: "not SIP"), line: 0, column: 0) }
        return uri
    }

    @Test func userPasswordParametersAndHeadersKeepTheirEscapes() throws {
        let uri = try Self.sip("sips:al%20ice:se%2Fcret@Example.COM:5061;transport=tls;lr;n%61me=v%61lue?subject=hi&x=")
        #expect(uri.isSecure)
        #expect(uri.user == "al%20ice" && uri.password == "se%2Fcret")
        #expect(uri.host == .hostname("Example.COM") && uri.port == 5061)
        #expect(uri.parameters == [Parameter("transport", "tls"), Parameter("lr"), Parameter("n%61me", "v%61lue")])
        #expect(uri.headers == [Parameter("subject", "hi"), Parameter("x", "")])
        #expect(uri.transportParameter == "tls")
    }

    @Test func userPartsWithSemicolonsAndOddCharacters() throws {
        #expect(try Self.sip("sip:user;par=u%40example.net@example.com").user == "user;par=u%40example.net")
        let odd = try Self.sip("sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com")
        #expect(odd.user == "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*")
        #expect(odd.password == "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)")
        #expect(try Self.sip("sip:example.com;maddr=239.255.255.1").user == nil)
    }

    @Test func hostForms() throws {
        #expect(try Self.sip("sip:192.0.2.1:5060").host == .ipv4("192.0.2.1"))
        #expect(try Self.sip("sip:[2001:db8::10]:5070").host == .ipv6("2001:db8::10"))
        #expect(try Self.sip("sip:[2001:db8::10]:5070").port == 5070)
        #expect(try Self.sip("sip:[2001:db8::10:5070]").port == nil)  // RFC 5118 §4.3
        #expect(try Self.sip("sip:u@[::ffff:192.0.2.2]").host == .ipv6("::ffff:192.0.2.2"))  // §4.9
        #expect(try Self.sip("sip:u@[2001:db8:::192.0.2.1]", .strict).host == .ipv6("2001:db8:::192.0.2.1"))  // §4.10
        #expect(try Self.sip("sip:u@host.example.com.").host == .hostname("host.example.com."))
    }

    /// The unbracketed-IPv6 decision (see HostParser): liberal takes the single reading,
    /// refuses ambiguous or impossible ones; strict refuses them all.
    @Test func unbracketedIPv6() throws {
        let valid8 = try Self.sip("sip:4321@fec0:0:0:0:216:d3ff:fe0d:22c:5060")
        #expect(valid8.host == .ipv6("fec0:0:0:0:216:d3ff:fe0d:22c") && valid8.port == 5060)
        let noPort = try Self.sip("sip:4321@fec0:0:0:0:216:d3ff:fe0d:22c")
        #expect(noPort.host == .ipv6("fec0:0:0:0:216:d3ff:fe0d:22c") && noPort.port == nil)
        #expect(try Self.sip("sip:2001:db8::10").host == .ipv6("2001:db8::10"))
        #expect(try Self.sip("sip:2001:db8::10").description == "sip:[2001:db8::10]")
        let ambiguous = #expect(throws: SIPParseError.self) { try Self.sip("sip:2001:db8::10:5070") }
        #expect(ambiguous?.reasonPhrase.contains("ambiguous") == true)
        #expect(throws: SIPParseError.self) { try Self.sip("sip:a:b:c") }
        let strict = #expect(throws: SIPParseError.self) { try Self.sip("sip:2001:db8::10", .strict) }
        #expect(strict?.reasonPhrase.contains("RFC 5118 §4.2") == true)
    }

    @Test(arguments: [
        "sip:", "sip:@host", "sip:host:99999", "sip:host;=x", "sip:host;a=", "sip:us%zzer@host",
        "sip:[2001:db8::1", "sip:[1:2:3:4:5:6:7:8:9]", "sip:[::1]x", "sip:ho st", "sip:host?a", "noscheme", "1sip:x",
        "sip:1.2.3.4.5.6", "sip:host>", "tel:", "tel:xyz", "mailto:",
    ])
    func malformedURIsAreRefused(text: String) {
        #expect(throws: SIPParseError.self) { try URI(parsing: text) }
    }

    @Test func strictHostnamesFollowTheLabelGrammar() throws {
        #expect(try Self.sip("sip:my_host.example.com").host == .hostname("my_host.example.com"))
        #expect(throws: SIPParseError.self) { try Self.sip("sip:my_host.example.com", .strict) }
        #expect(throws: SIPParseError.self) { try Self.sip("sip:host.123", .strict) }
        #expect(try Self.sip("sip:1jon8lkj09s0.invalid", .strict).host == .hostname("1jon8lkj09s0.invalid"))
    }

    @Test func telAndOtherSchemes() throws {
        #expect(try URI(parsing: "tel:+1-201-555-0123;ext=1234") == .tel(TelURI(number: "+1-201-555-0123", parameters: [Parameter("ext", "1234")])))
        #expect(try URI(parsing: "tel:7042;phone-context=example.com", mode: .strict).scheme == "tel")
        #expect(try URI(parsing: "tel:7042").scheme == "tel")
        #expect(throws: SIPParseError.self) { try URI(parsing: "tel:7042", mode: .strict) }
        #expect(try URI(parsing: "soap.beep://192.0.2.103:3002") == .other(AbsoluteURI(scheme: "soap.beep", specific: "//192.0.2.103:3002")))
        #expect(try URI(parsing: "SIP:a@b").scheme == "sip")
    }

    @Test(arguments: [
        "sip:a@b.example.com", "sips:a:p@[2001:db8::1]:5061;transport=tls;lr?h=v&i=", "sip:+1555@gw;user=phone",
        "tel:+1-201-555-0123;ext=1", "urn:service:sos", "sip:[::ffff:192.0.2.2]", "sip:host;%6C%72",
    ])
    func uriRoundTrips(text: String) throws {
        let uri = try URI(parsing: text)
        #expect(try URI(parsing: uri.description) == uri)
        #expect(uri.description == text)
    }
}
