import SIPAuth
import Testing

/// Malformed values are rejected with an error that says what and where (STYLE.md: typed
/// errors with context); offsets are UTF-8 byte offsets into the header value.
@Suite struct MalformedHeaderTests {
    @Test func unterminatedQuoteNamesTheParameterAndWhereItOpened() throws {
        let value = #"Digest realm="x", nonce="abc"#
        #expect(throws: AuthHeaderError.unterminatedQuotedString(parameter: "nonce", offset: 24)) {
            try DigestChallenge.parse(value)
        }
        let error = try #require(throws: AuthHeaderError.self) { try DigestChallenge.parse(value) }
        #expect(error.description.contains("\"nonce\"") && error.description.contains("byte 24"))
    }

    @Test func trailingBackslashIsUnterminated() {
        #expect(throws: AuthHeaderError.unterminatedQuotedString(parameter: "realm", offset: 13)) {
            try DigestChallenge.parse(#"Digest realm="x\"#)
        }
    }

    @Test func missingRealmOrNonce() {
        #expect(throws: AuthHeaderError.missingParameter("realm")) { try DigestChallenge.parse(#"Digest nonce="n""#) }
        #expect(throws: AuthHeaderError.missingParameter("nonce")) { try DigestChallenge.parse(#"Digest realm="r""#) }
        #expect(throws: AuthHeaderError.missingParameter("realm")) { try DigestChallenge.parse("Digest") }
    }

    @Test func otherSchemesAreReportedAsUnsupported() {
        #expect(throws: AuthHeaderError.unsupportedScheme("Basic")) { try DigestChallenge.parse(#"Basic realm="WallyWorld""#) }
        #expect(throws: AuthHeaderError.unsupportedScheme("Bearer")) { try DigestCredentials.parse("Bearer abc.def") }
        #expect(AuthHeaderError.unsupportedScheme("Basic").description.contains("Basic"))
    }

    @Test func emptyValues() {
        #expect(throws: AuthHeaderError.empty) { try DigestChallenge.parse("") }
        #expect(throws: AuthHeaderError.empty) { try DigestChallenge.parse("  , ,\t") }
    }

    @Test func duplicateParameterIsRejected() {
        #expect(throws: AuthHeaderError.duplicateParameter("NONCE", offset: 29)) {
            try DigestChallenge.parse(#"Digest realm="r", nonce="n", NONCE="m""#)
        }
    }

    @Test func missingCommaBetweenParameters() {
        #expect(throws: AuthHeaderError.unexpectedCharacter(found: "\"n\"", offset: 17, expected: "\",\" between parameters")) {
            try DigestChallenge.parse(#"Digest realm="r" nonce="n""#)
        }
    }

    @Test func missingEqualsAndMissingValue() {
        #expect(throws: AuthHeaderError.unexpectedCharacter(found: "\"\"\"", offset: 13, expected: "\"=\" after realm")) {
            try DigestChallenge.parse(#"Digest realm "r", nonce="n""#)
        }
        #expect(throws: AuthHeaderError.unexpectedCharacter(found: "\",\"", offset: 13, expected: "a token or quoted-string for realm")) {
            try DigestChallenge.parse(#"Digest realm=, nonce="n""#)
        }
    }

    @Test func schemeMustBeFollowedByWhitespace() {
        #expect(throws: AuthHeaderError.unexpectedCharacter(found: "\"=\"", offset: 6, expected: "whitespace after the scheme")) {
            try DigestChallenge.parse(#"Digest="r""#)
        }
    }

    @Test func controlCharactersInsideQuotesAreRejected() {
        // A bare CR or LF not followed by whitespace is not a line fold: it would end the header.
        #expect(throws: AuthHeaderError.controlCharacter(parameter: "realm", offset: 15)) {
            try DigestChallenge.parse("Digest realm=\"a\r\nX-Injected: 1\", nonce=\"n\"")
        }
        #expect(throws: AuthHeaderError.controlCharacter(parameter: "nonce", offset: 27)) {
            try DigestChallenge.parse("Digest realm=\"r\", nonce=\"a\\\u{0}\"")
        }
    }

    @Test func singleValueParsersRejectSeveralSchemes() {
        #expect(throws: AuthHeaderError.multipleSchemes(["Digest", "Basic"])) {
            try DigestChallenge.parse(#"Digest realm="r", nonce="n", Basic realm="b""#)
        }
    }

    @Test func digestWithToken68IsRejected() {
        #expect(throws: AuthHeaderError.invalidParameter(name: "token68", value: "abc==", reason: "Digest takes auth-params")) {
            try DigestChallenge.parse("Digest abc==")
        }
    }

    /// Truncation at every point never traps, and a cut inside a quoted-string is always
    /// reported as unterminated (a cheap stand-in for the fuzz target until one exists).
    @Test func everyTruncationIsHandled() throws {
        let value = #"Digest username="J\"äsøn", realm="r", nonce="n", uri="sip:a", response="0", qop=auth, nc=00000001, cnonce="c""#
        var insideQuotes = false
        var escaped = false
        var prefix = ""
        for character in value {
            prefix.append(character)
            if escaped { escaped = false } else if character == "\\" && insideQuotes { escaped = true } else if character == "\"" { insideQuotes.toggle() }
            let result = Result { () throws(AuthHeaderError) in try DigestCredentials.parse(prefix) }
            if insideQuotes || escaped {
                var isUnterminated = false
                if case .failure(.unterminatedQuotedString) = result { isUnterminated = true }
                #expect(isUnterminated, "prefix \(prefix) gave \(result)")
            }
        }
        #expect(try DigestCredentials.parse(value).username == "J\"äsøn")
    }
}
