import SIPAuth
import Testing

/// Passwords and HA1 never appear in descriptions, debug descriptions, reflection or dumps
/// (STYLE.md; RFC 7616 §5.12: HA1 is password-equivalent within its realm).
@Suite struct RedactionTests {
    let password = "s3cret-Pa55word"

    /// Every textual rendering Swift offers for a value.
    func renderings(_ value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), "\(value)", dumped]
    }

    @Test func userCredentialsWithPasswordHideIt() {
        let user = UserCredentials(username: "alice", password: password, realm: "atlanta.com")
        for text in renderings(user) + renderings(user.secret) + renderings([user]) + renderings(Optional(user) as Any) {
            #expect(!text.contains(password), "leaked in: \(text)")
        }
        #expect(user.description.contains("alice") && user.description.contains("<redacted>"))
    }

    @Test func ha1IsHiddenWhetherStoredOrComputed() throws {
        let computed = try DigestCalculator.ha1(username: "alice", realm: "atlanta.com", password: password, hash: .sha256)
        let stored = UserCredentials(username: "alice", secret: .ha1(computed))
        let session = try DigestCalculator.sessionHA1(computed, nonce: "n", cnonce: "c")
        for value in [computed, session] as [Any] + [stored, stored.secret] as [Any] {
            for text in renderings(value) {
                #expect(!text.contains(computed.hex) && !text.contains(session.hex), "leaked in: \(text)")
            }
        }
        #expect(computed.description == "HA1(SHA-256, <redacted>)")
    }

    @Test func errorsCarryNoSecret() throws {
        let stored = try HA1(hex: "12af60467a33e8518da5c68bbff12b11", hash: .md5)
        let user = UserCredentials(username: "bob", secret: .ha1(stored), realm: "biloxi.com")
        let challenge = DigestChallenge(realm: "biloxi.com", nonce: "n", algorithm: .named("SHA-256"))
        let error = try #require(throws: DigestError.self) {
            try DigestResponder.credentials(
                answering: challenge, user: user, request: DigestRequest(method: "INVITE", uri: "sip:b"),
                nonceCount: .first, cnonce: "c")
        }
        for text in renderings(error) { #expect(!text.contains(stored.hex)) }
    }
}
