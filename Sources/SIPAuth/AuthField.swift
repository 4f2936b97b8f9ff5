/// One `auth-param` (RFC 7235 §2.1): a name and its value, with how the value was written.
///
/// Names compare case-insensitively; values are kept unquoted and unescaped. `isQuoted` lets an
/// unknown parameter be written back the way it arrived.
public struct AuthParameter: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var value: String
    public var isQuoted: Bool

    public init(name: String, value: String, isQuoted: Bool) {
        self.name = name
        self.value = value
        self.isQuoted = isQuoted
    }

    /// `name=value`, quoting when it was quoted or must be (the value is not a token).
    public var description: String {
        if isQuoted || !AuthSyntax.isToken(value) {
            return "\(name)=\(AuthSyntax.quoted(value))"
        }
        return "\(name)=\(value)"
    }
}

/// One challenge or credentials in raw form: `auth-scheme [ 1*SP ( token68 / #auth-param ) ]`
/// (RFC 7235 §2.1). Scheme-agnostic, so `Basic` or `Bearer` challenges can be recognised and
/// skipped rather than rejected as garbage.
public struct AuthField: Sendable, Hashable {
    public var scheme: String
    public var token68: String?
    public var parameters: [AuthParameter]

    public init(scheme: String, token68: String? = nil, parameters: [AuthParameter] = []) {
        self.scheme = scheme
        self.token68 = token68
        self.parameters = parameters
    }

    /// Whether this is the `Digest` scheme (scheme names are case-insensitive, RFC 7235 §2.1).
    public var isDigest: Bool { scheme.lowercased() == "digest" }

    /// Parses a header value holding one or more challenges or credentials.
    ///
    /// SIP sends one challenge per header field (RFC 3261 §7.3.1), but HTTP permits a list, and
    /// accepting both costs nothing. A new challenge starts after a comma when a token is not
    /// followed by `=`.
    public static func parseList(_ headerValue: String) throws(AuthHeaderError) -> [AuthField] {
        var parser = AuthFieldParser(headerValue)
        return try parser.parseList()
    }

    /// Parses a header value that must hold exactly one challenge or credentials.
    public static func parseSingle(_ headerValue: String) throws(AuthHeaderError) -> AuthField {
        let fields = try parseList(headerValue)
        guard fields.count == 1, let field = fields.first else {
            throw .multipleSchemes(fields.map(\.scheme))
        }
        return field
    }

    /// The value of the named parameter (case-insensitive); nil when absent.
    public func parameter(_ name: String) -> AuthParameter? {
        let key = name.lowercased()
        return parameters.first { $0.name.lowercased() == key }
    }
}

/// Lexical helpers shared by the parser and the serialisers (RFC 7230 §3.2.6).
enum AuthSyntax {
    /// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
    ///       / DIGIT / ALPHA
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    static func isToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    /// A quoted-string with `"` and `\` escaped as quoted-pairs (RFC 7230 §3.2.6, RFC 3261 §25.1).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text.unicodeScalars {
            if character == "\"" || character == "\\" { out.unicodeScalars.append("\\") }
            out.unicodeScalars.append(character)
        }
        return out + "\""
    }

    /// Whether `text` holds a control character that no quoted-string may carry (all C0 controls
    /// except HTAB, and DEL). Such bytes would split or corrupt the header line.
    static func hasForbiddenControl(_ text: String) -> Bool {
        text.utf8.contains { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7f }
    }
}
