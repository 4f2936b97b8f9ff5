/// The auth-param grammar shared by challenges and credentials, over the UTF-8 bytes of a header
/// value (RFC 7235 §2.1 and §4.1; RFC 3261 §25.1 for SIP's LWS and UTF-8 in quoted strings).
///
/// Liberal where real devices stray (line folds, unquoted values with `/` or `:`, quoted `nc`),
/// strict where sloppiness would change meaning (unterminated quotes, controls, duplicates).
struct AuthFieldParser {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// `1#challenge` (RFC 7235 §4.1). Empty list elements are allowed (RFC 7230 §7).
    mutating func parseList() throws(AuthHeaderError) -> [AuthField] {
        var fields: [AuthField] = []
        skipSeparators()
        while !atEnd {
            fields.append(try field())
            skipSeparators()
        }
        guard !fields.isEmpty else { throw .empty }
        return fields
    }

    /// `challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`
    private mutating func field() throws(AuthHeaderError) -> AuthField {
        var field = AuthField(scheme: try token(expected: "an authentication scheme"))
        let hadSpace = skipWhitespace()
        if atEnd || peek == .comma { return field }
        guard hadSpace else { throw unexpected(expected: "whitespace after the scheme") }
        if let token68 = token68() {
            field.token68 = token68
            return field
        }
        field.parameters = try parameters()
        return field
    }

    /// `#auth-param`, up to the end of input or the start of the next challenge.
    private mutating func parameters() throws(AuthHeaderError) -> [AuthParameter] {
        var parameters: [AuthParameter] = []
        var seen: Set<String> = []
        while true {
            let start = index
            let parameter = try parameter()
            guard seen.insert(parameter.name.lowercased()).inserted else {
                throw .duplicateParameter(parameter.name, offset: start)
            }
            parameters.append(parameter)
            skipWhitespace()
            if atEnd { return parameters }
            guard peek == .comma else { throw unexpected(expected: "\",\" between parameters") }
            skipSeparators()
            if atEnd || startsNewField() { return parameters }
        }
    }

    /// `auth-param = token BWS "=" BWS ( token / quoted-string )`
    private mutating func parameter() throws(AuthHeaderError) -> AuthParameter {
        let name = try token(expected: "a parameter name")
        skipWhitespace()
        guard peek == .equals else { throw unexpected(expected: "\"=\" after \(name)") }
        index += 1
        skipWhitespace()
        if peek == .quote {
            return AuthParameter(name: name, value: try quotedString(parameter: name), isQuoted: true)
        }
        return AuthParameter(name: name, value: try bareValue(parameter: name), isQuoted: false)
    }

    /// `quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE`. A line fold inside counts as
    /// one SP (RFC 3261 §7.3.1); UTF-8 passes through (RFC 3261 UTF8-NONASCII in qdtext).
    private mutating func quotedString(parameter: String) throws(AuthHeaderError) -> String {
        let open = index
        index += 1
        var value: [UInt8] = []
        while let byte = peek {
            if byte == .quote {
                index += 1
                return String(decoding: value, as: UTF8.self)
            }
            if let foldEnd = foldEnd(at: index) {
                value.append(.space)
                index = foldEnd
                continue
            }
            let isPair = byte == .backslash
            let escaped = isPair ? self.byte(at: index + 1) : byte
            guard let escaped else { break }
            guard !Self.isControl(escaped) else {
                throw .controlCharacter(parameter: parameter, offset: isPair ? index + 1 : index)
            }
            value.append(escaped)
            index += isPair ? 2 : 1
        }
        throw .unterminatedQuotedString(parameter: parameter, offset: open)
    }

    /// An unquoted value. RFC 7235 says `token`, but devices send nonces and URIs with `/`, `:`,
    /// `@` or `=` unquoted, so anything up to whitespace or a comma is taken.
    private mutating func bareValue(parameter: String) throws(AuthHeaderError) -> String {
        let start = index
        while let byte = peek, !Self.isWhitespace(byte), byte != .comma, byte != .quote, !Self.isControl(byte) {
            index += 1
        }
        guard index > start else { throw unexpected(expected: "a token or quoted-string for \(parameter)") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `token = 1*tchar`
    private mutating func token(expected: String) throws(AuthHeaderError) -> String {
        let start = index
        while let byte = peek, AuthSyntax.isTokenByte(byte) { index += 1 }
        guard index > start else { throw unexpected(expected: expected) }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`, only when it
    /// is the whole field: followed by the end or by a comma and another challenge. `realm=,
    /// nonce="n"` is thus an auth-param with an empty value, not token68 `realm=`. Otherwise the
    /// input is rewound for auth-params.
    private mutating func token68() -> String? {
        let start = index
        while let byte = peek, Self.isToken68Byte(byte) { index += 1 }
        let hasBody = index > start
        while peek == .equals { index += 1 }
        let end = index
        skipWhitespace()
        if hasBody, atEnd || peek == .comma {
            skipSeparators()
            let isWholeField = atEnd || startsNewField()
            index = end
            if isWholeField { return String(decoding: bytes[start..<end], as: UTF8.self) }
        }
        index = start
        return nil
    }
}

extension AuthFieldParser {
    private var atEnd: Bool { index >= bytes.count }
    private var peek: UInt8? { byte(at: index) }

    private func byte(at position: Int) -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    /// After a comma: does a new challenge begin here (a token not followed by `=`)?
    private mutating func startsNewField() -> Bool {
        let start = index
        defer { index = start }
        while let byte = peek, AuthSyntax.isTokenByte(byte) { index += 1 }
        guard index > start else { return false }
        skipWhitespace()
        return peek != .equals
    }

    /// Skips SP, HTAB, CR and LF (LWS including line folds, RFC 3261 §25.1); reports any skipped.
    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        let start = index
        while let byte = peek, Self.isWhitespace(byte) { index += 1 }
        return index > start
    }

    private mutating func skipSeparators() {
        while let byte = peek, Self.isWhitespace(byte) || byte == .comma { index += 1 }
    }

    /// The index after a line fold (`[CR] LF 1*WSP`) starting at `position`, or nil.
    private func foldEnd(at position: Int) -> Int? {
        var cursor = position
        if byte(at: cursor) == .cr { cursor += 1 }
        guard byte(at: cursor) == .lf else { return nil }
        cursor += 1
        let wspStart = cursor
        while let byte = byte(at: cursor), byte == .space || byte == .tab { cursor += 1 }
        return cursor > wspStart ? cursor : nil
    }

    private func unexpected(expected: String) -> AuthHeaderError {
        guard let byte = peek else {
            return .unexpectedCharacter(found: "end of input", offset: index, expected: expected)
        }
        let found = (0x21...0x7e).contains(byte)
            ? "\"\(Character(Unicode.Scalar(byte)))\""
            : "byte 0x" + Hex.encode([byte])
        return .unexpectedCharacter(found: found, offset: index, expected: expected)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == .cr || byte == .lf
    }

    /// C0 controls except HTAB, and DEL: never valid inside a value (RFC 7230 §3.2.6).
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != .tab) || byte == 0x7f
    }

    private static func isToken68Byte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        default:
            Array("-._~+/".utf8).contains(byte)
        }
    }
}

extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let comma = UInt8(ascii: ",")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
}
