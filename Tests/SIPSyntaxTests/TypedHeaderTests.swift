import SIPSyntax
import Testing

@Suite struct TypedHeaderTests {
    @Test func viaPartsAndParameters() throws {
        let via = try SIPVia.parse("SIP / 2.0 / UDP  [2001:db8::9:1] : 6050 ;branch=z9hG4bKas3;received=192.0.2.200;rport;ttl=3;maddr=239.1.1.1")
        #expect(via.transport == "UDP" && via.host == .ipv6("2001:db8::9:1") && via.port == 6050)
        #expect(via.branch == "z9hG4bKas3" && via.hasRFC3261Branch)
        #expect(via.received == .ipv4("192.0.2.200"))
        #expect(via.rport == .some(nil))
        #expect(via.ttl == 3 && via.maddr == "239.1.1.1")
        #expect(try SIPVia.parse(via.serialized) == via)
    }

    @Test func viaReceivedTakesIPv6WithAndWithoutBrackets() throws {
        let bare = try SIPVia.parse("SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3", mode: .strict)
        let bracketed = try SIPVia.parse("SIP/2.0/UDP [2001:db8::9:1];received=[2001:db8::9:255];branch=z9hG4bKas3", mode: .strict)
        #expect(bare.received == .ipv6("2001:db8::9:255"))
        #expect(bracketed.received == .ipv6("2001:db8::9:255"))
        #expect(throws: SIPParseError.self) { try SIPVia.parse("SIP/2.0/UDP h;received=nothost!", mode: .strict) }
    }

    @Test func viaListsAndErrors() throws {
        let list = try SIPVia.parseList("SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/TCP b.example.com:5070")
        #expect(list.map(\.transport) == ["UDP", "TCP"])
        #expect(list[1].branch == nil && list[1].port == 5070)
        for bad in ["SIP/2.0/UDP 192.0.2.15;;,;,,", "SIP/2.0 host", "SIP/2.0/UDP", "SIP/2.0/UDP host;ttl=300 x"] {
            #expect(throws: SIPParseError.self, "\(bad)") { try SIPVia.parseList(bad, mode: .strict) }
        }
    }

    @Test func addressesNameAddrAndAddrSpec() throws {
        let quoted = try SIPAddress.parse("\"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com> ; tag = 98asjd8")
        #expect(quoted.displayName == "J Rosenberg \\\"")
        #expect(quoted.tag == "98asjd8")
        let tokens = try SIPAddress.parse("token1~` token2'+_ <sip:mundane@example.com>;tag=x")
        #expect(tokens.displayName == "token1~` token2'+_")
        let glued = try SIPAddress.parse("caller<sip:caller@example.com>;tag=323", mode: .strict)
        #expect(glued.displayName == "caller")
        #expect(try SIPAddress.parse("<http://www.example.com>;tag=1").uri.scheme == "http")
    }

    /// RFC 3261 §20.10, RFC 4475 §3.3.12–13: outside < > the parameters belong to the header.
    @Test func addrSpecParametersBindToTheHeader() throws {
        let outside = try SIPAddress.parse("sip:+19725552222@gw1.example.net;unknownparam")
        #expect(outside.parameters == [Parameter("unknownparam")])
        #expect(outside.uri.sipURI?.parameters == [])
        let inside = try SIPAddress.parse("<sip:+19725552222@gw1.example.net;unknownparam>")
        #expect(inside.parameters == [])
        #expect(inside.uri.sipURI?.parameters == [Parameter("unknownparam")])
    }

    @Test func liberalAndStrictAddressReadings() throws {
        let spaced = "\"Watson, Thomas\" < sip:t.watson@example.org >"
        #expect(try SIPAddress.parse(spaced).uri == URI.sip(SIPURI(user: "t.watson", host: .hostname("example.org"))))
        #expect(throws: SIPParseError.self) { try SIPAddress.parse(spaced, mode: .strict) }
        let headers = "sip:user@example.com?Route=%3Csip:sip.example.com%3E"
        #expect(try SIPAddress.parse(headers).uri.sipURI?.headers.count == 1)
        #expect(throws: SIPParseError.self) { try SIPAddress.parse(headers, mode: .strict) }
        for bad in ["Bell, Alexander <sip:a@b>", "\"Mr. J. User <sip:j.user@example.com>", "<sip:a@b", "<sip:a@b>;;", "<sip:a@b>;tag="] {
            #expect(throws: SIPParseError.self, "\(bad)") { try SIPAddress.parse(bad) }
        }
    }

