/// The server side: checks received credentials against what the user's secret produces
/// (RFC 3261 §22.4, RFC 7616 §3.4). For tests and the small test registrar.
///
/// Only the digest arithmetic is checked here. Whether the nonce is one we issued and still
/// fresh, whether nc grew (replay), and whether `uri` matches the Request-URI are the caller's
/// policy; real clients send a digest-uri that differs from the Request-URI.
public enum DigestVerifier: Sendable {
    public static func verify(
        _ credentials: DigestCredentials, user: UserCredentials, method: String, body: [UInt8] = []
    ) throws(DigestError) -> DigestVerification {
        let plan = try DigestPlan(credentials: credentials)
        if let realm = user.realm, realm != credentials.realm { return .realmMismatch }
        let hash = plan.algorithm.hash
        let expectedUsername = credentials.userhash
            ? try DigestCalculator.userhash(username: user.username, realm: credentials.realm, hash: hash)
            : user.username
        let sentUsername = credentials.userhash ? credentials.username.lowercased() : credentials.username
        guard sentUsername == expectedUsername else { return .usernameMismatch }
        let ha1 = try DigestCalculator.ha1(
            for: user.secret, username: user.username, realm: credentials.realm, hash: hash)
        let expected = try plan.response(
            ha1: ha1, nonce: credentials.nonce,
            request: DigestRequest(method: method, uri: credentials.uri, body: body),
            nonceCount: credentials.nonceCount, cnonce: credentials.cnonce)
        return constantTimeEqual(expected, credentials.response.lowercased()) ? .valid : .responseMismatch
    }

    /// Compares without an early exit, so response timing does not reveal how many leading
    /// characters of a guess were right.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}

/// The outcome of checking credentials whose digest could be computed.
public enum DigestVerification: Sendable, Hashable {
    case valid
    /// The credentials name (or userhash) another user.
    case usernameMismatch
    /// The credentials are for a realm the user's secret does not belong to.
    case realmMismatch
    /// The response digest is wrong: wrong password, method, body or tampered parameters.
    case responseMismatch
}
