import CShim
import SIPAuth
import Testing

/// RFC 7616 §3.9.2 (SHA-512-256, userhash, "Jäsøn Doe") as published is reproduced only by
/// SHA-512 truncated to 256 bits, not by FIPS 180-4 SHA-512/256, which uses its own initial
/// values. Dialtone implements the real SHA-512/256 (RFC 7616 §3.2 cites FIPS 180-4), so this
/// suite asserts exactly that: the published row does NOT match us, the corpus's FIPS row does,
/// and truncated SHA-512 explains the published numbers. Check RFC errata before changing this.
@Suite struct RFC7616SHA512256Tests {
    private let published: DigestVector
    private let fips: DigestVector

    init() throws {
        let rows = try DigestVector.all()
        published = try #require(rows.first { $0.id == "rfc7616-3.9.2-as-published" })
        fips = try #require(rows.first { $0.id == "rfc7616-3.9.2-sha512-256-fips" })
    }

    @Test func bothRowsShareTheRFCInputs() {
        for column in ["username", "realm", "password", "method", "uri", "nonce", "nc", "cnonce", "qop", "algorithm"] {
            #expect(published[column] == fips[column], "column \(column)")
        }
        #expect(published["algorithm"] == "SHA-512-256")
    }

    @Test func publishedValuesDoNotMatchFIPSSHA512256() throws {
        let ours = try compute(published)
        #expect(ours.userhash != published["username_hash"])
        #expect(ours.ha1 != published["ha1"])
        #expect(ours.response != published["expected_response"])
    }

    @Test func fipsRowMatchesOurImplementation() throws {
        let ours = try compute(fips)
        #expect(ours.userhash == fips["username_hash"])
        #expect(ours.ha1 == fips["ha1"])
        #expect(ours.response == fips["expected_response"])
    }

    /// The explanation, checked: SHA-512 cut to 32 bytes yields every published value.
    @Test func publishedValuesAreTruncatedSHA512() throws {
        let user = "\(published["username"]):\(published["realm"])"
        #expect(truncatedSHA512(user) == published["username_hash"])
        let ha1 = truncatedSHA512("\(user):\(published["password"])")
        #expect(ha1 == published["ha1"])
        let ha2 = truncatedSHA512("\(published["method"]):\(published["uri"])")
        let response = truncatedSHA512(
            [ha1, published["nonce"], published["nc"], published["cnonce"], published["qop"], ha2].joined(separator: ":"))
        #expect(response == published["expected_response"])
    }

    /// Our userhash, HA1 and response for a row, via the parsed challenge and the responder.
    private func compute(_ row: DigestVector) throws -> (userhash: String, ha1: String, response: String) {
        let challenge = try DigestChallenge.parse(challengeHeader(for: row))
        #expect(challenge.userhash)
        let user = UserCredentials(username: row["username"], password: row["password"])
        let credentials = try DigestResponder.credentials(
            answering: challenge, user: user, request: DigestRequest(method: row["method"], uri: row["uri"]),
            nonceCount: try #require(NonceCount(hex: row["nc"])), cnonce: row["cnonce"])
        let ha1 = try DigestCalculator.ha1(
            username: row["username"], realm: row["realm"], password: row["password"], hash: .sha512_256)
        return (credentials.username, ha1.hex, credentials.response)
    }

    private func truncatedSHA512(_ text: String) -> String {
        var out = [UInt8](repeating: 0, count: 64)
        let bytes = Array(text.utf8)
        #expect(dt_digest("SHA512", bytes, bytes.count, &out) == 64)
        return out.prefix(32).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
