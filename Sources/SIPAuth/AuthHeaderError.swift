/// Why a `WWW-Authenticate`, `Proxy-Authenticate`, `Authorization` or `Proxy-Authorization`
/// value could not be read. Offsets count UTF-8 bytes from the start of the header value, so a
/// debug tool can point at the exact spot.
public enum AuthHeaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value is empty or holds only whitespace and commas.
    case empty
    /// A byte that the grammar does not allow here.
    case unexpectedCharacter(found: String, offset: Int, expected: String)
    /// A quoted-string that never closes; `offset` is where its opening quote is.
    case unterminatedQuotedString(parameter: String, offset: Int)
    /// A control character (CR, LF, NUL, …) inside a quoted-string that is not a line fold.
    case controlCharacter(parameter: String, offset: Int)
    /// The same parameter twice in one challenge (RFC 7235 §2.1: each name MUST occur only once).
    case duplicateParameter(String, offset: Int)
    /// A parameter the scheme requires is absent (`realm`, `nonce`, `username`, …).
    case missingParameter(String)
    /// A parameter whose value does not fit its syntax (e.g. `nc=xyz`).
    case invalidParameter(name: String, value: String, reason: String)
    /// A scheme other than Digest (e.g. `Basic`), which SIP does not use (RFC 3261 §22.1).
    case unsupportedScheme(String)
    /// More than one challenge or credentials where exactly one was expected.
    case multipleSchemes([String])

    public var description: String {
        switch self {
        case .empty:
            "empty authentication header value"
        case .unexpectedCharacter(let found, let offset, let expected):
            "unexpected \(found) at byte \(offset), expected \(expected)"
        case .unterminatedQuotedString(let parameter, let offset):
            "unterminated quoted-string in parameter \"\(parameter)\" opened at byte \(offset)"
        case .controlCharacter(let parameter, let offset):
            "control character in quoted-string of parameter \"\(parameter)\" at byte \(offset)"
        case .duplicateParameter(let name, let offset):
            "parameter \"\(name)\" repeated at byte \(offset)"
        case .missingParameter(let name):
            "required parameter \"\(name)\" is missing"
        case .invalidParameter(let name, let value, let reason):
            "parameter \"\(name)\" has invalid value \"\(value)\": \(reason)"
        case .unsupportedScheme(let scheme):
            "authentication scheme \"\(scheme)\" is not supported (only Digest)"
        case .multipleSchemes(let schemes):
            "expected one authentication scheme, found \(schemes.count): \(schemes.joined(separator: ", "))"
        }
    }
}
