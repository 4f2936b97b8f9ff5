import SIPLint
import Testing
import TestSupport

/// sip-lint reads whatever a user pastes: truncated, corrupted or empty input must give a
/// report (invalid, with a finding), never a trap.
@Suite struct LintRobustnessTests {
    @Test func truncatedAndCorruptedMessagesGiveReports() throws {
        let files = ["rfc4475/wsinv.dat", "rfc4475/esc01.dat", "sip-real/invite_ipv6_unbracketed_uris_valid8.sip"]
        var state: UInt64 = 3261
        for file in files {
            let bytes = try Fixtures.bytes(file)
            for end in stride(from: 0, through: bytes.count, by: 7) {
                let report = SIPLint.lint(Array(bytes[..<end]))
                _ = SIPLintRenderer.render(report)
                if end < 20 { #expect(report.verdict == .invalid) }
            }
            for _ in 0..<80 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                var mutated = bytes
                mutated[Int(state >> 33) % mutated.count] ^= UInt8(truncatingIfNeeded: state >> 8) | 1
                let report = SIPLint.lint(mutated)
                _ = SIPLintRenderer.render(report)
                #expect(report.verdict == .valid || !report.errors.isEmpty)
            }
        }
    }

    @Test(arguments: ["", "\r\n", "\n", "\r\n\r\n", "INVITE", "SIP/2.0 200 OK\r\n\r\n", "\u{FF}\u{FE}", "OPTIONS sip:a@b SIP/2.0\r\n\r\n"])
    func degenerateInputsAreInvalidWithAFinding(text: String) {
        let report = SIPLint.lint(Array(text.utf8))
        #expect(report.verdict == .invalid)
        #expect(!report.errors.isEmpty)
        #expect(SIPLintRenderer.render(report).contains("Verdict: INVALID"))
    }
}
