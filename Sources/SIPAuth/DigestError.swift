/// Why digest credentials could not be computed or checked.
///
/// None of these cases carries a password or HA1, so logging an error never leaks a secret.
public enum DigestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libcrypto could not compute this hash (e.g. MD5 under a FIPS-only OpenSSL configuration).
    case hashUnavailable(DigestHash)
    /// The `algorithm` token is not one RFC 7616 §3.7 / RFC 8760 §2 registers.
    case unsupportedAlgorithm(String)
    /// The server offered `qop` values, none of which is `auth` or `auth-int`.
    case unsupportedQoP
    /// A `-sess` algorithm without qop: RFC 2617 §3.2.2 forbids a cnonce without qop, yet the
    /// session key needs one, so no consistent answer exists.
    case sessionAlgorithmWithoutQoP(String)
    /// The credentials are restricted to another realm (RFC 3261 §22.1: realms scope passwords).
    case realmMismatch(expected: String, challenged: String)
    /// A precomputed HA1 was made with another hash than the challenge asks for.
    case ha1HashMismatch(provided: DigestHash, required: DigestHash)
    /// A precomputed HA1 that is not `2 * byteCount` hex digits.
    case invalidHA1(hash: DigestHash)
    /// A parameter the chosen qop needs is absent (`cnonce` or `nc`, RFC 7616 §3.4).
    case missingParameter(String)
    /// A value that cannot go into a header (control characters, empty method, …).
    case invalidValue(field: String, reason: String)
    /// The random source failed to produce a cnonce.
    case randomSourceFailed
    /// 2^32 - 1 requests on one nonce: the counter cannot advance without repeating.
    case nonceCountExhausted

    public var description: String {
        switch self {
        case .hashUnavailable(let hash): "hash \(hash.token) is unavailable in libcrypto"
        case .unsupportedAlgorithm(let token): "unsupported digest algorithm \"\(token)\""
        case .unsupportedQoP: "server offers no qop this client supports (auth, auth-int)"
        case .sessionAlgorithmWithoutQoP(let token): "algorithm \(token) requires qop, but none was offered"
        case .realmMismatch(let expected, let challenged):
            "credentials are for realm \"\(expected)\", challenge is for \"\(challenged)\""
        case .ha1HashMismatch(let provided, let required):
            "precomputed HA1 uses \(provided.token), challenge requires \(required.token)"
        case .invalidHA1(let hash): "precomputed HA1 is not \(hash.byteCount * 2) hex digits"
        case .missingParameter(let name): "parameter \"\(name)\" is required with qop"
        case .invalidValue(let field, let reason): "invalid \(field): \(reason)"
        case .randomSourceFailed: "the random source failed to produce a cnonce"
        case .nonceCountExhausted: "nonce count exhausted for this nonce"
        }
    }
}
