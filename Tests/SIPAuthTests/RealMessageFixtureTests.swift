import SIPAuth
import TestSupport
import Testing

/// Challenges and credentials from captured SIP traffic (Tests/Fixtures/sip-real, see SOURCES.md).
/// The header is found with a plain line search: the SIP parser lives in another module.
@Suite struct RealMessageFixtureTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var header: String
        var realm: String
        var nonce: String
        var opaque: String?
        var domain: [String] = []
        var testDescription: String { file }
    }

    static let challenges: [Expected] = [
        Expected(file: "register_401_www_authenticate.sip", header: "WWW-Authenticate", realm: "sip.cybercity.dk",
                 nonce: "1701af566be182070084c6f740706bb", opaque: "1701a1351f70795"),
        Expected(file: "register_401_asterisk11.sip", header: "WWW-Authenticate", realm: "asterisk", nonce: "173a1499"),
        Expected(file: "register_401_huawei_softx3000.sip", header: "WWW-Authenticate", realm: "Huawei",
                 nonce: "18c8db501108b585bab3243e2a09509d", domain: ["sip:Huawei.com"]),
        Expected(file: "invite_407_proxy_authenticate_cirpack.sip", header: "Proxy-Authenticate", realm: "sip.cybercity.dk",
                 nonce: "1701b4767d49c41117c7b73a255a353", opaque: "1701a1351f70795"),
        Expected(file: "register_401_nonce_changed.sip", header: "WWW-Authenticate", realm: "sip.cybercity.dk",
                 nonce: "1701b061158742446d3de8b80d645f3", opaque: "1701a1351f70795"),
    ]

    @Test(arguments: challenges)
    func challengeParses(_ expected: Expected) throws {
        let value = try #require(try headerValue(expected.header, in: expected.file))
        let challenge = try DigestChallenge.parse(value)
        #expect(challenge.realm == expected.realm)
        #expect(challenge.nonce == expected.nonce)
        #expect(challenge.opaque == expected.opaque)
        #expect(challenge.domain == expected.domain)
        #expect(challenge.algorithm == .named("MD5"))
        #expect(challenge.qopOptions == nil)  // these servers all use the RFC 2069 form
        #expect(!challenge.stale)
        // And it can be answered and the answer verified.
        let user = UserCredentials(username: "voi18063", password: "secret")
        let credentials = try DigestResponder.credentials(
            answering: challenge, user: user, request: DigestRequest(method: "REGISTER", uri: "sip:\(expected.realm)"),
            nonceCount: .first, cnonce: "unused")
        #expect(credentials.opaque == expected.opaque && credentials.algorithm == .named("MD5"))
        #expect(try DigestVerifier.verify(DigestCredentials.parse(credentials.headerValue), user: user, method: "REGISTER") == .valid)
    }

    /// nc is quoted and sent without qop or cnonce; the digest-uri differs from the Request-URI.
    @Test func authorizationWithQuotedNonceCount() throws {
        let value = try #require(try headerValue("Authorization", in: "register_authorization_nc_quoted.sip"))
        let credentials = try DigestCredentials.parse(value)
        #expect(credentials.username == "voi18063")
        #expect(credentials.realm == "sip.cybercity.dk")
        #expect(credentials.uri == "sip:192.168.1.2")
        #expect(credentials.nonce == "1701af566be182070084c6f740706bb")
        #expect(credentials.opaque == "1701a1351f70795")
        #expect(credentials.nonceCount == .first)
        #expect(credentials.response == "bd79fecae600a2eb79d37ec73214830b")
        #expect(credentials.qop == nil && credentials.cnonce == nil && credentials.algorithm == .absent)
    }

    @Test func proxyAuthorizationFromTheSameDevice() throws {
        let value = try #require(try headerValue("Proxy-Authorization", in: "invite_proxy_authorization_sdp.sip"))
        let credentials = try DigestCredentials.parse(value)
        #expect(credentials.username == "voi18062")
        #expect(credentials.nonce == "1701ba6557c1e1b4223e887e293cfa8")
        #expect(credentials.nonceCount == .first)
    }

    /// Linphone: lower-case `algorithm=md5`, double spaces, qop=auth with cnonce.
    @Test func linphoneAuthorization() throws {
        let value = try #require(try headerValue("Authorization", in: "invite_linphone_hold_inactive_authorization.sip"))
        let credentials = try DigestCredentials.parse(value)
        #expect(credentials.username == "8801")
        #expect(credentials.realm == "asterisk")
        #expect(credentials.nonce == "1566926808/1dd69977dc8e079d5047bee62c887e9f")
        #expect(credentials.algorithm == .named("md5") && credentials.algorithm.algorithm == .md5)
        #expect(credentials.qop == .auth && credentials.cnonce == "JsV1V0p7dvXCgmiJ" && credentials.nonceCount == .first)
        #expect(credentials.uri == "sip:8802@192.168.8.13")
        #expect(credentials.response == "369c6e7b765434b07cdb14d9c962a96f")
    }

    /// The value of the first header line named `name` (case-insensitive), without folding.
    private func headerValue(_ name: String, in file: String) throws -> String? {
        let text = String(decoding: try Fixtures.bytes("sip-real/" + file), as: UTF8.self)
        let prefix = name.lowercased() + ":"
        for line in text.split(separator: "\r\n") where line.lowercased().hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count))
        }
        return nil
    }
}
