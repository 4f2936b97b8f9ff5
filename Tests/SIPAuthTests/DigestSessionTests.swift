import SIPAuth
import Testing

/// nc bookkeeping across requests (RFC 7616 §3.4) and cnonce injection.
@Suite struct DigestSessionTests {
    let user = UserCredentials(username: "bob", password: "zanzibar")
    let register = DigestRequest(method: "REGISTER", uri: "sip:biloxi.com")
    let challenge = DigestChallenge(realm: "biloxi.com", nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093")

    @Test func reusingANonceIncrementsTheCount() throws {
        var session = DigestSession(random: FixedRandom())
        let first = try session.credentials(answering: challenge, user: user, request: register)
        let second = try session.credentials(answering: challenge, user: user, request: register)
        #expect(first.nonceCount?.hex == "00000001")
        #expect(second.nonceCount?.hex == "00000002")
        #expect(second.headerValue.contains("nc=00000002"))
        #expect(first.cnonce == "000102030405060708090a0b0c0d0e0f")
        #expect(session.lastNonceCount(for: challenge) == NonceCount(2))
        for credentials in [first, second] {
            #expect(try DigestVerifier.verify(credentials, user: user, method: "REGISTER") == .valid)
        }
    }

    /// Cross-check with the corpus row `computed-register-nc2`.
    @Test func secondRequestMatchesTheCorpusRow() throws {
        var session = DigestSession()
        _ = try session.nextNonceCount(for: challenge)
        let count = try session.nextNonceCount(for: challenge)
        let credentials = try DigestResponder.credentials(
            answering: DigestChallenge(realm: "biloxi.com", nonce: challenge.nonce, algorithm: .named("MD5")),
            user: user, request: register, nonceCount: count, cnonce: "0a4f113b")
        #expect(credentials.response == "bef6c26ce562c084baeb1c500569a239")
    }

    @Test func aNewNonceStartsAgainAtOne() throws {
        var session = DigestSession(random: FixedRandom())
        _ = try session.nextNonceCount(for: challenge)
        _ = try session.nextNonceCount(for: challenge)
        var renewed = challenge
        renewed.nonce = "fresh"
        session.receive(renewed)
        #expect(try session.nextNonceCount(for: renewed) == .first)
        #expect(try session.nextNonceCount(for: challenge) == NonceCount(3))  // the old nonce keeps its own count
    }

    @Test func staleChallengeResetsTheCountEvenForTheSameNonce() throws {
        var session = DigestSession(random: FixedRandom())
        _ = try session.nextNonceCount(for: challenge)
        _ = try session.nextNonceCount(for: challenge)
        var stale = challenge
        stale.stale = true
        session.receive(stale)
        #expect(session.lastNonceCount(for: challenge) == nil)
        #expect(try session.nextNonceCount(for: stale) == .first)
        #expect(try session.nextNonceCount(for: stale) == NonceCount(2))  // reuse of the stored challenge counts on
    }

    @Test func aRepeatedChallengeWithoutStaleKeepsCounting() throws {
        var session = DigestSession(random: FixedRandom())
        _ = try session.nextNonceCount(for: challenge)
        session.receive(challenge)
        #expect(try session.nextNonceCount(for: challenge) == NonceCount(2))
    }

    @Test func withoutQoPNothingIsConsumed() throws {
        var session = DigestSession(random: FailingRandom())
        var legacy = challenge
        legacy.qopOptions = nil
        let credentials = try session.credentials(answering: legacy, user: user, request: register)
        #expect(credentials.nonceCount == nil && credentials.cnonce == nil)
        #expect(session.lastNonceCount(for: legacy) == nil)
        #expect(throws: DigestError.randomSourceFailed) {
            try session.credentials(answering: challenge, user: user, request: register)
        }
    }

    @Test func preferenceIsApplied() throws {
        var session = DigestSession(random: FixedRandom(), preference: .authInt)
        var both = challenge
        both.qopOptions = [.auth, .authInt]
        #expect(try session.credentials(answering: both, user: user, request: register).qop == .authInt)
    }

    @Test func leastRecentlyUsedNonceIsForgottenPastCapacity() throws {
        var session = DigestSession(random: FixedRandom())
        let challenges = (0...16).map { DigestChallenge(realm: "r", nonce: "nonce-\($0)") }
        for challenge in challenges { _ = try session.nextNonceCount(for: challenge) }
        #expect(session.lastNonceCount(for: challenges[0]) == nil)
        #expect(session.lastNonceCount(for: challenges[1]) == .first)
        #expect(session.lastNonceCount(for: challenges[16]) == .first)
    }

    @Test func nonceCountFormatsAndParses() throws {
        #expect(NonceCount.first.hex == "00000001")
        #expect(try NonceCount.first.next().hex == "00000002")
        #expect(NonceCount(0xabcdef12).hex == "abcdef12")
        #expect(NonceCount(hex: "0000000F") == NonceCount(15))
        #expect(NonceCount(hex: "1") == NonceCount(1))
        #expect(NonceCount(hex: "") == nil && NonceCount(hex: "+0000001") == nil && NonceCount(hex: "123456789") == nil)
        #expect(throws: DigestError.nonceCountExhausted) { try NonceCount(.max).next() }
    }
}
