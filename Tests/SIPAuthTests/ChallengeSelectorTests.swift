import SIPAuth
import Testing

/// Choosing among the challenges of one 401/407 (RFC 3261 §22.3, RFC 7616 §3.7).
@Suite struct ChallengeSelectorTests {
    @Test func strongestHashWinsWithinARealm() throws {
        let selection = ChallengeSelector.select(from: [
            #"Digest realm="r", nonce="1", algorithm=MD5, qop="auth""#,
            #"Digest realm="r", nonce="2", algorithm=SHA-512-256, qop="auth""#,
            #"Digest realm="r", nonce="3", algorithm=SHA-256, qop="auth""#,
        ])
        #expect(selection.chosen.map(\.nonce) == ["2"])
        #expect(selection.skipped.isEmpty)
    }

    @Test func sessionVariantsCompeteWithTheirHash() {
        let selection = ChallengeSelector.select(from: [
            #"Digest realm="r", nonce="1", algorithm=MD5, qop="auth""#,
            #"Digest realm="r", nonce="2", algorithm=SHA-256-sess, qop="auth""#,
        ])
        #expect(selection.chosen.map(\.nonce) == ["2"])
    }

    @Test func oneChallengePerRealmInOrderOfAppearance() {
        let selection = ChallengeSelector.select(from: [
            #"Digest realm="proxy.example", nonce="p1", algorithm=MD5"#,
            #"Digest realm="home.example", nonce="h1", algorithm=SHA-256, qop="auth""#,
            #"Digest realm="proxy.example", nonce="p2", algorithm=SHA-256, qop="auth""#,
        ])
        #expect(selection.chosen.map(\.realm) == ["proxy.example", "home.example"])
        #expect(selection.challenge(forRealm: "proxy.example")?.nonce == "p2")
        #expect(selection.challenge(forRealm: "home.example")?.nonce == "h1")
        #expect(selection.challenge(forRealm: "other") == nil)
    }

    @Test func unsupportedAndMalformedChallengesAreSkippedWithAReason() {
        let values = [
            #"Basic realm="r""#,
            #"Digest realm="r", nonce="1", algorithm=SHA-1, qop="auth""#,
            #"Digest realm="r", nonce="2", qop="auth-conf""#,
            #"Digest realm="r", nonce="3"#,
            #"Digest nonce="4""#,
            #"Digest realm="r", nonce="5", algorithm=MD5-sess"#,
            #"Digest realm="r", nonce="6", algorithm=MD5, qop="auth""#,
        ]
        let selection = ChallengeSelector.select(from: values)
        #expect(selection.chosen.map(\.nonce) == ["6"])
        #expect(selection.skipped.map(\.reason) == [
            .unsupportedScheme("Basic"),
            .unusable(.unsupportedAlgorithm("SHA-1")),
            .unusable(.unsupportedQoP),
            .malformed(.unterminatedQuotedString(parameter: "nonce", offset: 24)),
            .malformed(.missingParameter("realm")),
            .unusable(.sessionAlgorithmWithoutQoP("MD5-sess")),
        ])
        #expect(selection.skipped.map(\.headerValue) == Array(values.prefix(6)))
    }

    @Test func qopAuthIsPreferredOverNone() {
        let selection = ChallengeSelector.select(from: [
            #"Digest realm="r", nonce="legacy", algorithm=MD5"#,
            #"Digest realm="r", nonce="qop", algorithm=MD5, qop="auth""#,
        ])
        #expect(selection.chosen.map(\.nonce) == ["qop"])
    }

    @Test func authIntOnlyWhenAuthIsMissingOrWanted() {
        let values = [
            #"Digest realm="r", nonce="int", qop="auth-int""#,
            #"Digest realm="r", nonce="auth", qop="auth""#,
        ]
        #expect(ChallengeSelector.select(from: values).chosen.map(\.nonce) == ["auth"])
        #expect(ChallengeSelector.select(from: values, preference: .authInt).chosen.map(\.nonce) == ["int"])
        #expect(ChallengeSelector.select(from: [values[0], #"Digest realm="r", nonce="none""#]).chosen.map(\.nonce) == ["int"])
    }

    /// Hash strength outranks qop: a SHA-256 challenge without qop beats MD5 with qop.
    @Test func hashStrengthOutranksQoP() {
        let selection = ChallengeSelector.select(from: [
            #"Digest realm="r", nonce="md5", algorithm=MD5, qop="auth""#,
            #"Digest realm="r", nonce="sha", algorithm=SHA-256"#,
        ])
        #expect(selection.chosen.map(\.nonce) == ["sha"])
    }

    @Test func equalRanksKeepTheServersOrder() {
        let selection = ChallengeSelector.select(from: [
            #"Digest realm="r", nonce="first", algorithm=SHA-256, qop="auth""#,
            #"Digest realm="r", nonce="second", algorithm=SHA-256-sess, qop="auth""#,
        ])
        #expect(selection.chosen.map(\.nonce) == ["first"])
    }

    @Test func severalChallengesInOneHeaderValue() {
        let selection = ChallengeSelector.select(from: [
            #"Basic realm="r", Digest realm="r", nonce="a", algorithm=MD5, qop="auth", Digest realm="r", nonce="b", algorithm=SHA-256, qop="auth""#,
            "Basic dXNlcjpwYXNz, Digest realm=\"s\", nonce=\"c\"",
        ])
        #expect(selection.chosen.map(\.nonce) == ["b", "c"])
        #expect(selection.skipped.map(\.reason) == [.unsupportedScheme("Basic"), .unsupportedScheme("Basic")])
    }

    @Test func nothingUsable() {
        let selection = ChallengeSelector.select(from: [#"Basic realm="r""#, ""])
        #expect(selection.chosen.isEmpty)
        #expect(selection.skipped.map(\.reason) == [.unsupportedScheme("Basic"), .malformed(.empty)])
    }
}
