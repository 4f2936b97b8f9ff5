import SIPLint
import SIPSyntax
import Testing
import TestSupport

/// What `sip-lint` says a phone would answer, and how it reads pasted text.
@Suite struct LintAnswerTests {
    static func answer(_ file: String) throws -> SIPLintReport.EndpointAnswer? {
        SIPLint.lint(try Fixtures.bytes(file)).endpointAnswer
    }

    @Test func validRequestsAPhoneRefusesExitValidButNameTheAnswer() throws {
        let cases: [(String, Int)] = [
            ("rfc4475/unkscm.dat", 416), ("rfc4475/novelsc.dat", 416), ("rfc4475/bext01.dat", 420),
            ("rfc4475/invut.dat", 415), ("rfc4475/esc02.dat", 501), ("rfc4475/intmeth.dat", 501),
            ("rfc4475/sdp01.dat", 406),
        ]
        for (file, code) in cases {
            let report = SIPLint.lint(try Fixtures.bytes(file))
            #expect(report.verdict == .valid, "\(file)")
            #expect(report.endpointAnswer?.statusCode == code, "\(file)")
        }
    }

    @Test func badExtensionAnswerListsTheUnsupportedTags() throws {
        let answer = try #require(try Self.answer("rfc4475/bext01.dat"))
        #expect(answer.headers == [SIPHeaderField(.unsupported, "nothingSupportsThis, nothingSupportsThisEither")])
    }

    @Test func invalidRequestsGetTheirRFCAnswer() throws {
        let badvers = SIPLint.lint(try Fixtures.bytes("rfc4475/badvers.dat"))
        #expect(badvers.verdict == .invalid)
        #expect(badvers.endpointAnswer?.statusCode == 505)
        #expect(try Self.answer("rfc4475/mismatch02.dat")?.statusCode == 501)  // RFC 4475 §3.1.2.18
        let mismatch01 = try #require(try Self.answer("rfc4475/mismatch01.dat"))
        #expect(mismatch01.statusCode == 400)
        #expect(mismatch01.reasonPhrase.contains("CSeq method INVITE"))
    }

    @Test func validRequestsAPhoneServesHaveNoAnswerAndResponsesNone() throws {
        #expect(try Self.answer("rfc4475/wsinv.dat") == nil)
        #expect(try Self.answer("rfc4475/unreason.dat") == nil)
        let scalarlg = SIPLint.lint(try Fixtures.bytes("rfc4475/scalarlg.dat"))
        #expect(scalarlg.handling?.contains("discards an invalid response") == true)
    }

    @Test func lfOnlyTextIsReadAsCRLFAndSaysSo() throws {
        let crlf = try Fixtures.bytes("rfc4475/wsinv.dat")
        var lf: [UInt8] = []
        for (index, byte) in crlf.enumerated() where !(byte == 0x0D && index + 1 < crlf.count && crlf[index + 1] == 0x0A) {
            lf.append(byte)
        }
        let report = SIPLint.lint(lf)
        #expect(report.verdict == .valid, "\(report.errors.map(\.message))")
        #expect(report.inputNotes.first?.contains("LF line ends only") == true)
        #expect(SIPLint.lint(crlf).inputNotes.isEmpty)
    }

    @Test func pastedTextWithoutTheFinalEmptyLineGetsOne() {
        let text = "OPTIONS sip:a@example.com SIP/2.0\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\nTo: <sip:a@example.com>\n"
            + "From: <sip:b@example.com>;tag=1\nCall-ID: x\nCSeq: 1 OPTIONS\nMax-Forwards: 70\nContent-Length: 0"
        let report = SIPLint.lint(Array(text.utf8))
        #expect(report.verdict == .valid, "\(report.errors.map(\.message))")
        #expect(report.inputNotes.count == 2)
    }

    @Test func reportBreaksTheMessageIntoParts() throws {
        let report = SIPLint.lint(try Fixtures.bytes("rfc4475/wsinv.dat"))
        let start = try #require(report.startLine)
        #expect(start.kind == "request")
        #expect(start.parts.contains(SIPLintReport.Part("  host", "chair-dnrc.example.com")))
        let from = try #require(report.headers.first { $0.name == "From" })
        #expect(from.line == 4)
        #expect(from.parts.contains(SIPLintReport.Part("display name", "J Rosenberg \\\"")))
        #expect(from.parts.contains(SIPLintReport.Part("tag", "98asjd8")))
        let vias = report.headers.filter { $0.name == "Via" }
        #expect(vias.last?.parts.contains(SIPLintReport.Part("[2] transport", "UDP")) == true)
        let body = try #require(report.body)
        #expect(body.contentType == "application/sdp" && body.length == 150 && body.lines == 8 && !body.isBinary)
        let mpart = SIPLint.lint(try Fixtures.bytes("rfc4475/mpart01.dat"))
        #expect(mpart.body?.isBinary == true)
        #expect(mpart.body?.length == 553)
    }

    @Test func rendererShowsPartsFindingsVerdictAndAnswer() throws {
        let text = SIPLintRenderer.render(SIPLint.lint(try Fixtures.bytes("rfc4475/bext01.dat")), source: "bext01.dat")
        #expect(text.contains("Start line (request): OPTIONS sip:user@example.com SIP/2.0"))
        #expect(text.contains("Verdict: VALID"))
        #expect(text.contains("A phone would answer: 420 Bad Extension"))
        #expect(text.contains("with Unsupported: nothingSupportsThis, nothingSupportsThisEither"))
        let bad = SIPLintRenderer.render(SIPLint.lint(try Fixtures.bytes("rfc4475/badaspec.dat")))
        #expect(bad.contains("error   line 5, column 23: Bad To: white space inside < >"))
        #expect(bad.contains("Verdict: INVALID (1 error(s)"))
    }
}