    @Test func addressSerializationRoundTrips() throws {
        let cases = [
            SIPAddress(displayName: "BEL:\u{07} NUL:\u{00} \"q\" \\", uri: .sip(SIPURI(user: "a", host: .hostname("b"))), parameters: [Parameter("tag", "1")]),
            SIPAddress(displayName: "A. Bell", uri: .sip(SIPURI(host: .ipv6("::1"), port: 5060, parameters: [Parameter("lr")]))),
            SIPAddress(displayName: "", uri: .tel(TelURI(number: "+1555"))),
            SIPAddress(uri: .other(AbsoluteURI(scheme: "isbn", specific: "2983792873")), parameters: [Parameter("x", "\"y z\"")]),
        ]
        for address in cases {
            #expect(try SIPAddress.parse(address.serialized, mode: .strict) == address, "\(address.serialized)")
        }
    }

    @Test func contactValues() throws {
        #expect(try SIPContactValue.parse("*") == .wildcard)
        let list = try SIPContactValue.parse("<sip:a@b>;expires=1200;q=0.500, \"Doe, J\" <sip:c@d>")
        guard case .addresses(let addresses) = list else { Issue.record("not a list"); return }
        #expect(addresses.count == 2 && addresses[0].expires == 1200 && addresses[0].q == 0.5)
        #expect(addresses[1].displayName == "Doe, J")
        #expect(try SIPContactValue.parse(list.serialized) == list)
        #expect(throws: SIPParseError.self) { try SIPContactValue.parse("*, <sip:a@b>") }
        #expect(throws: SIPParseError.self) { try SIPContactValue.parse("<sip:a@b>;expires=280297596632815", mode: .strict) }
        #expect(throws: SIPParseError.self) { try SIPContactValue.parse("<sip:a@b>;q=1.5", mode: .strict) }
    }

    @Test func cseqAndRAck() throws {
        #expect(try SIPCSeq.parse("0009  INVITE") == SIPCSeq(9, .invite))
        #expect(try SIPCSeq.parse("4294967295 BYE").sequenceNumber == UInt32.max)
        #expect(throws: SIPParseError.self) { try SIPCSeq.parse("4294967296 BYE") }
        #expect(throws: SIPParseError.self) { try SIPCSeq.parse("2147483648 BYE", mode: .strict) }
        #expect(throws: SIPParseError.self) { try SIPCSeq.parse("-1 BYE") }
        #expect(throws: SIPParseError.self) { try SIPCSeq.parse("1") }
        let cseq = SIPCSeq(2_147_483_647, SIPMethod("NEWMETHOD"))
        #expect(try SIPCSeq.parse(cseq.serialized, mode: .strict) == cseq)
        let rack = try SIPRAck.parse("1 2 INVITE")
        #expect(rack == SIPRAck(responseNumber: 1, cseqNumber: 2, method: .invite))
        #expect(try SIPRAck.parse(rack.serialized) == rack)
    }

