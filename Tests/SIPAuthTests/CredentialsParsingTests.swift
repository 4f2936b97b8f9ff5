import SIPAuth
import Testing

/// `Authorization` / `Proxy-Authorization` values (RFC 3261 §25.1 `digest-response`,
/// RFC 7616 §3.4), as a registrar or the debug tools read them.
@Suite struct CredentialsParsingTests {
    @Test func readsEveryCredentialsParameter() throws {
        let credentials = try DigestCredentials.parse(
            #"Digest username="bob", realm="biloxi.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", "#
                + #"uri="sip:bob@biloxi.com", qop=auth, nc=00000001, cnonce="0a4f113b", "#
                + #"response="89eb0059246c02b2f6ee02c7961d5ea3", opaque="5ccc069c403ebaf9f0171e9517f40e41", x-ext=1"#)
        #expect(credentials == DigestCredentials(
            username: "bob", realm: "biloxi.com", nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            uri: "sip:bob@biloxi.com", response: "89eb0059246c02b2f6ee02c7961d5ea3", algorithm: .absent,
            cnonce: "0a4f113b", opaque: "5ccc069c403ebaf9f0171e9517f40e41", qop: .auth, nonceCount: .first,
            extensions: [AuthParameter(name: "x-ext", value: "1", isQuoted: false)]))
    }

    @Test func toleratesQuotedNonceCountAndQoP() throws {
        let credentials = try DigestCredentials.parse(
            #"Digest username="u", realm="r", nonce="n", uri="sip:r", response="00", nc="0000000A", qop="auth-int", cnonce="c""#)
        #expect(credentials.nonceCount == NonceCount(10))
        #expect(credentials.nonceCount?.hex == "0000000a")
        #expect(credentials.qop == .authInt)
    }

    @Test func decodesExtendedUsername() throws {
        let credentials = try DigestCredentials.parse(
            #"Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="api@example.org", nonce="n", uri="/doe.json", response="00""#)
        #expect(credentials.username == "Jäsøn Doe")
    }

    @Test func rejectsBadExtendedUsername() {
        #expect(throws: AuthHeaderError.invalidParameter(name: "username*", value: "ISO-8859-1''J%E4", reason: "not a UTF-8 ext-value (RFC 8187)")) {
            try DigestCredentials.parse(#"Digest username*=ISO-8859-1''J%E4, realm="r", nonce="n", uri="u", response="0""#)
        }
        #expect(throws: AuthHeaderError.invalidParameter(name: "username*", value: "UTF-8''%zz", reason: "not a UTF-8 ext-value (RFC 8187)")) {
            try DigestCredentials.parse(#"Digest username*=UTF-8''%zz, realm="r", nonce="n", uri="u", response="0""#)
        }
        #expect(throws: AuthHeaderError.invalidParameter(name: "username*", value: "UTF-8''b", reason: "sent together with username")) {
            try DigestCredentials.parse(#"Digest username="a", username*=UTF-8''b, realm="r", nonce="n", uri="u", response="0""#)
        }
    }

    @Test func rejectsMissingRequiredParameters() {
        #expect(throws: AuthHeaderError.missingParameter("username")) {
            try DigestCredentials.parse(#"Digest realm="r", nonce="n", uri="u", response="0""#)
        }
        #expect(throws: AuthHeaderError.missingParameter("uri")) {
            try DigestCredentials.parse(#"Digest username="a", realm="r", nonce="n", response="0""#)
        }
        #expect(throws: AuthHeaderError.missingParameter("response")) {
            try DigestCredentials.parse(#"Digest username="a", realm="r", nonce="n", uri="u""#)
        }
    }

    @Test func rejectsInvalidNonceCountAndQoP() {
        #expect(throws: AuthHeaderError.invalidParameter(name: "nc", value: "xyz", reason: "expected 8 hex digits")) {
            try DigestCredentials.parse(#"Digest username="a", realm="r", nonce="n", uri="u", response="0", nc=xyz"#)
        }
        #expect(throws: AuthHeaderError.invalidParameter(name: "nc", value: "000000001", reason: "expected 8 hex digits")) {
            try DigestCredentials.parse(#"Digest username="a", realm="r", nonce="n", uri="u", response="0", nc=000000001"#)
        }
        #expect(throws: AuthHeaderError.invalidParameter(name: "qop", value: "auth-conf", reason: "expected auth or auth-int")) {
            try DigestCredentials.parse(#"Digest username="a", realm="r", nonce="n", uri="u", response="0", qop=auth-conf"#)
        }
    }

    /// RFC 7616 §3.4: algorithm, qop and nc are tokens; the rest are quoted-strings.
    @Test func headerValueQuotesExactlyTheRFCFields() {
        let credentials = DigestCredentials(
            username: "bob", realm: "biloxi.com", nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            uri: "sip:bob@biloxi.com", response: "89eb0059246c02b2f6ee02c7961d5ea3", algorithm: .named("MD5"),
            cnonce: "0a4f113b", opaque: "5ccc069c403ebaf9f0171e9517f40e41", qop: .auth, nonceCount: .first)
        #expect(credentials.headerValue
            == #"Digest username="bob", realm="biloxi.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", "#
            + #"uri="sip:bob@biloxi.com", response="89eb0059246c02b2f6ee02c7961d5ea3", algorithm=MD5, "#
            + #"cnonce="0a4f113b", opaque="5ccc069c403ebaf9f0171e9517f40e41", qop=auth, nc=00000001"#)
    }

    @Test func headerValueEscapesQuotesAndBackslashesAndRoundTrips() throws {
        let credentials = DigestCredentials(
            username: #"a"b\c"#, realm: #"r\"#, nonce: "n", uri: "sip:x@y;transport=udp", response: "ab",
            algorithm: .named("SHA-256-sess"), cnonce: #"c""#, opaque: "", qop: .authInt, nonceCount: NonceCount(0x1f),
            userhash: true, extensions: [AuthParameter(name: "x", value: "a b", isQuoted: false)])
        let value = credentials.headerValue
        #expect(value.hasPrefix(#"Digest username="a\"b\\c", realm="r\\", nonce="n""#))
        #expect(value.hasSuffix(#"qop=auth-int, nc=0000001f, userhash=true, x="a b""#))
        var expected = credentials
        expected.extensions[0].isQuoted = true  // a value with a space can only be written quoted
        #expect(try DigestCredentials.parse(value) == expected)
    }
}
