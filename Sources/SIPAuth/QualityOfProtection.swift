/// The `qop` values RFC 7616 §3.3 defines.
///
/// `auth` protects method and URI; `auth-int` also covers H(entity-body) in A2 (RFC 7616 §3.4.3),
/// so it needs the exact body bytes the request will carry.
public enum QualityOfProtection: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case auth
    case authInt = "auth-int"

    /// Parses a qop token case-insensitively.
    public init?(token: String) {
        self.init(rawValue: token.lowercased())
    }

    public var token: String { rawValue }
    public var description: String { rawValue }
}

/// Which qop to answer with when the server offers both.
///
/// RFC 3261 §22.4 and RFC 7616 §3.3 leave the choice to the client. `auth` is the default because
/// `auth-int` breaks whenever a proxy rewrites the body, and nearly every server offers `auth`.
public enum QoPPreference: Sendable, Hashable {
    /// `auth` when offered, otherwise `auth-int`.
    case auth
    /// `auth-int` when offered, otherwise `auth`.
    case authInt

    /// The qop to use for an offer; nil when the server sent no `qop` (RFC 2069 compatibility).
    /// Throws when the server offered only values we do not know (we cannot meet its demand).
    public func select(from offered: [QualityOfProtection]?) throws(DigestError) -> QualityOfProtection? {
        guard let offered else { return nil }
        let order: [QualityOfProtection] = switch self {
        case .auth: [.auth, .authInt]
        case .authInt: [.authInt, .auth]
        }
        guard let chosen = order.first(where: offered.contains) else { throw .unsupportedQoP }
        return chosen
    }

    /// The preferred qop, used to rank otherwise equal challenges.
    var preferred: QualityOfProtection {
        switch self {
        case .auth: .auth
        case .authInt: .authInt
        }
    }
}
