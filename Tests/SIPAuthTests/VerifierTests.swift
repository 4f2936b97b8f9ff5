import SIPAuth
import Testing

/// The registrar side: credentials checked against the user's secret (RFC 3261 §22.4).
@Suite struct VerifierTests {
    let bob = UserCredentials(username: "bob", password: "zanzibar")
    let body = Array("v=0\r\n".utf8)

    /// Credentials as a client sends them, read back from the header value.
    func sent(_ challengeHeader: String, method: String = "INVITE", body: [UInt8] = []) throws -> DigestCredentials {
        let credentials = try DigestResponder.credentials(
            answering: DigestChallenge.parse(challengeHeader), user: bob,
            request: DigestRequest(method: method, uri: "sip:bob@biloxi.com", body: body),
            nonceCount: NonceCount(7), cnonce: "c")
        return try DigestCredentials.parse(credentials.headerValue)
    }

    @Test(arguments: ["MD5", "MD5-sess", "SHA-256", "SHA-256-sess", "SHA-512-256", "SHA-512-256-sess"], ["auth", "auth-int"])
    func everyAlgorithmAndQoPVerifies(algorithm: String, qop: String) throws {
        let credentials = try sent(#"Digest realm="biloxi.com", nonce="n", algorithm=\#(algorithm), qop="\#(qop)""#, body: body)
        #expect(try DigestVerifier.verify(credentials, user: bob, method: "INVITE", body: body) == .valid)
        #expect(credentials.response.count == (algorithm.hasPrefix("MD5") ? 32 : 64))
    }

    @Test func legacyFormVerifies() throws {
        let credentials = try sent(#"Digest realm="biloxi.com", nonce="n""#)
        #expect(try DigestVerifier.verify(credentials, user: bob, method: "INVITE") == .valid)
    }

    @Test func wrongPasswordMethodOrBodyIsAMismatch() throws {
        let credentials = try sent(#"Digest realm="biloxi.com", nonce="n", qop="auth-int""#, body: body)
        let wrongPassword = UserCredentials(username: "bob", password: "Zanzibar")
        #expect(try DigestVerifier.verify(credentials, user: wrongPassword, method: "INVITE", body: body) == .responseMismatch)
        #expect(try DigestVerifier.verify(credentials, user: bob, method: "BYE", body: body) == .responseMismatch)
        #expect(try DigestVerifier.verify(credentials, user: bob, method: "INVITE", body: body + [0x20]) == .responseMismatch)
    }

    @Test func tamperedParametersAreAMismatch() throws {
        let genuine = try sent(#"Digest realm="biloxi.com", nonce="n", qop="auth""#)
        var replayed = genuine
        replayed.nonceCount = NonceCount(8)
        #expect(try DigestVerifier.verify(replayed, user: bob, method: "INVITE") == .responseMismatch)
        var otherURI = genuine
        otherURI.uri = "sip:alice@biloxi.com"
        #expect(try DigestVerifier.verify(otherURI, user: bob, method: "INVITE") == .responseMismatch)
        var upper = genuine
        upper.response = genuine.response.uppercased()  // hex case is not significant
        #expect(try DigestVerifier.verify(upper, user: bob, method: "INVITE") == .valid)
    }

    @Test func usernameAndRealmAreChecked() throws {
        let credentials = try sent(#"Digest realm="biloxi.com", nonce="n", qop="auth""#)
        #expect(try DigestVerifier.verify(credentials, user: UserCredentials(username: "alice", password: "zanzibar"), method: "INVITE") == .usernameMismatch)
        let scoped = UserCredentials(username: "bob", password: "zanzibar", realm: "atlanta.com")
        #expect(try DigestVerifier.verify(credentials, user: scoped, method: "INVITE") == .realmMismatch)
    }

    @Test func verifiesWithStoredHA1() throws {
        let credentials = try sent(#"Digest realm="biloxi.com", nonce="n", qop="auth", algorithm=SHA-256"#)
        let ha1 = try DigestCalculator.ha1(username: "bob", realm: "biloxi.com", password: "zanzibar", hash: .sha256)
        let stored = UserCredentials(username: "bob", secret: .ha1(ha1))
        #expect(try DigestVerifier.verify(credentials, user: stored, method: "INVITE") == .valid)
    }

    @Test func incompleteCredentialsThrow() throws {
        let credentials = try sent(#"Digest realm="biloxi.com", nonce="n", qop="auth""#)
        var noCnonce = credentials
        noCnonce.cnonce = nil
        #expect(throws: DigestError.missingParameter("cnonce")) { try DigestVerifier.verify(noCnonce, user: bob, method: "INVITE") }
        var noCount = credentials
        noCount.nonceCount = nil
        #expect(throws: DigestError.missingParameter("nc")) { try DigestVerifier.verify(noCount, user: bob, method: "INVITE") }
        var unknown = credentials
        unknown.algorithm = .named("SHA-1")
        #expect(throws: DigestError.unsupportedAlgorithm("SHA-1")) { try DigestVerifier.verify(unknown, user: bob, method: "INVITE") }
    }
}
