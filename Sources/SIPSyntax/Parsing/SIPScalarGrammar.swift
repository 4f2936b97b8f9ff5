/// Grammar functions for the single-number and token-list headers (RFC 3261 §25.1).
public enum SIPScalarGrammar {
    /// 1*DIGIT as a CSeq-style number: ≤ 2^32-1, and < 2^31 in strict mode (RFC 3261 §8.1.1.5).
    static func sequenceNumber(_ scanner: inout SIPScanner, what: String) throws(SIPParseError) -> UInt32 {
        scanner.skipWhitespace()
        let start = scanner.position
        let value = try scanner.number(what, maximum: UInt64(UInt32.max))
        if scanner.isStrict && value >= 1 << 31 {
            throw scanner.failure("\(what) \(value) is not below 2^31 (RFC 3261 §8.1.1.5)", at: start)
        }
        return UInt32(value)
    }

    /// LWS Method, ending the value.
    static func methodAfterSpace(_ scanner: inout SIPScanner) throws(SIPParseError) -> SIPMethod {
        guard let space = scanner.current, SIPCharacterClass.isWhitespace(space) else {
            throw scanner.failure(scanner.isAtEnd ? "method missing after the number" : "expected white space before the method")
        }
        scanner.skipWhitespace()
        let method = try scanner.method("a method")
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.failure("unexpected text after the method") }
        return method
    }

    /// A whole value that is 1*DIGIT no larger than `maximum`.
    static func number(_ text: String, header: String, maximum: UInt64, mode: SIPParsingMode) throws(SIPParseError) -> UInt64 {
        var scanner = SIPScanner(text, mode: mode, context: .header(header))
        scanner.skipWhitespace()
        let value = try scanner.number(header == "Content-Length" ? "length" : "value", maximum: maximum)
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.failure("expected only digits") }
        return value
    }

    /// Max-Forwards = 1*DIGIT, 0–255 (RFC 3261 §20.22; RFC 4475 §3.1.2.4).
    public static func maxForwards(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> Int {
        Int(try number(text, header: "Max-Forwards", maximum: 255, mode: mode))
    }

    /// Content-Length = 1*DIGIT (RFC 3261 §20.14).
    public static func contentLength(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> Int {
        Int(try number(text, header: "Content-Length", maximum: UInt64(Int32.max), mode: mode))
    }

    /// delta-seconds = 1*DIGIT below 2^32 (Expires, Min-Expires, Retry-After; RFC 3261 §20.19).
    public static func deltaSeconds(_ text: String, header: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> UInt32 {
        UInt32(try number(text, header: header, maximum: UInt64(UInt32.max), mode: mode))
    }

    /// RSeq = response-num, 1 to 2^31-1 (RFC 3262 §7.1).
    public static func rseq(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> UInt32 {
        UInt32(try number(text, header: "RSeq", maximum: UInt64(UInt32.max), mode: mode))
    }

    /// callid = word [ "@" word ] (RFC 3261 §25.1). Liberal mode accepts any visible text
    /// without white space, as the value is only ever compared.
    public static func callID(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> String {
        let scanner = SIPScanner(text, mode: mode, context: .header("Call-ID"))
        guard !text.isEmpty else { throw scanner.failure("empty Call-ID") }
        if let bad = scanner.bytes.firstIndex(where: { $0 <= 0x20 || $0 == 0x7F }) {
            throw scanner.failure("white space or control character in Call-ID", at: bad)
        }
        if mode == .strict {
            let parts = scanner.bytes.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
            guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else {
                throw scanner.failure("Call-ID must be word [ \"@\" word ] (RFC 3261 §25.1)")
            }
            if let bad = scanner.bytes.firstIndex(where: { $0 != UInt8(ascii: "@") && !SIPCharacterClass.word.contains($0) }) {
                throw scanner.failure("character not allowed in a Call-ID word", at: bad)
            }
        }
        return text
    }

    /// option-tag *(COMMA option-tag) (Require, Proxy-Require, Unsupported; `allowEmpty` for
    /// Supported, whose list may be empty, RFC 3261 §20.37).
    public static func optionTags(_ text: String, header: String, allowEmpty: Bool = false, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> [String] {
        try tokens(text, header: header, allowEmpty: allowEmpty, mode: mode)
    }

    /// Allow = [Method *(COMMA Method)] (RFC 3261 §20.5).
    public static func methods(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> [SIPMethod] {
        try tokens(text, header: "Allow", allowEmpty: true, mode: mode).map(SIPMethod.init(rawValue:))
    }

    /// Writes a token list the way it parses back: `a, b, c`.
    public static func serializeList(_ tokens: [String]) -> String { tokens.joined(separator: ", ") }

    static func tokens(_ text: String, header: String, allowEmpty: Bool, mode: SIPParsingMode) throws(SIPParseError) -> [String] {
        let scanner = SIPScanner(text, mode: mode, context: .header(header))
        var tokens: [String] = []
        for range in try SIPListGrammar.elements(scanner) {
            guard let bad = scanner.bytes[range].firstIndex(where: { !SIPCharacterClass.isToken($0) }) else {
                tokens.append(scanner.text(range))
                continue
            }
            throw scanner.failure("'\(scanner.text(range))' is not a token", at: bad)
        }
        guard allowEmpty || !tokens.isEmpty else { throw scanner.failure("\(header) needs at least one value") }
        return tokens
    }
}
