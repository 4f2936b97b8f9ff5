/// What the user knows: a username and a secret, optionally tied to one realm.
///
/// RFC 3261 §22.1: a realm names a protection space, and a password is only valid within it;
/// `realm` stops us from answering a foreign realm (e.g. a proxy's) with the registrar password.
/// `description`, `debugDescription` and `dump` never show the secret.
public struct UserCredentials: Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    public var username: String
    public var secret: DigestSecret
    /// When set, only challenges for exactly this realm are answered.
    public var realm: String?

    public init(username: String, secret: DigestSecret, realm: String? = nil) {
        self.username = username
        self.secret = secret
        self.realm = realm
    }

    /// Convenience for the common case of a plain password.
    public init(username: String, password: String, realm: String? = nil) {
        self.init(username: username, secret: .password(password), realm: realm)
    }

    public var description: String {
        "UserCredentials(username: \(username), realm: \(realm ?? "any"), secret: \(secret))"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["username": username, "realm": realm as Any, "secret": secret], displayStyle: .struct)
    }
}

/// The secret behind digest credentials: the password, or HA1 stored in its place.
///
/// RFC 7616 §5.12 suggests servers store HA1 rather than passwords; clients may do the same.
/// HA1 is password-equivalent for its realm, so it is redacted like a password.
public enum DigestSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    case password(String)
    case ha1(HA1)

    public var description: String {
        switch self {
        case .password: "password(<redacted>)"
        case .ha1(let ha1): "ha1(\(ha1))"
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["secret": description])
    }
}

/// HA1 = H(A1) = H(username ":" realm ":" password), lowercase hex (RFC 7616 §3.4.2).
///
/// Anyone holding HA1 can answer any challenge for that realm, so it is a secret: only `hex`
/// reveals it, never a description.
public struct HA1: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The digest as lowercase hex, ready to go into H(HA1 ":" …).
    public let hex: String
    public let hash: DigestHash

    /// Wraps a stored HA1; upper-case hex is accepted and normalised to lower case.
    public init(hex: String, hash: DigestHash) throws(DigestError) {
        guard hex.utf8.count == hash.byteCount * 2, Hex.isHex(hex) else { throw .invalidHA1(hash: hash) }
        self.init(validatedHex: hex.lowercased(), hash: hash)
    }

    init(validatedHex: String, hash: DigestHash) {
        self.hex = validatedHex
        self.hash = hash
    }

    public var description: String { "HA1(\(hash.token), <redacted>)" }
    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["hash": hash, "hex": "<redacted>"], displayStyle: .struct)
    }
}
