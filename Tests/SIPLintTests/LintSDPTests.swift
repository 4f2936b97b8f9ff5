import SIPLint
import Testing
import TestSupport

/// sip-lint explains SDP bodies and reports a malformed one at its line in the message.
@Suite struct LintSDPTests {
    @Test func sdesOfferListsCodecsAndSuitesButNeverKeys() throws {
        let report = SIPLint.lint(try Fixtures.bytes("sip-real/invite_microsip_tls_sdes.sip"))
        let lines = report.body?.sessionDescription ?? []
        #expect(lines.contains { $0.hasPrefix("m= audio 4000 RTP/AVP sendrecv") })
        #expect(lines.contains { $0.contains("PCMA/8000 (8), PCMU/8000 (0), telephone-event/8000 (101)") })
        #expect(lines.contains { $0.contains("3 AES_CM_128_HMAC_SHA1_80") })
        #expect(!lines.joined().contains("inline:"))
        let rendered = SIPLintRenderer.render(report, source: "x")
        #expect(!rendered.contains("inline:"))
        #expect(rendered.contains("  m= audio 4000"))
    }

    @Test func holdWithTheOldZeroAddressIsExplained() {
        let sdp = "v=0\r\no=- 1 2 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\na=sendonly\r\n"
        let report = SIPLint.lint(Array(invite(sdp: sdp).utf8))
        let lines = report.body?.sessionDescription ?? []
        #expect(lines.contains { $0 == "m= audio 4000 RTP/AVP sendonly to 0.0.0.0 (RFC 2543 hold address)" })
    }

    @Test func aDisabledStreamSaysSo() throws {
        let report = SIPLint.lint(try Fixtures.bytes("sip-real/invite_linphone_hold_inactive_authorization.sip"))
        #expect(report.body?.sessionDescription.contains("m= audio port 0 (rejected or disabled) RTP/AVP") == true)
    }

    private func invite(sdp: String) -> String {
        "INVITE sip:b@x SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nMax-Forwards: 70\r\n"
            + "From: <sip:a@x>;tag=1\r\nTo: <sip:b@x>\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\n"
            + "Content-Type: application/sdp\r\nContent-Length: \(sdp.utf8.count)\r\n\r\n" + sdp
    }

    @Test func malformedSDPIsAWarningAtItsLineInTheMessage() {
        let report = SIPLint.lint(Array(invite(sdp: "v=0\r\nm=audio notaport RTP/AVP 0\r\n").utf8))
        let sdpErrors = report.findings.filter { $0.message.hasPrefix("SDP body:") }
        #expect(sdpErrors.count == 1)
        #expect(sdpErrors.first?.line == 12)
        #expect(sdpErrors.first?.severity == .warning)
        #expect(report.verdict == .valid)
    }

    @Test func nonSDPBodiesHaveNoBreakdown() throws {
        let report = SIPLint.lint(try Fixtures.bytes("sip-real/notify_refer_sipfrag_final_rfc3515.sip"))
        #expect(report.body != nil)
        #expect(report.body?.sessionDescription == [])
    }
}
