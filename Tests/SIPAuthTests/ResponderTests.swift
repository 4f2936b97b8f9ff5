import SIPAuth
import Testing

/// Answering challenges (RFC 3261 §22.2, RFC 7616 §3.4): what goes into the header and why.
@Suite struct ResponderTests {
    let bob = UserCredentials(username: "bob", password: "zanzibar")
    let invite = DigestRequest(method: "INVITE", uri: "sip:bob@biloxi.com")

    func answer(
        _ header: String, user: UserCredentials? = nil, request: DigestRequest? = nil,
        preference: QoPPreference = .auth
    ) throws -> DigestCredentials {
        try DigestResponder.credentials(
            answering: DigestChallenge.parse(header), user: user ?? bob, request: request ?? invite,
            nonceCount: .first, cnonce: "0a4f113b", preference: preference)
    }

    @Test func algorithmIsEchoedExactlyAsChallenged() throws {
        #expect(try answer(#"Digest realm="biloxi.com", nonce="n", algorithm=md5, qop="auth""#).algorithm == .named("md5"))
        #expect(try answer(#"Digest realm="biloxi.com", nonce="n", algorithm=md5, qop="auth""#).headerValue.contains(", algorithm=md5,"))
        let absent = try answer(#"Digest realm="biloxi.com", nonce="n", qop="auth""#)
        #expect(absent.algorithm == .absent)
        #expect(!absent.headerValue.contains("algorithm"))
    }

    @Test func opaqueIsEchoedAndOmittedWhenAbsent() throws {
        #expect(try answer(#"Digest realm="biloxi.com", nonce="n", opaque="o\"p""#).headerValue.contains(#"opaque="o\"p""#))
        #expect(!(try answer(#"Digest realm="biloxi.com", nonce="n""#).headerValue.contains("opaque")))
    }

    @Test func withoutQoPNoCnonceOrNonceCountIsSent() throws {
        let credentials = try answer(#"Digest realm="biloxi.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093""#)
        #expect(credentials.qop == nil && credentials.cnonce == nil && credentials.nonceCount == nil)
        #expect(credentials.response == "bf57e4e0d0bffc0fbaedce64d59add5e")  // draft-smith §3.1
        for name in ["qop=", "nc=", "cnonce="] { #expect(!credentials.headerValue.contains(name)) }
    }

    @Test func qopPreferenceDecidesBetweenAuthAndAuthInt() throws {
        let both = #"Digest realm="biloxi.com", nonce="n", qop="auth-int,auth""#
        #expect(try answer(both).qop == .auth)
        #expect(try answer(both, preference: .authInt).qop == .authInt)
        #expect(try answer(#"Digest realm="biloxi.com", nonce="n", qop="auth-int""#).qop == .authInt)
        #expect(try answer(#"Digest realm="biloxi.com", nonce="n", qop="auth""#, preference: .authInt).qop == .auth)
    }

    @Test func authIntHashesTheBody() throws {
        let body = Array("v=0\r\no=bob 2890844527 2890844527 IN IP4 client.biloxi.com\r\n".utf8)
        let header = #"Digest realm="biloxi.com", nonce="n", qop="auth-int""#
        let credentials = try answer(header, request: DigestRequest(method: "INVITE", uri: "sip:bob@biloxi.com", body: body))
        let ha1 = try DigestCalculator.ha1(username: "bob", realm: "biloxi.com", password: "zanzibar", hash: .md5)
        let ha2 = try DigestCalculator.ha2(
            method: "INVITE", uri: "sip:bob@biloxi.com", entityBodyHash: DigestHash.md5.hex(of: body), hash: .md5)
        #expect(credentials.response == (try DigestCalculator.response(
            key: ha1, nonce: "n", nonceCount: .first, cnonce: "0a4f113b", qop: .authInt, ha2: ha2)))
        #expect(credentials.response != (try answer(header)).response)  // empty body differs
    }

