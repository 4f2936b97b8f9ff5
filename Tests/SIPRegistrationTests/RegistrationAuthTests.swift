import SIPAuth
import SIPSyntax
import Testing
import TestSupport
@testable import SIPRegistration

/// RFC 3261 §22, RFC 7616: digest challenges on REGISTER, checked by SIPAuth's verifier acting
/// as the registrar.
struct RegistrationAuthTests {
    @Test func challengeIsAnsweredAndTheAnswerVerifies() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(response(to: first, 401, "Unauthorized", headers: [(.wwwAuthenticate, Bed.challenge("n1"))]))
        #expect(actions.states.isEmpty)  // still registering
        let second = try #require(actions.sent.first)
        #expect(second.cseqNumber == 2)
        #expect(second.headers[.callID] == first.headers[.callID])
        let (verdict, credentials) = verifyDigest(in: second, user: Bed.alice)
        #expect(verdict == .valid)
        #expect(credentials?.uri == "sip:example.com")
        #expect(credentials?.nonce == "n1")
        #expect(credentials?.nonceCount?.hex == "00000001")
        #expect(credentials?.qop == .auth)
        #expect(credentials?.opaque == "op4que")
        let done = machine.responseReceived(Bed.ok(second))
        guard case .registered? = done.states.last else {
            Issue.record("not registered: \(done.states)")
            return
        }
    }

    @Test func refreshReusesTheNonceWithTheNextNonceCount() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let second = try #require(machine.responseReceived(response(to: first, 401, headers: [(.wwwAuthenticate, Bed.challenge("n1"))])).sent.first)
        _ = machine.responseReceived(Bed.ok(second))
        let refresh = try #require(machine.timerFired(.refresh).sent.first)
        let (verdict, credentials) = verifyDigest(in: refresh, user: Bed.alice)
        #expect(verdict == .valid)
        #expect(credentials?.nonce == "n1")
        #expect(credentials?.nonceCount?.hex == "00000002")
        _ = machine.responseReceived(Bed.ok(refresh))
        let again = try #require(machine.timerFired(.refresh).sent.first)
        #expect(verifyDigest(in: again, user: Bed.alice).1?.nonceCount?.hex == "00000003")
    }

    @Test func aNewChallengeOnRefreshIsAnsweredNotTakenAsRejection() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let second = try #require(machine.responseReceived(response(to: first, 401, headers: [(.wwwAuthenticate, Bed.challenge("n1"))])).sent.first)
        _ = machine.responseReceived(Bed.ok(second))
        let refresh = try #require(machine.timerFired(.refresh).sent.first)
        // Asterisk-style: the old nonce is forgotten, a new one comes without stale=true.
        let answer = try #require(machine.responseReceived(response(to: refresh, 401, headers: [(.wwwAuthenticate, Bed.challenge("n2"))])).sent.first)
        let (verdict, credentials) = verifyDigest(in: answer, user: Bed.alice)
        #expect(verdict == .valid)
        #expect(credentials?.nonce == "n2")
        #expect(credentials?.nonceCount?.hex == "00000001")
        #expect(answer.headers.values(.authorization).count == 1)
    }

    @Test func proxyChallengeIsAnsweredWithProxyAuthorization() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(response(to: first, 407, "Proxy Authentication Required",
                                                        headers: [(.proxyAuthenticate, Bed.challenge("p1", realm: "proxy.example.com"))]))
        let second = try #require(actions.sent.first)
        #expect(second.headers[.authorization] == nil)
        #expect(verifyDigest(in: second, header: .proxyAuthorization, user: Bed.alice).0 == .valid)
        // The registrar behind the proxy challenges too: both headers go on the next REGISTER.
        let third = try #require(machine.responseReceived(response(to: second, 401, headers: [(.wwwAuthenticate, Bed.challenge("r1"))])).sent.first)
        #expect(verifyDigest(in: third, header: .proxyAuthorization, user: Bed.alice).0 == .valid)
        #expect(verifyDigest(in: third, header: .authorization, user: Bed.alice).0 == .valid)
    }

    @Test func wrongPasswordIsRejectedCredentialsWithBackoff() throws {
        var machine = Bed.machine { $0.credentials = UserCredentials(username: "alice", password: "wrong") }
        let first = try #require(machine.start().sent.first)
        let second = try #require(machine.responseReceived(response(to: first, 401, headers: [(.wwwAuthenticate, Bed.challenge("n1"))])).sent.first)
        #expect(verifyDigest(in: second, user: Bed.alice).0 == .responseMismatch)
        let actions = machine.responseReceived(response(to: second, 401, headers: [(.wwwAuthenticate, Bed.challenge("n2"))]))
        #expect(actions.sent.isEmpty)
        guard case .failed(.rejectedCredentials(statusCode: 401), let retry?)? = actions.states.last else {
            Issue.record("expected rejectedCredentials with a retry, got \(actions.states)")
            return
        }
        #expect(retry >= .seconds(30) && retry <= .seconds(60))
        #expect(actions.started.first?.0 == .retry)
        #expect(actions.started.first?.1 == retry)
    }

    @Test func staleNonceIsRetriedOnceWithTheNewNonce() throws {
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        let second = try #require(machine.responseReceived(response(to: first, 401, headers: [(.wwwAuthenticate, Bed.challenge("n1"))])).sent.first)
        let third = try #require(machine.responseReceived(response(to: second, 401, headers: [(.wwwAuthenticate, Bed.challenge("n2", stale: true))])).sent.first)
        let (verdict, credentials) = verifyDigest(in: third, user: Bed.alice)
        #expect(verdict == .valid)
        #expect(credentials?.nonce == "n2")
        #expect(credentials?.nonceCount?.hex == "00000001")
        let fourth = machine.responseReceived(response(to: third, 401, headers: [(.wwwAuthenticate, Bed.challenge("n3", stale: true))]))
        #expect(fourth.sent.isEmpty)
        guard case .failed(.rejectedCredentials(401), _)? = fourth.states.last else {
            Issue.record("a second stale in a row must fail, got \(fourth.states)")
            return
        }
    }

    @Test func noCredentialsFailsWithoutRetry() throws {
        var machine = Bed.machine { $0.credentials = nil }
        let first = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(response(to: first, 401, headers: [(.wwwAuthenticate, Bed.challenge("n1"))]))
        #expect(actions.states == [.failed(.noCredentials(statusCode: 401), retryAfter: nil)])
        #expect(actions.started.isEmpty && actions.sent.isEmpty)
    }

    @Test func unsupportedAlgorithmOrSchemeFailsWithoutRetry() throws {
        for header in ["Digest realm=\"example.com\", nonce=\"n\", algorithm=SHA-1024, qop=\"auth\"", "Basic realm=\"example.com\"", ""] {
            var machine = Bed.machine()
            let first = try #require(machine.start().sent.first)
            let actions = machine.responseReceived(response(to: first, 401, headers: header.isEmpty ? [] : [(.wwwAuthenticate, header)]))
            guard case .failed(.unsupportedChallenge, nil)? = actions.states.last else {
                Issue.record("\(header): \(actions.states)")
                continue
            }
            #expect(actions.sent.isEmpty)
        }
    }

    @Test func credentialsForAnotherRealmAreNotSent() throws {
        var machine = Bed.machine { $0.credentials = UserCredentials(username: "alice", password: "secret", realm: "example.com") }
        let first = try #require(machine.start().sent.first)
        let actions = machine.responseReceived(response(to: first, 401, headers: [(.wwwAuthenticate, Bed.challenge("n1", realm: "evil.example"))]))
        #expect(actions.sent.isEmpty)
        guard case .failed(.unsupportedChallenge, nil)? = actions.states.last else {
            Issue.record("\(actions.states)")
            return
        }
    }

    @Test func realChallengeFromAsteriskIsAnswered() throws {
        let bytes = try Fixtures.bytes("sip-real/register_401_asterisk11.sip")
        guard case .response(let asterisk) = try SIPMessageParser.parse(datagram: bytes) else {
            Issue.record("fixture is not a response")
            return
        }
        var machine = Bed.machine()
        let first = try #require(machine.start().sent.first)
        var challenge = response(to: first, 401)
        for value in asterisk.headers.values(.wwwAuthenticate) { challenge.headers.append(.wwwAuthenticate, value) }
        let second = try #require(machine.responseReceived(challenge).sent.first)
        let realm = try DigestChallenge.parse(asterisk.headers[.wwwAuthenticate] ?? "").realm
        #expect(verifyDigest(in: second, user: UserCredentials(username: "alice", password: "secret", realm: realm)).0 == .valid)
    }
}
