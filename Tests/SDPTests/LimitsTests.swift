import SDP
import Testing

/// Hostile sizes are refused before they cost memory (`SDPLimits`), with the line that broke them.
@Suite struct LimitsTests {
    private let head = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nt=0 0\r\n"

    @Test func bodyLargerThanLimitIsRefusedUpFront() {
        let body = head + String(repeating: "a=x\r\n", count: SDPLimits.maximumBodyBytes / 5 + 1)
        #expect(throws: SDPParseError(lineNumber: 0, line: "", reason: .bodyTooLarge(limit: SDPLimits.maximumBodyBytes))) {
            try SessionDescription.parse(body)
        }
    }

    @Test func tooManyLinesNamesTheFirstLineOver() {
        let body = head + String(repeating: "a=x\r\n", count: SDPLimits.maximumLines)
        #expect(throws: SDPParseError(lineNumber: SDPLimits.maximumLines + 1, line: "a=x",
                                      reason: .tooManyLines(limit: SDPLimits.maximumLines))) {
            try SessionDescription.parse(body)
        }
    }

    @Test func blankLinesCountTowardsTheLineLimit() {
        let body = head + String(repeating: "\n", count: SDPLimits.maximumLines)
        #expect(throws: SDPParseError.self) { try SessionDescription.parse(body) }
    }

    @Test func lineLongerThanLimitIsQuotedShort() throws {
        let long = "a=x-long:" + String(repeating: "z", count: SDPLimits.maximumLineLength)
        let error = try #require(throws: SDPParseError.self) { try SessionDescription.parse(head + long + "\r\n") }
        #expect(error.lineNumber == 5)
        #expect(error.reason == .lineTooLong(limit: SDPLimits.maximumLineLength))
        #expect(error.line.count == SDPLimits.maximumQuotedLineLength)
    }

    @Test func lineAtTheLimitIsAccepted() throws {
        let line = "a=x-long:" + String(repeating: "z", count: SDPLimits.maximumLineLength - 9)
        let session = try SessionDescription.parse(head + line + "\r\n")
        #expect(session.attributes.count == 1)
    }

    @Test func tooManyMediaSections() {
        let body = head + String(repeating: "m=audio 0 RTP/AVP 0\r\n", count: SDPLimits.maximumMediaDescriptions + 1)
        #expect(throws: SDPParseError(lineNumber: 5 + SDPLimits.maximumMediaDescriptions, line: "m=audio 0 RTP/AVP 0",
                                      reason: .tooManyMediaDescriptions(limit: SDPLimits.maximumMediaDescriptions))) {
            try SessionDescription.parse(body)
        }
    }

    @Test func hugeNumbersAreOutOfRangeNotCrashes() throws {
        #expect(throws: SDPParseError.self) { try SessionDescription.parse(head + "b=AS:99999999999999999999999\r\n") }
        #expect(throws: SDPParseError.self) { try SessionDescription.parse(head + "r=99999999999999999999d 1 0\r\n") }
        let extreme = try SessionDescription.parse(head + "r=9223372036854775807d 1 0\r\n")
        #expect(extreme.timing[0].repeats[0].interval.seconds == .max)
    }

    /// Bytes that are not UTF-8 in free text do not fail the parse (old phones send Latin-1).
    @Test func invalidUTF8InSessionNameIsTolerated() throws {
        var bytes = Array("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=Caf".utf8)
        bytes += [0xE9] + Array("\r\nt=0 0\r\n".utf8)
        let session = try SessionDescription.parse(bytes)
        #expect(session.sessionName == "Caf\u{FFFD}")
    }
}