    @Test func userhashReplacesTheUsername() throws {
        let credentials = try answer(#"Digest realm="biloxi.com", nonce="n", qop="auth", algorithm=SHA-256, userhash=true"#)
        #expect(credentials.username == (try DigestCalculator.userhash(username: "bob", realm: "biloxi.com", hash: .sha256)))
        #expect(credentials.userhash)
        #expect(credentials.headerValue.hasSuffix("userhash=true"))
        #expect(try DigestVerifier.verify(DigestCredentials.parse(credentials.headerValue), user: bob, method: "INVITE") == .valid)
    }

    @Test func precomputedHA1GivesTheSameAnswerAsThePassword() throws {
        let header = #"Digest realm="biloxi.com", nonce="n", qop="auth", algorithm=MD5-sess"#
        let stored = try HA1(hex: "12AF60467A33E8518DA5C68BBFF12B11", hash: .md5)
        let viaHA1 = try answer(header, user: UserCredentials(username: "bob", secret: .ha1(stored)))
        #expect(viaHA1 == (try answer(header)))
    }

    @Test func precomputedHA1MustFitTheChallenge() throws {
        let stored = try HA1(hex: "12af60467a33e8518da5c68bbff12b11", hash: .md5)
        #expect(throws: DigestError.ha1HashMismatch(provided: .md5, required: .sha256)) {
            try answer(#"Digest realm="biloxi.com", nonce="n", algorithm=SHA-256"#, user: UserCredentials(username: "bob", secret: .ha1(stored)))
        }
        #expect(throws: DigestError.invalidHA1(hash: .sha256)) { try HA1(hex: "12af60467a33e8518da5c68bbff12b11", hash: .sha256) }
        #expect(throws: DigestError.invalidHA1(hash: .md5)) { try HA1(hex: "zzaf60467a33e8518da5c68bbff12b11", hash: .md5) }
    }

    @Test func realmRestrictionRefusesForeignRealms() {
        let user = UserCredentials(username: "bob", password: "zanzibar", realm: "biloxi.com")
        #expect(throws: DigestError.realmMismatch(expected: "biloxi.com", challenged: "evil.example")) {
            try answer(#"Digest realm="evil.example", nonce="n""#, user: user)
        }
    }

    @Test func unanswerableChallengesThrow() {
        #expect(throws: DigestError.sessionAlgorithmWithoutQoP("MD5-sess")) {
            try answer(#"Digest realm="biloxi.com", nonce="n", algorithm=MD5-sess"#)
        }
        #expect(throws: DigestError.unsupportedAlgorithm("AKAv1-MD5")) {
            try answer(#"Digest realm="biloxi.com", nonce="n", algorithm=AKAv1-MD5"#)
        }
    }

    @Test func valuesThatWouldBreakTheHeaderAreRefused() {
        #expect(throws: DigestError.invalidValue(field: "username", reason: "contains a control character")) {
            try answer(#"Digest realm="biloxi.com", nonce="n""#, user: UserCredentials(username: "bob\r\nVia: x", password: "p"))
        }
        #expect(throws: DigestError.invalidValue(field: "uri", reason: "contains a control character")) {
            try answer(#"Digest realm="biloxi.com", nonce="n""#, request: DigestRequest(method: "INVITE", uri: "sip:a\nb"))
        }
        #expect(throws: DigestError.invalidValue(field: "method", reason: "not a token")) {
            try answer(#"Digest realm="biloxi.com", nonce="n""#, request: DigestRequest(method: "IN VITE", uri: "sip:a"))
        }
    }

    @Test func cnonceComesFromTheRandomSource() throws {
        #expect(try FixedRandom(start: 0xf0).cnonce() == "f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff")
        #expect(try FixedRandom().cnonce(byteCount: 4).count == 32)  // never fewer than 16 bytes
        #expect(try FixedRandom().cnonce(byteCount: 20).count == 40)
        #expect(throws: DigestError.randomSourceFailed) { try ShortRandom().cnonce() }
        let system = SystemRandomSource()
        let first = try system.cnonce()
        #expect(first.count == 32 && first.allSatisfy(\.isHexDigit))
        #expect(first != (try system.cnonce()))
    }
}
