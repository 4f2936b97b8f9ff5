/// The digest formulae, as pure functions (RFC 7616 §3.4.1–§3.4.4, RFC 2617 §3.2.2,
/// RFC 3261 §22.4). Higher layers decide *which* formula applies; this type only computes.
///
/// All inputs are hashed as their UTF-8 bytes and every intermediate digest as lowercase hex.
public enum DigestCalculator: Sendable {
    /// HA1 = H(unq(username) ":" unq(realm) ":" passwd) (RFC 7616 §3.4.2).
    public static func ha1(
        username: String, realm: String, password: String, hash: DigestHash
    ) throws(DigestError) -> HA1 {
        HA1(validatedHex: try hash.hex(of: "\(username):\(realm):\(password)"), hash: hash)
    }

    /// The `-sess` session key: H(HA1 ":" unq(nonce) ":" unq(cnonce)) (RFC 7616 §3.4.2).
    /// Binds the key to this nonce and cnonce, so a stored HA1 can be handed to a third party
    /// without giving it the password.
    public static func sessionHA1(_ ha1: HA1, nonce: String, cnonce: String) throws(DigestError) -> HA1 {
        HA1(validatedHex: try ha1.hash.hex(of: "\(ha1.hex):\(nonce):\(cnonce)"), hash: ha1.hash)
    }

    /// The key the response formula uses: HA1, or the session key for `-sess` algorithms.
    public static func key(
        _ ha1: HA1, algorithm: DigestAlgorithm, nonce: String, cnonce: String
    ) throws(DigestError) -> HA1 {
        algorithm.isSession ? try sessionHA1(ha1, nonce: nonce, cnonce: cnonce) : ha1
    }

    /// HA2 for qop `auth` or no qop: H(Method ":" request-uri) (RFC 7616 §3.4.3).
    public static func ha2(method: String, uri: String, hash: DigestHash) throws(DigestError) -> String {
        try hash.hex(of: "\(method):\(uri)")
    }

    /// HA2 for `auth-int`: H(Method ":" request-uri ":" H(entity-body)) (RFC 7616 §3.4.3).
    /// Takes H(entity-body) so callers that already hashed the body (or only know its hash)
    /// need not hold it; RFC 3261 §22.4 hashes an empty body when there is none.
    public static func ha2(
        method: String, uri: String, entityBodyHash: String, hash: DigestHash
    ) throws(DigestError) -> String {
        try hash.hex(of: "\(method):\(uri):\(entityBodyHash)")
    }

    /// response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2) (RFC 7616 §3.4.1).
    public static func response(
        key: HA1, nonce: String, nonceCount: NonceCount, cnonce: String,
        qop: QualityOfProtection, ha2: String
    ) throws(DigestError) -> String {
        try key.hash.hex(of: "\(key.hex):\(nonce):\(nonceCount.hex):\(cnonce):\(qop.token):\(ha2)")
    }

    /// response = H(HA1 ":" nonce ":" HA2), the RFC 2069 form used when the server sends no qop
    /// (RFC 2617 §3.2.2.1; still common in SIP, RFC 3261 §22.4).
    public static func legacyResponse(key: HA1, nonce: String, ha2: String) throws(DigestError) -> String {
        try key.hash.hex(of: "\(key.hex):\(nonce):\(ha2)")
    }

    /// userhash = H(unq(username) ":" unq(realm)) (RFC 7616 §3.4.4), sent instead of the
    /// username so an eavesdropper does not learn who is calling.
    public static func userhash(username: String, realm: String, hash: DigestHash) throws(DigestError) -> String {
        try hash.hex(of: "\(username):\(realm)")
    }

    /// HA1 for a user's secret: computed from the password, or the stored HA1 if its hash
    /// matches the challenge's.
    public static func ha1(
        for secret: DigestSecret, username: String, realm: String, hash: DigestHash
    ) throws(DigestError) -> HA1 {
        switch secret {
        case .password(let password):
            return try ha1(username: username, realm: realm, password: password, hash: hash)
        case .ha1(let stored):
            guard stored.hash == hash else { throw .ha1HashMismatch(provided: stored.hash, required: hash) }
            return stored
        }
    }
}
