import Foundation
import SIPAuth
import Testing

/// Every row of the digest corpus (RFC 2617 §3.5, RFC 7616 §3.9, draft-smith SIP examples,
/// sipsorcery stack vectors, computed RFC 8760 rows) computed through the public API.
@Suite struct DigestVectorTests {
    @Test func corpusHasTheDocumentedShape() throws {
        let rows = try DigestVector.all()
        #expect(rows.count == 24)
        // Exactly one row is excluded from the must-match set, so the filter cannot hide others.
        #expect(rows.filter(\.isPublishedTruncatedSHA512).map(\.id) == ["rfc7616-3.9.2-as-published"])
        #expect(try DigestVector.conformant().count == 23)
    }

    @Test(arguments: try DigestVector.conformant())
    func rowReproducesHA1AndUserhash(_ row: DigestVector) throws {
        let hash = try #require(rowAlgorithm(row)).hash
        let ha1 = try DigestCalculator.ha1(username: row["username"], realm: row["realm"], password: row["password"], hash: hash)
        if !row["ha1"].isEmpty {
            #expect(ha1.hex == row["ha1"])
        }
        if row["userhash"] == "true" {
            let userhash = try DigestCalculator.userhash(username: row["username"], realm: row["realm"], hash: hash)
            #expect(userhash == row["username_hash"])
        }
    }

    /// auth and no-qop rows go through the whole client path: the challenge is written as a
    /// header, parsed, answered, the answer serialised, parsed back and verified.
    @Test(arguments: try DigestVector.conformant().filter { $0["qop"] != "auth-int" })
    func rowReproducesResponseThroughHeaders(_ row: DigestVector) throws {
        let challenge = try DigestChallenge.parse(challengeHeader(for: row))
        let user = UserCredentials(username: row["username"], password: row["password"], realm: row["realm"])
        let request = DigestRequest(method: row["method"], uri: row["uri"])
        let nonceCount = row["nc"].isEmpty ? NonceCount.first : try #require(NonceCount(hex: row["nc"]))
        let credentials = try DigestResponder.credentials(
            answering: challenge, user: user, request: request, nonceCount: nonceCount, cnonce: row["cnonce"])
        #expect(credentials.response == row["expected_response"])
        #expect(credentials.qop?.token ?? "" == row["qop"])
        #expect(credentials.nonceCount?.hex ?? "" == row["nc"])
        #expect(credentials.cnonce ?? "" == (row["qop"].isEmpty ? "" : row["cnonce"]))
        #expect(credentials.opaque == (row["opaque"].isEmpty ? nil : row["opaque"]))
        let reparsed = try DigestCredentials.parse(credentials.headerValue)
        #expect(reparsed == credentials)
        #expect(try DigestVerifier.verify(reparsed, user: user, method: row["method"]) == .valid)
    }

    /// auth-int rows publish only H(entity-body), so the formula is composed from its parts.
    @Test(arguments: try DigestVector.conformant().filter { $0["qop"] == "auth-int" })
    func authIntRowReproducesResponse(_ row: DigestVector) throws {
        let algorithm = try #require(rowAlgorithm(row))
        let ha1 = try DigestCalculator.ha1(username: row["username"], realm: row["realm"], password: row["password"], hash: algorithm.hash)
        let key = try DigestCalculator.key(ha1, algorithm: algorithm, nonce: row["nonce"], cnonce: row["cnonce"])
        let ha2 = try DigestCalculator.ha2(
            method: row["method"], uri: row["uri"], entityBodyHash: row["entity_body_hash"], hash: algorithm.hash)
        let response = try DigestCalculator.response(
            key: key, nonce: row["nonce"], nonceCount: try #require(NonceCount(hex: row["nc"])),
            cnonce: row["cnonce"], qop: .authInt, ha2: ha2)
        #expect(response == row["expected_response"])
    }

    private func rowAlgorithm(_ row: DigestVector) -> DigestAlgorithm? {
        row["algorithm"].isEmpty ? .md5 : DigestAlgorithm(token: row["algorithm"])
    }
}

/// A `WWW-Authenticate` value for a row: empty qop means none offered (RFC 2069 form), empty
/// algorithm means the parameter is absent (MD5 implied).
func challengeHeader(for row: DigestVector) -> String {
    var parts = ["realm=\(quote(row["realm"]))", "nonce=\(quote(row["nonce"]))"]
    if !row["algorithm"].isEmpty { parts.append("algorithm=\(row["algorithm"])") }
    if row["qop"] == "auth" { parts.append("qop=\"auth,auth-int\"") }
    if !row["opaque"].isEmpty { parts.append("opaque=\(quote(row["opaque"]))") }
    if row["userhash"] == "true" { parts.append("userhash=true, charset=UTF-8") }
    return "Digest " + parts.joined(separator: ", ")
}

/// A quoted-string written independently of the module's serialiser.
func quote(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}
