import CallHistory
import Foundation
import Testing

/// The exact text of `dialtone history`: the table and the JSON lines scripts depend on.
struct PresentationTests {
    let utc = TimeZone(secondsFromGMT: 0)!

    @Test func tableLayout() {
        let records = [
            missedCall(startOffset: 7200),
            sampleCall(startOffset: 3661, talk: 3725),
            sampleCall(remote: "sip:a-very-long-user-name@some.example.com", name: nil, answered: false,
                       status: SIPStatus(code: 404, reasonPhrase: "Not Found")),
        ]
        let expected = """
            TIME              DIR  REMOTE                                    DURATION  RESULT
            2025-01-01 02:00  ←!   Bob <sip:bob@example.com>                 -         missed
            2025-01-01 01:01  →    Alice <sip:alice@example.com>             1:02:05   answered
            2025-01-01 00:00  →    sip:a-very-long-user-name@some.example.…  -         failed (404 Not Found)

            """
        #expect(HistoryTable.render(records, timeZone: utc) == expected)
    }

    @Test func tableUsesTheGivenTimeZone() {
        let tokyo = TimeZone(secondsFromGMT: 9 * 3600)!
        #expect(HistoryTable.render([sampleCall()], timeZone: tokyo).contains("2025-01-01 09:00  →"))
    }

    @Test func emptyTable() {
        #expect(HistoryTable.render([], timeZone: utc) == "No calls.\n")
    }

    @Test(arguments: [(0.0, "0:00"), (59.99, "0:59"), (61, "1:01"), (3599, "59:59"), (3600, "1:00:00"), (36_061, "10:01:01")] as [(Double, String)])
    func durationText(_ seconds: Double, _ text: String) {
        #expect(HistoryTable.durationText(seconds) == text)
        #expect(HistoryTable.render([sampleCall(talk: seconds)], timeZone: utc).contains("  \(text)  "))
    }

    /// Field names and formats are an interface: this line is what a script sees.
    @Test func jsonLineOfAnAnsweredCall() throws {
        let record = stored(sampleCall(encryption: .srtpSDES(suite: "AES_CM_128_HMAC_SHA1_80")), id: 7)
        let expected = #"{"account":"work","answer":"2025-01-01T00:00:03.000Z","call_id":"call-0.0@host","codec":"PCMA/8000","#
            + #""direction":"outgoing","duration_seconds":60,"encryption":"srtp-sdes","end":"2025-01-01T00:01:03.000Z","id":7,"#
            + #""local_uri":"sip:me@example.net","reason_phrase":"OK","remote_display_name":"Alice","#
            + #""remote_uri":"sip:alice@example.com","result":"answered","srtp_suite":"AES_CM_128_HMAC_SHA1_80","#
            + #""start":"2025-01-01T00:00:00.000Z","status_code":200}"#
        #expect(try HistoryJSON.line(record) == expected)
    }

    /// Absent values are present as null, so consumers need no missing-key case.
    @Test func jsonLineOfAMissedCallHasNulls() throws {
        let expected = #"{"account":"work","answer":null,"call_id":"call-0.0@host","codec":null,"direction":"incoming","#
            + #""duration_seconds":null,"encryption":"none","end":"2025-01-01T00:00:10.000Z","id":null,"#
            + #""local_uri":"sip:me@example.net","reason_phrase":"Request Terminated","remote_display_name":"Bob","#
            + #""remote_uri":"sip:bob@example.com","result":"missed","srtp_suite":null,"#
            + #""start":"2025-01-01T00:00:00.000Z","status_code":487}"#
        #expect(try HistoryJSON.line(missedCall()) == expected)
    }

    @Test(arguments: [
        stored(sampleCall(name: "Zoë \"q\" \\ /", encryption: .dtlsSRTP), id: 1),
        missedCall(name: nil, startOffset: 0.001),
        sampleCall(answered: false, status: nil),
    ])
    func jsonRoundTrips(_ record: CallRecord) throws {
        let line = try HistoryJSON.line(record)
        #expect(!line.contains("\n"))
        #expect(try HistoryJSON.decodeCall(line) == record)
    }

    @Test func jsonWithUnknownEncryptionIsRejected() throws {
        let line = try HistoryJSON.line(sampleCall()).replacingOccurrences(of: #""encryption":"none""#, with: #""encryption":"rot13""#)
        #expect(throws: DecodingError.self) { try HistoryJSON.decodeCall(line) }
    }
}

/// `--since DATE`: the accepted forms, and impossible dates refused instead of rolled over.
struct HistoryDateArgumentTests {
    let plusOne = TimeZone(secondsFromGMT: 3600)!

    @Test(arguments: [
        ("2025-03-01", "2025-02-28T23:00:00.000Z"),
        ("2025-03-01T08:00:00Z", "2025-03-01T08:00:00.000Z"),
        ("2025-03-01T08:00:00.25+02:00", "2025-03-01T06:00:00.250Z"),
        ("2025-03-01T08:00:00-0530", "2025-03-01T13:30:00.000Z"),
        ("2025-03-01 08:00", "2025-03-01T07:00:00.000Z"),
        ("2024-02-29T23:59:59", "2024-02-29T22:59:59.000Z"),
    ])
    func parses(_ text: String, _ utc: String) throws {
        let date = try #require(HistoryDateArgument.parse(text, timeZone: plusOne))
        let expected = try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(utc)
        // Two routes to the same instant may differ in the last bit of a Double.
        #expect(abs(date.timeIntervalSince(expected)) < 0.000_001, "\(date) is not \(utc)")
    }

    @Test(arguments: [
        "", "yesterday", "2025-3-1", "2025-02-30", "2025-13-01", "2023-02-29", "2025-03-01T25:00",
        "2025-03-01T08:60", "2025-03-01T08:00:00+19:00", "2025-03-01T08", "2025-03-01Z", " 2025-03-01",
    ])
    func refuses(_ text: String) {
        #expect(HistoryDateArgument.parse(text, timeZone: plusOne) == nil)
    }
}
