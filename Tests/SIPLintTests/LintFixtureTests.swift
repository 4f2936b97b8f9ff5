import SIPLint
import SIPSyntax
import Testing
import TestSupport

/// `sip-lint`'s verdicts over the RFC 4475 / RFC 5118 torture messages and the captures.
@Suite struct LintFixtureTests {
    /// For each invalid torture message, text its first error must contain (naming the fault).
    static let expectedFaults: [String: [String]] = [
        "badinv01.dat": ["Via", "Contact"],
        "clerr.dat": ["Content-Length 9999 exceeds"],
        "ncl.dat": ["Content-Length"],
        "scalar02.dat": ["CSeq", "Max-Forwards", "Expires", "Contact: expires"],
        "scalarlg.dat": ["CSeq", "Retry-After", "warn-code '1812'"],
        "quotbal.dat": ["To: unterminated quoted string"],
        "ltgtruri.dat": ["Request-URI must not be enclosed in < >"],
        "lwsruri.dat": ["white space inside the Request-URI"],
        "lwsstart.dat": ["more than one SP"],
        "trws.dat": ["white space after the SIP version"],
        "escruri.dat": ["Request-URI carries URI headers"],
        "baddate.dat": ["Date: time zone 'EST' is not GMT"],
        "regbadct.dat": ["Contact: a URI containing '?' must be enclosed in < >"],
        "badaspec.dat": ["To: white space inside < >"],
        "baddn.dat": ["not terminated by an empty line"],
        "badvers.dat": ["SIP/7.0 is not SIP/2.0"],
        "mismatch01.dat": ["CSeq method INVITE differs from the request method OPTIONS"],
        "mismatch02.dat": ["CSeq method INVITE differs from the request method NEWMETHOD"],
        "bigcode.dat": ["status code '4294967301' is not three digits"],
        "insuf.dat": ["missing mandatory To", "missing mandatory From", "missing mandatory Call-ID"],
        "multi01.dat": ["CSeq appears more than once", "Call-ID appears", "To appears", "From appears", "Max-Forwards appears"],
        "mcl01.dat": ["Content-Length appears more than once"],
        "ipv6-bad.dat": ["IPv6 address '2001:db8::10' must be enclosed in [ ]"],
    ]

    @Test(arguments: ["rfc4475", "rfc5118"])
    func tortureVerdictsMatchExpectedTSV(directory: String) throws {
        let rows = try Fixtures.tsv("\(directory)/expected.tsv").dropFirst()
        #expect(rows.count == (directory == "rfc4475" ? 50 : 12))
        for row in rows {
            let (file, verdict) = (row[0], row[3])
            let report = SIPLint.lint(try Fixtures.bytes("\(directory)/\(file)"))
            switch verdict {
            case "valid":
                #expect(report.verdict == .valid, "\(file): \(report.errors.map(\.message))")
            case "invalid":
                #expect(report.verdict == .invalid, "\(file)")
                let expected = try #require(Self.expectedFaults[file], "no expectation for \(file)")
                for text in expected {
                    #expect(report.errors.contains { $0.message.contains(text) }, "\(file) lacks '\(text)': \(report.errors.map(\.message))")
                }
            default:
                #expect(file == "test.dat")
                #expect(report.errors.first?.message.contains("lacks the Request-URI or the SIP version") == true)
            }
        }
    }

    /// Real-world messages lint valid except for real RFC violations, each named here.
    static let realViolations: [String: String] = [
        "invite_ipv6_unbracketed_uris_valid8.sip": "must be enclosed in [ ]",
        "ack_non2xx.sip": "missing mandatory Max-Forwards",
        "message_multipart_alternative_synthetic.sip": "missing mandatory Max-Forwards",
        "refer_with_replaces_synthetic.sip": "missing mandatory Max-Forwards",
        "notify_dialog_info_xml.sip": "no Content-Type",
    ]

    @Test func realWorldVerdicts() throws {
        for file in try Fixtures.files(in: "sip-real", withExtension: "sip") {
            let report = SIPLint.lint(try Fixtures.bytes("sip-real/\(file)"))
            if let violation = Self.realViolations[file] {
                #expect(report.verdict == .invalid, "\(file)")
                #expect(report.errors.contains { $0.message.contains(violation) }, "\(file): \(report.errors.map(\.message))")
            } else {
                #expect(report.verdict == .valid, "\(file): \(report.errors.map(\.message))")
            }
        }
    }

    @Test func unbracketedIPv6IsFlaggedOnEveryLineItAppears() throws {
        let report = SIPLint.lint(try Fixtures.bytes("sip-real/invite_ipv6_unbracketed_uris_valid8.sip"))
        #expect(report.errors.map(\.line).sorted() == [1, 3, 5, 6, 7])
        #expect(report.errors.allSatisfy { $0.message.contains("RFC 5118 §4.2") })
    }

    @Test func baddnWithItsEmptyLineNamesTheDisplayNames() throws {
        let report = SIPLint.lint(try Fixtures.bytes("rfc4475/baddn.dat") + [0x0D, 0x0A])
        let messages = report.errors.map(\.message)
        #expect(messages.contains { $0.hasPrefix("Bad From: display name contains ','") })
        #expect(messages.contains { $0.hasPrefix("Bad To: display name contains ','") })
        #expect(report.errors.map(\.line) == [4, 5])
    }

    @Test func findingsPointAtLineAndColumn() throws {
        let badaspec = SIPLint.lint(try Fixtures.bytes("rfc4475/badaspec.dat"))
        #expect(badaspec.errors.map { [$0.line, $0.column] } == [[5, 23]])
        let lwsstart = SIPLint.lint(try Fixtures.bytes("rfc4475/lwsstart.dat"))
        #expect(lwsstart.errors.map { [$0.line, $0.column] } == [[1, 8]])
        let mismatch = SIPLint.lint(try Fixtures.bytes("rfc4475/mismatch01.dat"))
        #expect(mismatch.errors.map { [$0.line, $0.column] } == [[6, 9]])
    }

    @Test func errorsInsideFoldedValuesPointAtTheContinuationLine() {
        let text = "OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1,\r\n  SIP/2.0/UDP h2.example.com;;\r\n"
            + "To: <sip:a@example.com>\r\nFrom: <sip:b@example.com>;tag=1\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\n\r\n"
        let report = SIPLint.lint(Array(text.utf8))
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.line == 3)
        #expect(report.errors.first?.column == 30)  // the second ";", where a name should be
        #expect(report.errors.first?.message.contains("Via") == true)
    }
}