    @Test func scalarHeaders() throws {
        #expect(try SIPScalarGrammar.maxForwards("0068") == 68)
        #expect(throws: SIPParseError.self) { try SIPScalarGrammar.maxForwards("256") }
        #expect(try SIPScalarGrammar.contentLength(" 150 ") == 150)
        #expect(throws: SIPParseError.self) { try SIPScalarGrammar.contentLength("-999") }
        #expect(try SIPScalarGrammar.deltaSeconds("4294967295", header: "Expires") == UInt32.max)
        #expect(throws: SIPParseError.self) { try SIPScalarGrammar.deltaSeconds("4294967296", header: "Expires") }
        #expect(try SIPScalarGrammar.callID("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", mode: .strict).hasPrefix("intmeth"))
        #expect(throws: SIPParseError.self) { try SIPScalarGrammar.callID("a@b@c", mode: .strict) }
        #expect(throws: SIPParseError.self) { try SIPScalarGrammar.callID("a b") }
        for value in [0, 70, 255] { #expect(try SIPScalarGrammar.maxForwards(String(value)) == value) }
    }

    @Test func tokenListsRoundTrip() throws {
        let tags = try SIPScalarGrammar.optionTags("100rel, timer ,replaces", header: "Supported")
        #expect(tags == ["100rel", "timer", "replaces"])
        #expect(try SIPScalarGrammar.optionTags(SIPScalarGrammar.serializeList(tags), header: "Supported") == tags)
        #expect(try SIPScalarGrammar.methods("INVITE,ACK, BYE") == [.invite, .ack, .bye])
        #expect(try SIPScalarGrammar.methods("") == [])
        #expect(throws: SIPParseError.self) { try SIPScalarGrammar.optionTags("", header: "Require") }
        #expect(throws: SIPParseError.self) { try SIPScalarGrammar.optionTags("a b", header: "Require") }
        #expect(throws: SIPParseError.self) { try SIPScalarGrammar.optionTags("a,,b", header: "Require", mode: .strict) }
    }

    @Test func mediaTypeEventAndSubscriptionState() throws {
        let type = try SIPMediaType.parse("multipart/alternative;boundary=\"----=_Part_123\"")
        #expect(type.matches("MULTIPART", "Alternative") && type.essence == "multipart/alternative")
        #expect(type.parameters == [Parameter("boundary", "\"----=_Part_123\"")])
        #expect(try SIPMediaType.parse(type.serialized) == type)
        #expect(throws: SIPParseError.self) { try SIPMediaType.parse("application") }
        #expect(throws: SIPParseError.self) { try SIPMediaType.parse("text/plain;charset") }
        let event = try SIPEventHeader.parse("presence.winfo;id=93809824")
        #expect(event.package == "presence" && event.id == "93809824")
        #expect(try SIPEventHeader.parse(event.serialized) == event)
        let state = try SIPSubscriptionState.parse("terminated;reason=noresource;retry-after=30")
        #expect(state.state == .terminated && state.reason == "noresource" && state.retryAfter == 30)
        #expect(try SIPSubscriptionState.parse(state.serialized) == state)
        #expect(try SIPSubscriptionState.parse("Active;expires=600").state == .active)
    }

    @Test func routeListsRequireNameAddrWhenStrict() throws {
        let text = "<sip:origz@[fd17:625c:f037:2:a00:27ff:feb9:3519]:5062;lr>,<sip:0801@[fd17::4222]:25060;lr>"
        let route = try SIPAddress.parseList(text, header: "Route", nameAddrOnly: true, mode: .strict)
        #expect(route.count == 2 && route[1].uri.sipURI?.port == 25060)
        #expect(throws: SIPParseError.self) { try SIPAddress.parseList("sip:a@b;lr", header: "Route", nameAddrOnly: true, mode: .strict) }
        #expect(try SIPAddress.parseList(route.map(\.serialized).joined(separator: ", "), header: "Route") == route)
    }

    @Test func typedAccessorsOnHeaders() throws {
        var headers: SIPHeaders = [
            ("v", "SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/UDP b"), ("Via", "SIP/2.0/TCP c"), ("f", "<sip:a@b>;tag=9"),
            ("t", "sip:c@d"), ("i", "abc@host"), ("CSeq", "7 REGISTER"), ("Max-Forwards", "70"), ("l", "0"),
            ("Expires", "3600"), ("Min-Expires", "60"), ("m", "*"), ("Route", "<sip:p1;lr>"), ("Route", "<sip:p2;lr>"),
            ("Record-Route", "<sip:rr;lr>"), ("c", "application/sdp"), ("Require", "100rel"), ("k", "timer, path"),
            ("Allow", "INVITE, BYE"), ("Unsupported", "foo"), ("Proxy-Require", "bar"), ("o", "refer;id=1"),
            ("Subscription-State", "active;expires=60"), ("RAck", "1 7 INVITE"), ("RSeq", "1"), ("r", "<sip:x@y>"),
        ]
        #expect(try headers.via.map(\.host) == [.hostname("a"), .hostname("b"), .hostname("c")])
        #expect(try headers.from?.tag == "9" && headers.to?.tag == nil)
        #expect(try headers.callID == "abc@host" && headers.cseq == SIPCSeq(7, .register))
        #expect(try headers.maxForwards == 70 && headers.contentLength == 0 && headers.expires == 3600 && headers.minExpires == 60)
        #expect(try headers.contact == .wildcard)
        #expect(try headers.route.count == 2 && headers.recordRoute.count == 1)
        #expect(try headers.contentType == .sdp)
        #expect(try headers.require == ["100rel"] && headers.supported == ["timer", "path"] && headers.unsupported == ["foo"])
        #expect(try headers.allow == [.invite, .bye] && headers.proxyRequire == ["bar"])
        #expect(try headers.event?.id == "1" && headers.subscriptionState?.expires == 60)
        #expect(try headers.rack?.cseqNumber == 7 && headers.rseq == 1 && headers.referTo?.uri.sipURI?.user == "x")
        headers.set(.cseq, "x")
        #expect(throws: SIPParseError.self) { try headers.cseq }
        #expect(try SIPHeaders().via.isEmpty && SIPHeaders().from == nil)
    }
}
