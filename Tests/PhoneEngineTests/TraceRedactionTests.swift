import PhoneEngine
import Testing

/// Credentials never reach a trace (issue 4): the digest response and cnonce are hidden; what a
/// person needs to debug authentication (username, realm, nonce, uri, algorithm) stays.
@Suite struct TraceRedactionTests {
    let register = """
        REGISTER sip:example.test SIP/2.0\r
        Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1\r
        Authorization: Digest username="alice", realm="example.test", nonce="abc,def", uri="sip:example.test", response="0123456789abcdef0123456789abcdef", algorithm=MD5, cnonce="x1", qop=auth, nc=00000001\r
        proxy-authorization:Digest username="alice",response="fedcba9876543210fedcba9876543210"\r
        Content-Length: 0\r
        \r

        """

    @Test func digestResponsesAreHiddenAndTheRestStays() {
        let redacted = TraceRedaction.redact(register)
        #expect(!redacted.contains("0123456789abcdef0123456789abcdef"))
        #expect(!redacted.contains("fedcba9876543210fedcba9876543210"))
        #expect(!redacted.contains("x1"))
        #expect(redacted.contains(#"Authorization: Digest username="alice", realm="example.test", nonce="abc,def", uri="sip:example.test", response=<redacted>, algorithm=MD5, cnonce=<redacted>, qop=auth, nc=00000001"#))
        #expect(redacted.contains("Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK-1\r\n"))
        #expect(redacted.hasSuffix("Content-Length: 0\r\n\r\n"))
    }

    @Test func bodiesAreNotTouched() {
        let message = "MESSAGE sip:bob@example.test SIP/2.0\r\nContent-Length: 28\r\n\r\nAuthorization: not a header\n"
        #expect(TraceRedaction.redact(message) == message)
    }

    @Test func aHeaderWithoutParametersIsHiddenWhole() {
        let message = "REGISTER sip:x SIP/2.0\r\nAuthorization: secret\r\n\r\n"
        #expect(TraceRedaction.redact(message) == "REGISTER sip:x SIP/2.0\r\nAuthorization: <redacted>\r\n\r\n")
    }
}
