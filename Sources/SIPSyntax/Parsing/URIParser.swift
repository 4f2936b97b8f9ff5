/// Grammar functions for the URIs SIP carries (RFC 3261 §19.1, §25.1; RFC 3966; RFC 3986).
/// Each fills the scanner's whole range: callers first delimit the URI (a start-line element,
/// the inside of `< >`, an addr-spec up to its first `;`).
enum URIParser {
    /// Request-URI = SIP-URI / SIPS-URI / absoluteURI; tel URIs are recognised among the latter.
    static func uri(_ scanner: inout SIPScanner) throws(SIPParseError) -> URI {
        let schemeRange = try scheme(&scanner)
        if schemeIs("sip", scanner.bytes, schemeRange) { return .sip(try sipURI(&scanner, secure: false)) }
        if schemeIs("sips", scanner.bytes, schemeRange) { return .sip(try sipURI(&scanner, secure: true)) }
        if schemeIs("tel", scanner.bytes, schemeRange) { return .tel(try telURI(&scanner)) }
        return .other(try absoluteURI(&scanner, scheme: schemeRange))
    }

    /// ASCII case-insensitive comparison of a scheme with a lower-case literal.
    private static func schemeIs(_ literal: StaticString, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        return literal.withUTF8Buffer { expected in
            zip(expected, bytes[range]).allSatisfy { $0 == $1 | 0x20 }
        }
    }

    /// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ":".
    static func scheme(_ scanner: inout SIPScanner) throws(SIPParseError) -> Range<Int> {
        guard let first = scanner.current, SIPCharacterClass.isAlpha(first) else {
            throw scanner.failure("URI must start with a scheme such as 'sip:'")
        }
        let range = try scanner.scan(.scheme)
        guard scanner.consume(UInt8(ascii: ":")) else {
            throw scanner.failure("URI lacks ':' after the scheme '\(scanner.text(range))'")
        }
        return range
    }

    /// SIP-URI = "sip:" [ userinfo ] hostport uri-parameters [ headers ]
    /// userinfo = ( user / telephone-subscriber ) [ ":" password ] "@"
    static func sipURI(_ scanner: inout SIPScanner, secure: Bool) throws(SIPParseError) -> SIPURI {
        // Parts go into locals and the URI is built once: filling a `var uri` across throwing
        // calls made the optimizer copy the whole struct.
        var user: String?, password: String?
        if let (userRange, passwordRange) = try userInfo(&scanner) {
            user = scanner.text(userRange)
            password = passwordRange.map { scanner.text($0) }
        }
        let hostEnd = scanner.bytes[scanner.position..<scanner.end].firstIndex {
            $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "?")
        } ?? scanner.end
        let (host, port) = try scanner.within(scanner.position..<hostEnd) { s throws(SIPParseError) in try HostParser.hostPort(&s) }
        scanner.position = hostEnd
        let parameters = try uriParameters(&scanner)
        var headers: [Parameter] = []
        if scanner.consume(UInt8(ascii: "?")) {
            headers = try uriHeaders(&scanner)
        }
        guard scanner.isAtEnd else {
            throw scanner.failure("unexpected '\(scanner.text(scanner.position..<scanner.position + 1))' in SIP URI")
        }
        return SIPURI(
            isSecure: secure, user: user, password: password, host: host, port: port,
            parameters: parameters, headers: headers)
    }

    /// Finds `userinfo "@"`: the longest run of user/password characters ending in "@".
    /// user = 1*( unreserved / escaped / user-unreserved )
    /// password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," )
    private static func userInfo(_ scanner: inout SIPScanner) throws(SIPParseError) -> (Range<Int>, Range<Int>?)? {
        let start = scanner.position
        let run = try scanner.scan(.userInfo, escapes: true)
        var end = run.upperBound
        // a password may follow ":"; scan on over it
        while scanner.consume(UInt8(ascii: ":")) {
            end = try scanner.scan(.userInfo, escapes: true).upperBound
        }
        guard scanner.current == UInt8(ascii: "@") else {
            scanner.position = start
            return nil
        }
        let colon = scanner.bytes[start..<end].firstIndex(of: UInt8(ascii: ":"))
        let user = start..<(colon ?? end)
        guard !user.isEmpty else { throw scanner.failure("empty user part before '@'") }
        var password: Range<Int>?
        if let colon {
            password = colon + 1..<end
            try scanner.within(colon + 1..<end) { check throws(SIPParseError) in
                _ = try check.scan(.password, escapes: true)
                guard check.isAtEnd else { throw check.failure("character not allowed in a URI password") }
            }
        }
        scanner.position = end + 1
        return (user, password)
    }

    /// uri-parameters = *( ";" uri-parameter ); other-param = pname [ "=" pvalue ]
    /// pname = 1*paramchar; pvalue = 1*paramchar; paramchar = param-unreserved / unreserved / escaped
    static func uriParameters(_ scanner: inout SIPScanner) throws(SIPParseError) -> [Parameter] {
        var parameters: [Parameter] = []
        while scanner.consume(UInt8(ascii: ";")) {
            let name = try scanner.scan(.paramChar, escapes: true)
            guard !name.isEmpty else { throw scanner.failure("empty URI parameter name after ';'") }
            var value: String?
            if scanner.consume(UInt8(ascii: "=")) {
                let range = try scanner.scan(.paramChar, escapes: true)
                guard !range.isEmpty else { throw scanner.failure("empty value for URI parameter '\(scanner.text(name))'") }
                value = scanner.text(range)
            }
            parameters.append(Parameter(scanner.text(name), value))
        }
        return parameters
    }

    /// headers = "?" header *( "&" header ); header = hname "=" hvalue
    /// hname = 1*( hnv-unreserved / unreserved / escaped ); hvalue = *( same )
    private static func uriHeaders(_ scanner: inout SIPScanner) throws(SIPParseError) -> [Parameter] {
        var headers: [Parameter] = []
        repeat {
            let name = try scanner.scan(.headerChar, escapes: true)
            guard !name.isEmpty else { throw scanner.failure("empty URI header name") }
            try scanner.expect(UInt8(ascii: "="), "'=' after URI header name '\(scanner.text(name))'")
            let value = try scanner.scan(.headerChar, escapes: true)
            headers.append(Parameter(scanner.text(name), scanner.text(value)))
        } while scanner.consume(UInt8(ascii: "&"))
        return headers
    }
}
