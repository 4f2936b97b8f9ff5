import Testing
import TestSupport
@testable import SIPRegistration

/// RFC 3842 §5 bodies: the RFC's examples, server styles, and garbage.
struct MessageSummaryTests {
    private func parse(_ fixture: String) throws -> MessageSummary {
        try MessageSummary.parse(try Fixtures.bytes("mwi/\(fixture)"))
    }

    @Test func rfcNotifyBody() throws {
        let summary = try parse("rfc3842-4.1-notify-body.txt")
        #expect(summary.messagesWaiting)
        #expect(summary.messageAccount == "sip:alice@vmail.example.com")
        #expect(summary.voice == MessageCounts(new: 2, old: 8, urgentNew: 0, urgentOld: 2))
        #expect(summary.counts.count == 1)
    }

    @Test func rfcBodyWithMessageHeadersStopsAtTheEmptyLine() throws {
        let summary = try parse("rfc3842-5.2-with-message-headers.txt")
        #expect(summary.voice == MessageCounts(new: 4, old: 8, urgentNew: 1, urgentOld: 2))
        #expect(summary.counts.count == 1)
    }

    @Test func booleanOnly() throws {
        let summary = try parse("rfc3842-boolean-only.txt")
        #expect(!summary.messagesWaiting)
        #expect(summary.messageAccount == nil)
        #expect(summary.counts.isEmpty)
    }

    @Test func asteriskAndFreeSWITCHStyles() throws {
        let asterisk = try parse("asterisk-style-body.txt")
        #expect(asterisk.messageAccount == "sip:*97@198.51.100.10")
        #expect(asterisk.voice == MessageCounts(new: 2, old: 8, urgentNew: 0, urgentOld: 2))
        let freeswitch = try parse("freeswitch-style-body.txt")
        #expect(freeswitch.voice == MessageCounts(new: 1, old: 3, urgentNew: 0, urgentOld: 0))
    }

    @Test func caseLineEndsAndMissingUrgentPart() throws {
        let summary = try parse("lowercase-lf-no-urgent.txt")
        #expect(!summary.messagesWaiting)
        #expect(summary.voice == MessageCounts(new: 0, old: 12))
        #expect(summary.voice?.urgentNew == nil)
    }

    @Test func severalClassesSpacingAndUnknownHeaders() throws {
        let summary = try parse("several-classes-spacing.txt")
        #expect(summary.messagesWaiting)
        #expect(summary.counts[.voice] == MessageCounts(new: 3, old: 1, urgentNew: 1, urgentOld: 0))
        #expect(summary.counts[.fax] == MessageCounts(new: 1, old: 0))
        #expect(summary.counts[.text] == MessageCounts(new: 0, old: 5, urgentNew: 0, urgentOld: 0))
        #expect(summary.counts[.pager] == nil)
    }

    @Test(arguments: [
        ("garbage-no-status.txt", MessageSummaryError.missingStatus),
        ("garbage-bad-status.txt", .invalidStatus(line: 1, value: "maybe")),
        ("garbage-bad-counts.txt", .invalidCounts(line: 2, header: "Voice-Message", value: "1/x")),
        ("garbage-no-colon.txt", .malformedLine(line: 2, text: "this is not a header")),
    ])
    func garbageIsRejectedNamingTheLine(fixture: String, expected: MessageSummaryError) throws {
        #expect(throws: expected) { try parse(fixture) }
    }

    @Test func binaryGarbageIsAnErrorNotACrash() throws {
        #expect(throws: MessageSummaryError.self) { try parse("garbage-binary.bin") }
        #expect(throws: MessageSummaryError.missingStatus) { try MessageSummary.parse([]) }
    }

    @Test(arguments: [
        "Voice-Message: 1", "Voice-Message: /", "Voice-Message: 1/2 (3)", "Voice-Message: 1/2 (3/4",
        "Voice-Message: -1/2", "Voice-Message: 99999999999/0", "Voice-Message: 1/2/3", "Voice-Message: 1/2 (a/b)",
    ])
    func malformedCountsAreRejected(line: String) {
        let body = Array("Messages-Waiting: yes\r\n\(line)\r\n".utf8)
        #expect(throws: MessageSummaryError.self) { try MessageSummary.parse(body) }
    }

    @Test func oversizedBodyIsRejected() {
        let body = Array("Messages-Waiting: yes\r\n".utf8) + [UInt8](repeating: 0x41, count: 70_000)
        #expect(throws: MessageSummaryError.tooLarge(size: body.count, maximum: 65_536)) { try MessageSummary.parse(body) }
    }

    @Test func errorsDescribeThemselves() {
        #expect(MessageSummaryError.invalidCounts(line: 3, header: "Fax-Message", value: "x").description.contains("line 3"))
    }
}
