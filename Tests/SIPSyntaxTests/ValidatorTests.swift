import SIPSyntax
import Testing

@Suite struct ValidatorTests {
    static let complete: SIPHeaders = [
        ("Via", "SIP/2.0/UDP h;branch=z9hG4bK1"), ("To", "<sip:a@b>"), ("From", "<sip:c@d>;tag=1"),
        ("Call-ID", "x@y"), ("CSeq", "1 OPTIONS"), ("Max-Forwards", "70"),
    ]

    static func request(_ headers: SIPHeaders, method: SIPMethod = .options, version: SIPVersion = .sip20, body: [UInt8] = []) -> SIPMessage {
        .request(SIPRequest(method: method, uri: .sip(SIPURI(host: .hostname("b"))), version: version, headers: headers, body: body))
    }

    @Test func aCompleteRequestPasses() throws {
        try SIPMessageValidator.validate(Self.request(Self.complete))
        var noMaxForwards = Self.complete
        noMaxForwards.remove(.maxForwards)  // RFC 2543 peers, RFC 4475 §3.4.1
        try SIPMessageValidator.validate(Self.request(noMaxForwards))
    }

    @Test func eachMandatoryHeaderIsNamedWhenMissing() {
        for name in [SIPHeaderName.via, .to, .from, .callID, .cseq] {
            var headers = Self.complete
            headers.remove(name)
            let error = #expect(throws: SIPValidationError.self) { try SIPMessageValidator.validate(Self.request(headers)) }
            #expect(error?.kind == .missingHeader(name))
            #expect(error?.reasonPhrase == "Missing \(name.name) header")
            #expect(error?.statusCode == 400)
        }
    }

    @Test func singleValuedHeadersMustNotRepeat() {
        var headers = Self.complete
        headers.append("Call-ID", "other@y")
        let error = #expect(throws: SIPValidationError.self) { try SIPMessageValidator.validate(Self.request(headers)) }
        #expect(error?.kind == .duplicateHeader(.callID))
        #expect(error?.fieldIndex == 6)
    }

    @Test func cseqMethodMustMatchAndParse() {
        var headers = Self.complete
        headers.set(.cseq, "1 INVITE")
        let mismatch = SIPMessageValidator.faults(in: Self.request(headers))
        #expect(mismatch.map(\.reasonPhrase) == ["CSeq method INVITE does not match request method OPTIONS"])
        headers.set(.cseq, "99999999999 OPTIONS")
        let bad = SIPMessageValidator.faults(in: Self.request(headers))
        #expect(bad.first?.reasonPhrase.hasPrefix("Bad CSeq") == true)
    }

    @Test func contentLengthBeyondTheBodyAndOtherVersionsFail() {
        var headers = Self.complete
        headers.append("Content-Length", "10")
        let faults = SIPMessageValidator.faults(in: Self.request(headers, body: [1, 2, 3]))
        #expect(faults.map(\.kind) == [.contentLengthExceedsBody(declared: 10, bodyLength: 3)])
        let version = #expect(throws: SIPValidationError.self) {
            try SIPMessageValidator.validate(Self.request(Self.complete, version: SIPVersion("SIP/7.0")))
        }
        #expect(version?.statusCode == 505)
    }

    @Test func responsesNeedNoMaxForwardsButTheirOwnHeaders() {
        var headers = Self.complete
        headers.remove(.maxForwards)
        #expect(SIPMessageValidator.faults(in: .response(SIPResponse(statusCode: 200, reasonPhrase: "OK", headers: headers))) == [])
        headers.set(.via, "not a via")
        let faults = SIPMessageValidator.faults(in: .response(SIPResponse(statusCode: 200, reasonPhrase: "OK", headers: headers)))
        #expect(faults.count == 1 && faults[0].reasonPhrase.hasPrefix("Bad Via"))
    }
}
