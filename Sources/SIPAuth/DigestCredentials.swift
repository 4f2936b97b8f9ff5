/// Digest credentials, the value of an `Authorization` or `Proxy-Authorization` header
/// (RFC 3261 §22.2 and §25.1 `digest-response`; RFC 7616 §3.4).
///
/// Nothing here is secret: `response` is a one-way digest that travels in clear anyway.
public struct DigestCredentials: Sendable, Hashable {
    /// The username, or H(username ":" realm) when `userhash` is true (RFC 7616 §3.4.4).
    public var username: String
    public var realm: String
    public var nonce: String
    /// The digest-uri: the Request-URI as sent (RFC 3261 §22.4), which may differ from it in the wild.
    public var uri: String
    public var response: String
    /// Echoes the challenge's spelling; `.absent` when the challenge had none.
    public var algorithm: AlgorithmParameter
    public var cnonce: String?
    public var opaque: String?
    public var qop: QualityOfProtection?
    public var nonceCount: NonceCount?
    public var userhash: Bool
    /// Parameters this type does not interpret, kept in order.
    public var extensions: [AuthParameter]

    public init(
        username: String, realm: String, nonce: String, uri: String, response: String,
        algorithm: AlgorithmParameter = .absent, cnonce: String? = nil, opaque: String? = nil,
        qop: QualityOfProtection? = nil, nonceCount: NonceCount? = nil, userhash: Bool = false,
        extensions: [AuthParameter] = []
    ) {
        self.username = username
        self.realm = realm
        self.nonce = nonce
        self.uri = uri
        self.response = response
        self.algorithm = algorithm
        self.cnonce = cnonce
        self.opaque = opaque
        self.qop = qop
        self.nonceCount = nonceCount
        self.userhash = userhash
        self.extensions = extensions
    }

    /// Parses a header value holding one set of Digest credentials. Tolerates a quoted `nc`
    /// (seen from real phones) and decodes RFC 7616 §3.4.4 `username*`.
    public static func parse(_ headerValue: String) throws(AuthHeaderError) -> DigestCredentials {
        let field = try AuthField.parseSingle(headerValue)
        guard field.isDigest else { throw .unsupportedScheme(field.scheme) }
        let values = DigestParameters(field)
        let required = try ["realm", "nonce", "uri", "response"].map { name throws(AuthHeaderError) in
            guard let value = values[name] else { throw AuthHeaderError.missingParameter(name) }
            return value
        }
        return DigestCredentials(
            username: try username(values), realm: required[0], nonce: required[1], uri: required[2],
            response: required[3], algorithm: values["algorithm"].map(AlgorithmParameter.named) ?? .absent,
            cnonce: values["cnonce"], opaque: values["opaque"], qop: try qop(values),
            nonceCount: try nonceCount(values), userhash: values.flag("userhash"),
            extensions: values.extensions(known: knownNames)
        )
    }

    static let knownNames: Set<String> = [
        "username", "username*", "realm", "nonce", "uri", "response", "algorithm", "cnonce",
        "opaque", "qop", "nc", "userhash",
    ]

    /// The header value. Quoting follows RFC 7616 §3.4: `algorithm`, `qop`, `nc` and `userhash`
    /// are tokens; the rest are quoted-strings with `"` and `\` escaped.
    public var headerValue: String {
        var parts = [
            "username=\(AuthSyntax.quoted(username))", "realm=\(AuthSyntax.quoted(realm))",
            "nonce=\(AuthSyntax.quoted(nonce))", "uri=\(AuthSyntax.quoted(uri))",
            "response=\(AuthSyntax.quoted(response))",
        ]
        if case .named(let token) = algorithm { parts.append("algorithm=\(token)") }
        if let cnonce { parts.append("cnonce=\(AuthSyntax.quoted(cnonce))") }
        if let opaque { parts.append("opaque=\(AuthSyntax.quoted(opaque))") }
        if let qop { parts.append("qop=\(qop.token)") }
        if let nonceCount { parts.append("nc=\(nonceCount.hex)") }
        if userhash { parts.append("userhash=true") }
        parts += extensions.map(\.description)
        return "Digest " + parts.joined(separator: ", ")
    }

    private static func username(_ values: DigestParameters) throws(AuthHeaderError) -> String {
        switch (values["username"], values["username*"]) {
        case (let plain?, nil):
            return plain
        case (nil, let extended?):
            guard let decoded = ExtendedValue.decode(extended) else {
                throw .invalidParameter(name: "username*", value: extended, reason: "not a UTF-8 ext-value (RFC 8187)")
            }
            return decoded
        case (_?, _?):
            throw .invalidParameter(name: "username*", value: values["username*"] ?? "", reason: "sent together with username")
        case (nil, nil):
            throw .missingParameter("username")
        }
    }

    private static func qop(_ values: DigestParameters) throws(AuthHeaderError) -> QualityOfProtection? {
        guard let token = values["qop"] else { return nil }
        guard let qop = QualityOfProtection(token: token) else {
            throw .invalidParameter(name: "qop", value: token, reason: "expected auth or auth-int")
        }
        return qop
    }

    private static func nonceCount(_ values: DigestParameters) throws(AuthHeaderError) -> NonceCount? {
        guard let text = values["nc"] else { return nil }
        guard let count = NonceCount(hex: text) else {
            throw .invalidParameter(name: "nc", value: text, reason: "expected 8 hex digits")
        }
        return count
    }
}
