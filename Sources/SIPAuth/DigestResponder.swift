/// The client side: answers a challenge with credentials (RFC 3261 §22.2/§22.3, RFC 7616 §3.4).
public enum DigestResponder: Sendable {
    /// Computes the credentials for `request` in answer to `challenge`.
    ///
    /// `nonceCount` and `cnonce` are inputs so the function stays pure; `DigestSession` supplies
    /// them (incrementing nc per nonce, drawing the cnonce from its random source). They are left
    /// out of the header when the challenge has no qop (RFC 2617 §3.2.2). The algorithm is echoed
    /// exactly as the server spelled it, and `opaque` unchanged (RFC 7616 §3.4).
    public static func credentials(
        answering challenge: DigestChallenge, user: UserCredentials, request: DigestRequest,
        nonceCount: NonceCount, cnonce: String, preference: QoPPreference = .auth
    ) throws(DigestError) -> DigestCredentials {
        let plan = try DigestPlan(challenge: challenge, preference: preference)
        if let realm = user.realm, realm != challenge.realm {
            throw .realmMismatch(expected: realm, challenged: challenge.realm)
        }
        let hash = plan.algorithm.hash
        let ha1 = try DigestCalculator.ha1(
            for: user.secret, username: user.username, realm: challenge.realm, hash: hash)
        let usesQoP = plan.qop != nil
        let response = try plan.response(
            ha1: ha1, nonce: challenge.nonce, request: request,
            nonceCount: usesQoP ? nonceCount : nil, cnonce: usesQoP ? cnonce : nil)
        let username = challenge.userhash
            ? try DigestCalculator.userhash(username: user.username, realm: challenge.realm, hash: hash)
            : user.username
        let credentials = DigestCredentials(
            username: username, realm: challenge.realm, nonce: challenge.nonce, uri: request.uri,
            response: response, algorithm: challenge.algorithm, cnonce: usesQoP ? cnonce : nil,
            opaque: challenge.opaque, qop: plan.qop, nonceCount: usesQoP ? nonceCount : nil,
            userhash: challenge.userhash)
        try validate(credentials, method: request.method)
        return credentials
    }

    /// Refuses values that would corrupt the header line: control characters in any quoted
    /// field (header injection) and a method that is not a token (RFC 3261 §25.1 `Method`).
    static func validate(_ credentials: DigestCredentials, method: String) throws(DigestError) {
        guard AuthSyntax.isToken(method) else {
            throw .invalidValue(field: "method", reason: "not a token")
        }
        let quotedFields: [(String, String?)] = [
            ("username", credentials.username), ("realm", credentials.realm), ("nonce", credentials.nonce),
            ("uri", credentials.uri), ("cnonce", credentials.cnonce), ("opaque", credentials.opaque),
        ]
        for case let (name, value?) in quotedFields where AuthSyntax.hasForbiddenControl(value) {
            throw .invalidValue(field: name, reason: "contains a control character")
        }
        if case .named(let token) = credentials.algorithm, !AuthSyntax.isToken(token) {
            throw .invalidValue(field: "algorithm", reason: "not a token")
        }
    }
}
