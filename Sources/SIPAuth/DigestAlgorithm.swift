/// A digest algorithm: a hash function, optionally in its session (`-sess`) variant.
///
/// RFC 7616 §3.4.2: with `-sess`, A1 also covers the server nonce and the client nonce, so the
/// session key differs per cnonce. A hash and a session flag are two independent dimensions,
/// so every combination here is one of the six registered algorithms (RFC 7616 §6.1, RFC 8760 §2).
public struct DigestAlgorithm: Sendable, Hashable, CustomStringConvertible {
    public var hash: DigestHash
    public var isSession: Bool

    public init(hash: DigestHash, isSession: Bool = false) {
        self.hash = hash
        self.isSession = isSession
    }

    /// MD5, the algorithm implied when a challenge has no `algorithm` parameter (RFC 2617 §3.2.1).
    public static let md5 = DigestAlgorithm(hash: .md5)

    /// Parses an `algorithm` token case-insensitively (`md5`, `SHA-256-sess`, …); nil when unknown.
    public init?(token: String) {
        var name = token.uppercased()
        let isSession = name.hasSuffix("-SESS")
        if isSession { name.removeLast(5) }
        guard let hash = DigestHash.allCases.first(where: { $0.token == name }) else { return nil }
        self.init(hash: hash, isSession: isSession)
    }

    /// The registered spelling, e.g. `SHA-512-256-sess`.
    public var token: String { isSession ? hash.token + "-sess" : hash.token }

    public var description: String { token }
}

/// The `algorithm` parameter as it appeared in a challenge or in credentials.
///
/// RFC 7616 §3.4 makes the client echo the algorithm it used; keeping the server's spelling
/// (`md5`, `MD5`) lets us echo it exactly, since some servers compare the string literally.
public enum AlgorithmParameter: Sendable, Hashable, CustomStringConvertible {
    /// No `algorithm` parameter: MD5 is implied (RFC 2617 §3.2.1, RFC 3261 §22.4).
    case absent
    /// The token as received, supported or not.
    case named(String)

    /// The algorithm this parameter selects, or nil if we do not implement it.
    public var algorithm: DigestAlgorithm? {
        switch self {
        case .absent: .md5
        case .named(let token): DigestAlgorithm(token: token)
        }
    }

    public var description: String {
        switch self {
        case .absent: "(absent: MD5)"
        case .named(let token): token
        }
    }
}
