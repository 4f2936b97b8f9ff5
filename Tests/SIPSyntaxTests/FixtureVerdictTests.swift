import SIPSyntax
import Testing
import TestSupport

/// Every RFC 4475 / RFC 5118 torture message and every real-world capture, run through the
/// stack's liberal parser and validator. (The strict verdicts live in SIPLintTests.)
@Suite struct FixtureVerdictTests {
    /// What the stack does with each message the RFCs call invalid: refuse it while parsing,
    /// refuse it in validation, or tolerate it as the RFC allows liberal elements to.
    enum StackOutcome {
        case parseError(String)
        case validationError(String)
        case tolerated
    }

    static let invalidOutcomes: [String: StackOutcome] = [
        "badinv01.dat": .validationError("Via"),
        "clerr.dat": .parseError("Content-Length 9999 exceeds"),
        "ncl.dat": .parseError("Content-Length"),
        "scalar02.dat": .validationError("CSeq"),
        "scalarlg.dat": .validationError("CSeq"),
        "quotbal.dat": .validationError("unterminated quoted string"),
        "ltgtruri.dat": .tolerated,  // RFC 4475 §3.1.2.7: liberal elements may strip < >
        "lwsruri.dat": .parseError("white space inside the Request-URI"),
        "lwsstart.dat": .tolerated,  // §3.1.2.9: liberal elements ignore the extra SP
        "trws.dat": .tolerated,  // §3.1.2.10
        "escruri.dat": .tolerated,  // §3.1.2.11: or ignore the headers; a proxy must not forward them
        "baddate.dat": .tolerated,  // §3.1.2.12: the stack does not interpret Date
        "regbadct.dat": .tolerated,  // §3.1.2.13: liberal elements infer < >
        "badaspec.dat": .tolerated,  // §3.1.2.14: liberal elements ignore the spaces
        "baddn.dat": .parseError("Header section not terminated"),  // archive copy lacks the empty line
        "badvers.dat": .validationError("Version SIP/7.0 Not Supported"),
        "mismatch01.dat": .validationError("CSeq method INVITE does not match request method OPTIONS"),
        "mismatch02.dat": .validationError("CSeq method INVITE does not match request method NEWMETHOD"),
        "bigcode.dat": .parseError("status code '4294967301' is not three digits"),
        "insuf.dat": .validationError("Missing"),
        "multi01.dat": .validationError("Multiple"),
        "mcl01.dat": .parseError("conflicting values 13 and 5"),
        "ipv6-bad.dat": .tolerated,  // unbracketed IPv6 accepted when unambiguous (see HostParser)
    ]

    static func rows(_ directory: String) throws -> [(file: String, verdict: String)] {
        try Fixtures.tsv("\(directory)/expected.tsv").dropFirst().map { ($0[0], $0[3]) }
    }

    @Test(arguments: ["rfc4475", "rfc5118"])
    func validTortureMessagesParseAndValidate(directory: String) throws {
        for row in try Self.rows(directory) where row.verdict == "valid" {
            let bytes = try Fixtures.bytes("\(directory)/\(row.file)")
            guard let message = Self.parse(bytes, row.file) else { continue }
            #expect(SIPMessageValidator.faults(in: message) == [], "\(row.file)")
        }
    }

    @Test(arguments: ["rfc4475", "rfc5118"])
    func invalidTortureMessagesGetTheirDocumentedOutcome(directory: String) throws {
        let invalid = try Self.rows(directory).filter { $0.verdict == "invalid" }
        #expect(!invalid.isEmpty)
        for row in invalid {
            let outcome = try #require(Self.invalidOutcomes[row.file], "no expectation for \(row.file)")
            let bytes = try Fixtures.bytes("\(directory)/\(row.file)")
            let result = Result { () throws(SIPParseError) in try SIPMessageParser.parse(datagram: bytes) }
            switch (outcome, result) {
            case (.parseError(let text), .failure(let error)):
                #expect(error.reasonPhrase.contains(text), "\(row.file): \(error)")
            case (.validationError(let text), .success(let message)):
                let faults = SIPMessageValidator.faults(in: message)
                #expect(faults.contains { $0.reasonPhrase.contains(text) }, "\(row.file): \(faults)")
            case (.tolerated, .success(let message)):
                #expect(SIPMessageValidator.faults(in: message) == [], "\(row.file)")
            case (_, .failure(let error)):
                Issue.record("\(row.file): unexpected parse error \(error)")
            case (.parseError, .success):
                Issue.record("\(row.file): parsed but should not")
            }
        }
    }

    @Test func realWorldMessagesParseAndValidate() throws {
        let files = try Fixtures.files(in: "sip-real", withExtension: "sip")
        #expect(files.count == 39)
        for file in files {
            let bytes = try Fixtures.bytes("sip-real/\(file)")
            guard let message = Self.parse(bytes, file) else { continue }
            #expect(SIPMessageValidator.faults(in: message) == [], "\(file)")
        }
    }

    /// Parses or records an issue naming the file.
    static func parse(_ bytes: [UInt8], _ file: String) -> SIPMessage? {
        do {
            return try SIPMessageParser.parse(datagram: bytes)
        } catch {
            Issue.record("\(file): \(error)")
            return nil
        }
    }

    @Test func baddnWithItsEmptyLineFailsOnTheDisplayNames() throws {
        let bytes = try Fixtures.bytes("rfc4475/baddn.dat") + [0x0D, 0x0A]
        let message = try SIPMessageParser.parse(datagram: bytes)
        let faults = SIPMessageValidator.faults(in: message)
        #expect(faults.map(\.kind).contains { if case .invalidHeader(.from, _) = $0 { true } else { false } })
        #expect(faults.map(\.kind).contains { if case .invalidHeader(.to, _) = $0 { true } else { false } })
        #expect(faults.first?.reasonPhrase.contains("display name contains ','") == true)
    }
}
