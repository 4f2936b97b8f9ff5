/// A Digest challenge from a `WWW-Authenticate` (401) or `Proxy-Authenticate` (407) header
/// (RFC 3261 §22.1, §25.1 `digest-cln`; RFC 7616 §3.3 for SHA-2, `userhash` and `charset`).
public struct DigestChallenge: Sendable, Hashable {
    /// The protection space; RFC 3261 §22.1 says to show it to the user and pick credentials by it.
    public var realm: String
    public var nonce: String
    /// Opaque server state, echoed unchanged in the credentials (RFC 7616 §3.3).
    public var opaque: String?
    /// True when the previous credentials were right but their nonce expired (RFC 7616 §3.3):
    /// retry with the new nonce without asking the user again, and restart nc.
    public var stale: Bool
    public var algorithm: AlgorithmParameter
    /// The offered qop values we know; nil when the challenge has no `qop` (RFC 2069 mode).
    /// An empty array means the server offered only values we do not know.
    public var qopOptions: [QualityOfProtection]?
    /// URIs sharing this protection space (space-separated in the header).
    public var domain: [String]
    /// The server wants `username` sent as H(username ":" realm) (RFC 7616 §3.4.4).
    public var userhash: Bool
    /// Only `UTF-8` is defined (RFC 7616 §3.3); strings are always hashed as UTF-8 here.
    public var charset: String?
    /// Parameters this type does not interpret, kept in order so nothing is lost.
    public var extensions: [AuthParameter]

    /// Builds a challenge, e.g. for a test registrar. `qop="auth"` by default, since RFC 7616 §3.3
    /// requires servers to send qop.
    public init(
        realm: String, nonce: String, opaque: String? = nil, stale: Bool = false,
        algorithm: AlgorithmParameter = .absent, qopOptions: [QualityOfProtection]? = [.auth],
        domain: [String] = [], userhash: Bool = false, charset: String? = nil,
        extensions: [AuthParameter] = []
    ) {
        self.realm = realm
        self.nonce = nonce
        self.opaque = opaque
        self.stale = stale
        self.algorithm = algorithm
        self.qopOptions = qopOptions
        self.domain = domain
        self.userhash = userhash
        self.charset = charset
        self.extensions = extensions
    }

    /// Parses a header value holding exactly one Digest challenge. `Basic` and other schemes
    /// throw `unsupportedScheme`; use `ChallengeSelector` for values with several challenges.
    public static func parse(_ headerValue: String) throws(AuthHeaderError) -> DigestChallenge {
        try DigestChallenge(field: AuthField.parseSingle(headerValue))
    }

    /// Interprets a raw field; `realm` and `nonce` are required (RFC 3261 §25.1).
    public init(field: AuthField) throws(AuthHeaderError) {
        guard field.isDigest else { throw .unsupportedScheme(field.scheme) }
        if let token68 = field.token68 {
            throw .invalidParameter(name: "token68", value: token68, reason: "Digest takes auth-params")
        }
        let values = DigestParameters(field)
        guard let realm = values["realm"] else { throw .missingParameter("realm") }
        guard let nonce = values["nonce"] else { throw .missingParameter("nonce") }
        self.init(
            realm: realm, nonce: nonce, opaque: values["opaque"],
            stale: values.flag("stale"),
            algorithm: values["algorithm"].map(AlgorithmParameter.named) ?? .absent,
            qopOptions: values["qop"].map(DigestParameters.qopList),
            domain: values["domain"].map { $0.split(whereSeparator: \.isWhitespace).map(String.init) } ?? [],
            userhash: values.flag("userhash"), charset: values["charset"],
            extensions: values.extensions(known: Self.knownNames)
        )
    }

    static let knownNames: Set<String> = [
        "realm", "nonce", "opaque", "stale", "algorithm", "qop", "domain", "userhash", "charset",
    ]

    /// The header value, e.g. for a registrar's 401 (quoting per RFC 7616 §3.3).
    public var headerValue: String {
        var parts = ["realm=\(AuthSyntax.quoted(realm))", "nonce=\(AuthSyntax.quoted(nonce))"]
        if let opaque { parts.append("opaque=\(AuthSyntax.quoted(opaque))") }
        if stale { parts.append("stale=true") }
        if case .named(let token) = algorithm { parts.append("algorithm=\(token)") }
        if let qopOptions {
            parts.append("qop=" + AuthSyntax.quoted(qopOptions.map(\.token).joined(separator: ",")))
        }
        if !domain.isEmpty { parts.append("domain=" + AuthSyntax.quoted(domain.joined(separator: " "))) }
        if userhash { parts.append("userhash=true") }
        if let charset { parts.append("charset=\(charset)") }
        parts += extensions.map(\.description)
        return "Digest " + parts.joined(separator: ", ")
    }
}

/// Case-insensitive access to a field's parameters (RFC 7235 §2.1: names are case-insensitive).
struct DigestParameters {
    private let field: AuthField

    init(_ field: AuthField) {
        self.field = field
    }

    subscript(name: String) -> String? {
        field.parameter(name)?.value
    }

    /// A boolean flag: only a case-insensitive `true` counts (RFC 7616 §3.3 `stale`, `userhash`).
    func flag(_ name: String) -> Bool {
        self[name]?.lowercased() == "true"
    }

    func extensions(known: Set<String>) -> [AuthParameter] {
        field.parameters.filter { !known.contains($0.name.lowercased()) }
    }

    /// `qop-options = "qop" EQUAL LDQUOT qop-value *("," qop-value) RDQUOT`; unknown values are
    /// dropped because we could not answer with them anyway (RFC 3261 §25.1).
    static func qopList(_ value: String) -> [QualityOfProtection] {
        value.split(separator: ",").compactMap {
            QualityOfProtection(token: $0.trimmingWhitespace())
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing SP/HTAB/CR/LF (no Foundation in this module).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
