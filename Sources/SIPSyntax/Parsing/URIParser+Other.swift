/// tel URIs (RFC 3966) and URIs of schemes SIP does not interpret (RFC 3986 / RFC 2396 as
/// quoted by RFC 3261 §25.1), which must parse so an endpoint can answer 416 (RFC 4475 §3.3.1).
extension URIParser {
    /// telephone-subscriber = global-number / local-number
    /// global-number-digits = "+" *phonedigit DIGIT *phonedigit
    /// local-number-digits = *phonedigit-hex (HEXDIG / "*" / "#") *phonedigit-hex
    /// phonedigit-hex = HEXDIG / "*" / "#" / visual-separator; visual-separator = "-" / "." / "(" / ")"
    static func telURI(_ scanner: inout SIPScanner) throws(SIPParseError) -> TelURI {
        let start = scanner.position
        let global = scanner.consume(UInt8(ascii: "+"))
        let digits = scanner.scan { isPhoneDigit($0, global: global) || "-.()".utf8.contains($0) }
        guard scanner.bytes[digits].contains(where: { isPhoneDigit($0, global: global) }) else {
            throw scanner.failure("'\(scanner.text(start..<scanner.position))' is not a telephone number (RFC 3966 §3)", at: start)
        }
        let number = scanner.text(start..<scanner.position)
        let parameters = try telParameters(&scanner)
        guard scanner.isAtEnd else { throw scanner.failure("unexpected character in tel URI") }
        if scanner.isStrict && !global && !parameters.contains("phone-context") {
            throw scanner.failure("local number '\(number)' needs a phone-context parameter (RFC 3966 §5.1.5)", at: start)
        }
        return TelURI(number: number, parameters: parameters)
    }

    /// DIGIT in a global number; HEXDIG / "*" / "#" in a local one.
    private static func isPhoneDigit(_ byte: UInt8, global: Bool) -> Bool {
        global ? SIPCharacterClass.isDigit(byte)
            : SIPCharacterClass.isHex(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "#")
    }

    /// par = ";" pname [ "=" pvalue ]; pname = 1*( alphanum / "-" ); pvalue = 1*paramchar
    private static func telParameters(_ scanner: inout SIPScanner) throws(SIPParseError) -> [Parameter] {
        var parameters: [Parameter] = []
        while scanner.consume(UInt8(ascii: ";")) {
            let name = scanner.scan { SIPCharacterClass.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
            guard !name.isEmpty else { throw scanner.failure("empty tel URI parameter name") }
            var value: String?
            if scanner.consume(UInt8(ascii: "=")) {
                let range = try scanner.scan(.paramChar, escapes: true)
                guard !range.isEmpty else { throw scanner.failure("empty tel URI parameter value") }
                value = scanner.text(range)
            }
            parameters.append(Parameter(scanner.text(name), value))
        }
        return parameters
    }

    /// absoluteURI = scheme ":" ( hier-part / opaque-part ): one or more `uric`
    /// (reserved / unreserved / escaped) after the colon.
    static func absoluteURI(_ scanner: inout SIPScanner, scheme: Range<Int>) throws(SIPParseError) -> AbsoluteURI {
        let start = scanner.position
        let range = try scanner.scan(.uric, escapes: true)
        guard !range.isEmpty else { throw scanner.failure("nothing after '\(scanner.text(scheme)):'") }
        guard scanner.isAtEnd else {
            throw scanner.failure("character not allowed in a URI (RFC 3986 uric)")
        }
        return AbsoluteURI(scheme: scanner.text(scheme), specific: scanner.text(start..<range.upperBound))
    }
}

extension URI {
    /// Parses a URI on its own (a Request-URI, a `Refer-To` target typed by a user, …).
    /// Errors carry `.invalidURI` and the 1-based byte position in `text`.
    public init(parsing text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) {
        var scanner = SIPScanner(text, mode: mode, context: .uri)
        self = try URIParser.uri(&scanner)
    }
}
