/// Grammar functions for the start line (RFC 3261 §7.1, §7.2, §25.1).
///
/// `.liberal` tolerates runs of SP/HTAB between the elements and after the version
/// (RFC 4475 §3.1.2.9, §3.1.2.10), a Request-URI inside `< >` (§3.1.2.7), and a status line
/// that ends right after the code; `.strict` demands the grammar's single SPs.
enum SIPStartLineParser {
    static func parse(_ bytes: [UInt8], _ line: Range<Int>, mode: SIPParsingMode) throws(SIPParseError) -> SIPStartLine {
        var scanner = SIPScanner(bytes: bytes, range: line, mode: mode, context: .startLine, line: 1, columnBase: 1 - line.lowerBound)
        let s = line.lowerBound
        if line.count >= 4, bytes[s] | 0x20 == UInt8(ascii: "s"), bytes[s + 1] | 0x20 == UInt8(ascii: "i"),
           bytes[s + 2] | 0x20 == UInt8(ascii: "p"), bytes[s + 3] == UInt8(ascii: "/") {
            return try statusLine(&scanner)
        }
        return try requestLine(&scanner)
    }

    /// Request-Line = Method SP Request-URI SP SIP-Version CRLF; Method = token
    private static func requestLine(_ scanner: inout SIPScanner) throws(SIPParseError) -> SIPStartLine {
        let method = try scanner.method("a method (token) at the start of the request line")
        guard let next = scanner.current, SIPCharacterClass.isWhitespace(next) else {
            throw scanner.failure(scanner.isAtEnd ? "request line ends after the method" : "character not allowed in a method")
        }
        var end = scanner.end
        while end > scanner.position, SIPCharacterClass.isWhitespace(scanner.bytes[end - 1]) { end -= 1 }
        if scanner.isStrict && end < scanner.end {
            throw scanner.failure("white space after the SIP version (RFC 3261 §7.1, RFC 4475 §3.1.2.10)", at: end)
        }
        guard let lastSpace = scanner.bytes[scanner.position..<end].lastIndex(where: SIPCharacterClass.isWhitespace),
              lastSpace > scanner.position else {
            throw scanner.failure("request line lacks the Request-URI or the SIP version")
        }
        try separator(&scanner)
        var uriEnd = lastSpace
        while !scanner.isStrict, uriEnd > scanner.position, SIPCharacterClass.isWhitespace(scanner.bytes[uriEnd - 1]) { uriEnd -= 1 }
        if scanner.isStrict, uriEnd > scanner.position, SIPCharacterClass.isWhitespace(scanner.bytes[uriEnd - 1]) {
            throw scanner.failure("more than one SP before the SIP version (RFC 3261 §7.1)", at: uriEnd - 1)
        }
        guard uriEnd > scanner.position else { throw scanner.failure("request line lacks the SIP version or the Request-URI") }
        let uri = try scanner.within(scanner.position..<uriEnd) { s throws(SIPParseError) in try requestURI(&s) }
        let version = try scanner.within(lastSpace + 1..<end) { s throws(SIPParseError) in
            let version = try Self.version(&s)
            guard s.isAtEnd else { throw s.failure("unexpected text after the SIP version") }
            return version
        }
        return .request(method: method, uri: uri, version: version)
    }

    /// The single SP between elements; liberal mode takes any run of SP/HTAB.
    private static func separator(_ scanner: inout SIPScanner) throws(SIPParseError) {
        guard scanner.consume(0x20) || !scanner.isStrict && scanner.consume(0x09) else {
            throw scanner.failure("expected SP")
        }
        if let next = scanner.current, SIPCharacterClass.isWhitespace(next) {
            if scanner.isStrict { throw scanner.failure("more than one SP between start-line elements (RFC 3261 §7.1)") }
            scanner.skipWhitespace()
        }
    }

    /// Request-URI = SIP-URI / SIPS-URI / absoluteURI, with no white space inside.
    private static func requestURI(_ scanner: inout SIPScanner) throws(SIPParseError) -> URI {
        if let space = scanner.bytes[scanner.position..<scanner.end].firstIndex(where: SIPCharacterClass.isWhitespace) {
            throw scanner.failure("white space inside the Request-URI (RFC 4475 §3.1.2.8)", at: space)
        }
        if scanner.current == UInt8(ascii: "<") {
            guard !scanner.isStrict, scanner.bytes[scanner.end - 1] == UInt8(ascii: ">"), scanner.end - scanner.position > 2 else {
                throw scanner.failure("Request-URI must not be enclosed in < > (RFC 3261 §7.1, RFC 4475 §3.1.2.7)")
            }
            return try scanner.within(scanner.position + 1..<scanner.end - 1) { s throws(SIPParseError) in try URIParser.uri(&s) }
        }
        return try URIParser.uri(&scanner)
    }

    /// SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT ("SIP" compares case-insensitively).
    static func version(_ scanner: inout SIPScanner) throws(SIPParseError) -> SIPVersion {
        let start = scanner.position
        let letters = scanner.scan(while: SIPCharacterClass.isAlpha)
        let sip: [UInt8] = [UInt8(ascii: "s"), UInt8(ascii: "i"), UInt8(ascii: "p")]
        guard letters.count == 3, zip(scanner.bytes[letters], sip).allSatisfy({ $0 | 0x20 == $1 }),
              scanner.consume(UInt8(ascii: "/")),
              !scanner.scan(while: SIPCharacterClass.isDigit).isEmpty, scanner.consume(UInt8(ascii: ".")),
              !scanner.scan(while: SIPCharacterClass.isDigit).isEmpty else {
            throw scanner.failure("expected a SIP version such as SIP/2.0", at: start)
        }
        let range = start..<scanner.position
        return scanner.bytes[range].withUnsafeBufferPointer(SIPVersion.common) ?? SIPVersion(scanner.text(range))
    }

    /// Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF; Status-Code = 3DIGIT
    /// Reason-Phrase = *(reserved / unreserved / escaped / UTF8-NONASCII / UTF8-CONT / SP / HTAB)
    private static func statusLine(_ scanner: inout SIPScanner) throws(SIPParseError) -> SIPStartLine {
        let version = try version(&scanner)
        try separator(&scanner)
        let codeStart = scanner.position
        let digits = scanner.scan(while: SIPCharacterClass.isDigit)
        guard digits.count == 3 else {
            throw scanner.failure("status code '\(scanner.text(digits))' is not three digits (RFC 3261 §7.2)", at: codeStart)
        }
        let code = scanner.bytes[digits].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard (100...699).contains(code) else {
            throw scanner.failure("status code \(code) is outside 100–699 (RFC 3261 §7.2)", at: codeStart)
        }
        if scanner.isAtEnd {
            if scanner.isStrict { throw scanner.failure("status line lacks the SP before the reason phrase (RFC 3261 §7.2)") }
        } else if !scanner.consume(0x20) && !(!scanner.isStrict && scanner.consume(0x09)) {
            throw scanner.failure("expected SP after the status code")
        }
        if scanner.isStrict, let bad = scanner.bytes[scanner.position..<scanner.end].firstIndex(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }) {
            throw scanner.failure("control character in the reason phrase", at: bad)
        }
        return .response(version: version, statusCode: code, reasonPhrase: scanner.remainingText)
    }
}
