import SDP
import Testing

/// Malformed bodies are refused with the line number, the line and the RFC rule broken,
/// so a 400/488 can be explained in a log line (pjproject's parser tests are the model).
@Suite struct ParserErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let lines: [String]
        let lineNumber: Int
        let reason: SDPParseError.Reason
        var testDescription: String { name }
    }

    static let head = ["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "c=IN IP4 10.0.0.1", "t=0 0"]

    static let cases: [Case] = [
        Case(name: "first line is not v=", lines: ["o=- 1 1 IN IP4 10.0.0.1", "v=0"], lineNumber: 1, reason: .missingVersion),
        Case(name: "v=1", lines: ["v=1"], lineNumber: 1, reason: .unsupportedVersion),
        Case(name: "second v=", lines: head + ["v=0"], lineNumber: 6, reason: .duplicateField(type: "v")),
        Case(name: "no o=", lines: ["v=0", "s=-", "t=0 0", "m=audio 4000 RTP/AVP 0"], lineNumber: 4,
             reason: .missingField(type: "o")),
        Case(name: "no s=", lines: ["v=0", "o=- 1 1 IN IP4 10.0.0.1", "t=0 0"], lineNumber: 3, reason: .missingField(type: "s")),
        Case(name: "no t=", lines: ["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "m=audio 4000 RTP/AVP 0"], lineNumber: 4,
             reason: .missingField(type: "t")),
        Case(name: "two o=", lines: head + ["o=- 1 1 IN IP4 10.0.0.1"], lineNumber: 6, reason: .duplicateField(type: "o")),
        Case(name: "two session c=", lines: head + ["c=IN IP4 10.0.0.2"], lineNumber: 6, reason: .duplicateField(type: "c")),
        Case(name: "not type=value", lines: head + ["hello"], lineNumber: 6, reason: .malformedLine),
        Case(name: "digit as type", lines: head + ["1=x"], lineNumber: 6, reason: .malformedLine),
        Case(name: "space before =", lines: head + ["a =rtcp-mux"], lineNumber: 6, reason: .malformedLine),
        Case(name: "short o=", lines: ["v=0", "o=- 1 1 IN IP4"], lineNumber: 2,
             reason: .invalidField(type: "o", .missing("unicast address"))),
        Case(name: "m= port not a number", lines: head + ["m=audio abc RTP/AVP 0"], lineNumber: 6,
             reason: .invalidField(type: "m", .notANumber("port"))),
        Case(name: "m= port above 65535", lines: head + ["m=audio 70000 RTP/AVP 0"], lineNumber: 6,
             reason: .invalidField(type: "m", .outOfRange("port"))),
        Case(name: "m= without transport", lines: head + ["m=audio 4000"], lineNumber: 6,
             reason: .invalidField(type: "m", .missing("transport protocol"))),
        Case(name: "RTP format not a payload type", lines: head + ["m=audio 4000 RTP/AVP PCMU"], lineNumber: 6,
             reason: .invalidField(type: "m", .notANumber("payload type"))),
        Case(name: "payload type 128", lines: head + ["m=audio 4000 RTP/AVP 128"], lineNumber: 6,
             reason: .invalidField(type: "m", .outOfRange("payload type"))),
        Case(name: "c= missing address", lines: head + ["m=audio 4000 RTP/AVP 0", "c=IN IP4"], lineNumber: 7,
             reason: .invalidField(type: "c", .missing("connection address"))),
        Case(name: "c= TTL not a number", lines: head + ["m=audio 4000 RTP/AVP 0", "c=IN IP4 224.0.0.1/x"], lineNumber: 7,
             reason: .invalidField(type: "c", .notANumber("TTL"))),
        Case(name: "b= without colon", lines: head + ["b=AS64"], lineNumber: 6, reason: .invalidField(type: "b", .missing("bandwidth"))),
        Case(name: "t= one time", lines: ["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "t=0"], lineNumber: 4,
             reason: .invalidField(type: "t", .missing("stop time"))),
        Case(name: "r= before t=", lines: ["v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "r=7d 1h 0"], lineNumber: 4,
             reason: .misplacedField(type: "r")),
        Case(name: "z= odd count", lines: head + ["z=2882844526"], lineNumber: 6, reason: .invalidField(type: "z", .missing("offset"))),
        Case(name: "o= inside media", lines: head + ["m=audio 4000 RTP/AVP 0", "o=- 1 1 IN IP4 10.0.0.1"], lineNumber: 7,
             reason: .misplacedField(type: "o")),
        Case(name: "t= inside media", lines: head + ["m=audio 4000 RTP/AVP 0", "t=0 0"], lineNumber: 7,
             reason: .misplacedField(type: "t")),
        Case(name: "two i= in media", lines: head + ["m=audio 4000 RTP/AVP 0", "i=a", "i=b"], lineNumber: 8,
             reason: .duplicateField(type: "i")),
        Case(name: "a= without name", lines: head + ["a=:x"], lineNumber: 6,
             reason: .invalidField(type: "a", .missing("attribute name"))),
        Case(name: "rtpmap without clock rate", lines: head + ["m=audio 4000 RTP/AVP 0", "a=rtpmap:0 PCMU"], lineNumber: 7,
             reason: .invalidAttribute(name: "rtpmap", .missing("clock rate"))),
        Case(name: "rtpmap non-numeric payload type", lines: head + ["m=audio 4000 RTP/AVP 0", "a=rtpmap:x PCMU/8000"],
             lineNumber: 7, reason: .invalidAttribute(name: "rtpmap", .notANumber("payload type"))),
        Case(name: "rtpmap clock rate 0", lines: head + ["m=audio 4000 RTP/AVP 0", "a=rtpmap:0 PCMU/0"], lineNumber: 7,
             reason: .invalidAttribute(name: "rtpmap", .outOfRange("clock rate"))),
        Case(name: "rtpmap without value", lines: head + ["m=audio 4000 RTP/AVP 0", "a=rtpmap:"], lineNumber: 7,
             reason: .invalidAttribute(name: "rtpmap", .missing("payload type"))),
        Case(name: "ptime not a number", lines: head + ["m=audio 4000 RTP/AVP 0", "a=ptime:twenty"], lineNumber: 7,
             reason: .invalidAttribute(name: "ptime", .notANumber("packet time"))),
        Case(name: "ptime zero", lines: head + ["m=audio 4000 RTP/AVP 0", "a=ptime:0"], lineNumber: 7,
             reason: .invalidAttribute(name: "ptime", .outOfRange("packet time"))),
        Case(name: "rtcp port not a number", lines: head + ["m=audio 4000 RTP/AVP 0", "a=rtcp:abc"], lineNumber: 7,
             reason: .invalidAttribute(name: "rtcp", .notANumber("port"))),
        Case(name: "crypto without key", lines: head + ["m=audio 4000 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80"],
             lineNumber: 7, reason: .invalidAttribute(name: "crypto", .missing("key parameters"))),
        Case(name: "crypto tag of ten digits", lines: head + ["m=audio 4000 RTP/SAVP 0",
                                                               "a=crypto:1234567890 AES_CM_128_HMAC_SHA1_80 inline:QUJD"],
             lineNumber: 7, reason: .invalidAttribute(name: "crypto", .outOfRange("tag"))),
        Case(name: "crypto MKI length 0", lines: head + ["m=audio 4000 RTP/SAVP 0",
                                                          "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:QUJD|1:0"],
             lineNumber: 7, reason: .invalidAttribute(name: "crypto", .outOfRange("MKI length"))),
        Case(name: "fingerprint not hex", lines: head + ["a=fingerprint:sha-256 AB:CD:XY"], lineNumber: 6,
             reason: .invalidAttribute(name: "fingerprint", .unrecognized("hex pair", value: "XY"))),
        Case(name: "setup unknown role", lines: head + ["a=setup:sometimes"], lineNumber: 6,
             reason: .invalidAttribute(name: "setup", .unrecognized("role", value: "sometimes"))),
        Case(name: "candidate too short", lines: head + ["m=audio 4000 RTP/AVP 0", "a=candidate:1 1 UDP 2130706431 10.0.0.1 4000"],
             lineNumber: 7, reason: .invalidAttribute(name: "candidate", .missing("typ"))),
        Case(name: "candidate without typ keyword",
             lines: head + ["m=audio 4000 RTP/AVP 0", "a=candidate:1 1 UDP 2130706431 10.0.0.1 4000 type host"],
             lineNumber: 7, reason: .invalidAttribute(name: "candidate", .unrecognized("keyword", value: "type"))),
        Case(name: "empty ice-ufrag", lines: head + ["a=ice-ufrag:"], lineNumber: 6,
             reason: .invalidAttribute(name: "ice-ufrag", .missing("username fragment"))),
    ]

    @Test(arguments: cases)
    func rejectsWithLineAndReason(_ testCase: Case) {
        #expect(throws: SDPParseError(lineNumber: testCase.lineNumber, line: expectedLine(testCase), reason: testCase.reason)) {
            try TestSDP.parse(testCase.lines)
        }
    }

    /// Missing-line errors quote where the session section ended; others the offending line.
    private func expectedLine(_ testCase: Case) -> String {
        testCase.lines[testCase.lineNumber - 1]
    }

    @Test func emptyBodiesAreRejected() {
        #expect(throws: SDPParseError(lineNumber: 0, line: "", reason: .emptyBody)) { try SessionDescription.parse("") }
        #expect(throws: SDPParseError(lineNumber: 0, line: "", reason: .emptyBody)) { try SessionDescription.parse("\r\n\n") }
    }

    @Test func descriptionNamesLineAndReason() {
        let error = SDPParseError(lineNumber: 6, line: "m=audio abc RTP/AVP 0",
                                  reason: .invalidField(type: "m", .notANumber("port")))
        #expect(error.description == "SDP line 6 \"m=audio abc RTP/AVP 0\": m= port is not a number")
    }

    @Test func lowercaseAndUppercaseTypeLettersAreDistinctUnknownLines() throws {
        let session = try TestSDP.parse(Self.head + ["X=upper"])
        #expect(session.unknownLines == [SDPUnknownLine(type: "X", value: "upper")])
    }
}
