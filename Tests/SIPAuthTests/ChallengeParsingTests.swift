import SIPAuth
import Testing

/// `WWW-Authenticate` / `Proxy-Authenticate` values (RFC 7235 §2.1 grammar, RFC 3261 §25.1,
/// RFC 7616 §3.3 parameters).
@Suite struct ChallengeParsingTests {
    @Test func readsEveryDigestParameter() throws {
        let challenge = try DigestChallenge.parse(
            #"Digest realm="atlanta.com", domain="sip:ss1.carrier.com sip:ss2.carrier.com", qop="auth,auth-int", "#
                + #"nonce="f84f1cec41e6cbe5aea9c8e88d359", opaque="", stale=TRUE, algorithm=SHA-256-sess, "#
                + #"userhash=true, charset=UTF-8"#)
        #expect(challenge.realm == "atlanta.com")
        #expect(challenge.nonce == "f84f1cec41e6cbe5aea9c8e88d359")
        #expect(challenge.opaque == "")
        #expect(challenge.stale)
        #expect(challenge.algorithm == .named("SHA-256-sess"))
        #expect(challenge.algorithm.algorithm == DigestAlgorithm(hash: .sha256, isSession: true))
        #expect(challenge.qopOptions == [.auth, .authInt])
        #expect(challenge.domain == ["sip:ss1.carrier.com", "sip:ss2.carrier.com"])
        #expect(challenge.userhash)
        #expect(challenge.charset == "UTF-8")
        #expect(challenge.extensions.isEmpty)
    }

    @Test func defaultsWhenOptionalParametersAreAbsent() throws {
        let challenge = try DigestChallenge.parse(#"Digest realm="r", nonce="n""#)
        #expect(challenge.algorithm == .absent)
        #expect(challenge.algorithm.algorithm == .md5)
        #expect(challenge.qopOptions == nil)
        #expect(challenge.opaque == nil)
        #expect(!challenge.stale)
        #expect(!challenge.userhash)
        #expect(challenge.domain.isEmpty)
    }

    @Test func schemeAndParameterNamesAreCaseInsensitive() throws {
        let challenge = try DigestChallenge.parse(#"dIGEST REALM="r", Nonce="n", QOP="AUTH", Algorithm=md5-SESS, STALE=True"#)
        #expect(challenge.realm == "r")
        #expect(challenge.nonce == "n")
        #expect(challenge.qopOptions == [.auth])
        #expect(challenge.algorithm == .named("md5-SESS"))
        #expect(challenge.algorithm.algorithm == DigestAlgorithm(hash: .md5, isSession: true))
        #expect(challenge.stale)
    }

    @Test func quotedPairsAreUnescaped() throws {
        let challenge = try DigestChallenge.parse(#"Digest realm="say \"hi\" \\ to \me", nonce="a,b=c""#)
        #expect(challenge.realm == #"say "hi" \ to me"#)
        #expect(challenge.nonce == "a,b=c")
    }

    @Test func extraWhitespaceEmptyListElementsAndFoldsAreTolerated() throws {
        let challenge = try DigestChallenge.parse(
            "  Digest \t realm = \"r\" ,,  nonce=\"n\"\r\n\t, algorithm = SHA-256 ,\r\n qop=\"auth ,\r\n auth-int\" , ")
        #expect(challenge.realm == "r")
        #expect(challenge.nonce == "n")
        #expect(challenge.algorithm == .named("SHA-256"))
        #expect(challenge.qopOptions == [.auth, .authInt])
    }

    @Test func unquotedValuesMayCarryURICharacters() throws {
        let challenge = try DigestChallenge.parse("Digest realm=example.com, nonce=abc/def+ghi==, domain=sip:example.com")
        #expect(challenge.realm == "example.com")
        #expect(challenge.nonce == "abc/def+ghi==")
        #expect(challenge.domain == ["sip:example.com"])
    }

    @Test func unknownParametersAreKeptInOrder() throws {
        let challenge = try DigestChallenge.parse(#"Digest realm="r", x-vendor="a \"b\"", nonce="n", flag=on"#)
        #expect(challenge.extensions == [
            AuthParameter(name: "x-vendor", value: #"a "b""#, isQuoted: true),
            AuthParameter(name: "flag", value: "on", isQuoted: false),
        ])
    }

    @Test func unknownQoPValuesAreDroppedAndOnlyUnknownMeansUnanswerable() throws {
        let mixed = try DigestChallenge.parse(#"Digest realm="r", nonce="n", qop="auth-conf,auth""#)
        #expect(mixed.qopOptions == [.auth])
        let unknown = try DigestChallenge.parse(#"Digest realm="r", nonce="n", qop="auth-conf""#)
        #expect(unknown.qopOptions == [])
        #expect(throws: DigestError.unsupportedQoP) { try DigestPlan(challenge: unknown, preference: .auth) }
    }

    @Test func unknownAlgorithmParsesButCannotBeAnswered() throws {
        let challenge = try DigestChallenge.parse(#"Digest realm="r", nonce="n", algorithm=SHA-1"#)
        #expect(challenge.algorithm == .named("SHA-1"))
        #expect(challenge.algorithm.algorithm == nil)
        #expect(throws: DigestError.unsupportedAlgorithm("SHA-1")) {
            try DigestPlan(challenge: challenge, preference: .auth)
        }
    }

    @Test func listOfChallengesSplitsAtEachScheme() throws {
        let fields = try AuthField.parseList(
            #"Basic realm="simple", Digest realm="r", nonce="n", algorithm=MD5, Bearer dG9rZW4=, Newauth"#)
        #expect(fields.map(\.scheme) == ["Basic", "Digest", "Bearer", "Newauth"])
        #expect(fields[0].parameters == [AuthParameter(name: "realm", value: "simple", isQuoted: true)])
        #expect(fields[1].parameters.map(\.name) == ["realm", "nonce", "algorithm"])
        #expect(fields[2].token68 == "dG9rZW4=")
        #expect(fields[3].parameters.isEmpty && fields[3].token68 == nil)
    }

    @Test func headerValueRoundTrips() throws {
        let challenge = DigestChallenge(
            realm: #"a "quoted" \ realm"#, nonce: "n0nce", opaque: "op", stale: true,
            algorithm: .named("SHA-512-256-sess"), qopOptions: [.auth, .authInt],
            domain: ["sip:a.example", "sip:b.example"], userhash: true, charset: "UTF-8",
            extensions: [AuthParameter(name: "x", value: "1", isQuoted: false), AuthParameter(name: "y", value: "two words", isQuoted: true)])
        #expect(try DigestChallenge.parse(challenge.headerValue) == challenge)
        #expect(challenge.headerValue.hasPrefix(#"Digest realm="a \"quoted\" \\ realm", nonce="n0nce""#))
        #expect(challenge.headerValue.contains(#"qop="auth,auth-int""#))
        #expect(challenge.headerValue.contains("algorithm=SHA-512-256-sess,"))
    }
}
