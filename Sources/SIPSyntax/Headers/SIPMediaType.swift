/// A Content-Type value (RFC 3261 §20.15): `type/subtype;parameters`.
public struct SIPMediaType: Hashable, Sendable, CustomStringConvertible {
    /// As written; compare with `matches` (media types are case-insensitive, RFC 2045 §5.1).
    public var type: String
    public var subtype: String
    /// m-parameters, values as written (quoted ones keep their quotes).
    public var parameters: [Parameter]

    public init(type: String, subtype: String, parameters: [Parameter] = []) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    public static let sdp = SIPMediaType(type: "application", subtype: "sdp")

    /// Whether this is `type/subtype`, ignoring case and parameters.
    public func matches(_ type: String, _ subtype: String) -> Bool {
        self.type.caseInsensitiveEquals(type) && self.subtype.caseInsensitiveEquals(subtype)
    }

    /// `type/subtype` in lower case, without parameters.
    public var essence: String { (type + "/" + subtype).lowercased() }

    public var serialized: String {
        "\(type)/\(subtype)" + parameters.map { ";" + $0.description }.joined()
    }

    public var description: String { serialized }

    /// media-type = m-type SLASH m-subtype *(SEMI m-parameter)
    /// m-parameter = m-attribute EQUAL m-value; m-value = token / quoted-string
    public static func parse(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> SIPMediaType {
        var scanner = SIPScanner(text, mode: mode, context: .header("Content-Type"))
        scanner.skipWhitespace()
        let type = try scanner.token("a media type")
        guard scanner.consumeSeparator(UInt8(ascii: "/")) else { throw scanner.failure("expected '/' after the media type") }
        let subtype = try scanner.token("a media subtype")
        let parameters = try SIPListGrammar.genericParameters(&scanner)
        for parameter in parameters where parameter.value == nil {
            throw scanner.failure("media type parameter '\(parameter.name)' needs '=value'")
        }
        if scanner.isStrict, let bad = parameters.first(where: { !isMediaValue($0.value ?? "") }) {
            throw scanner.failure("value of '\(bad.name)' is not a token or quoted string")
        }
        return SIPMediaType(type: type, subtype: subtype, parameters: parameters)
    }

    private static func isMediaValue(_ value: String) -> Bool {
        value.hasPrefix("\"") || value.utf8.allSatisfy(SIPCharacterClass.isToken)
    }
}
