/// Shared grammar pieces of header values (RFC 3261 §25.1): comma-separated lists and
/// `*( SEMI generic-param )` parameter lists.
enum SIPListGrammar {
    /// Splits a list value on commas outside quoted strings and `< >`; returns each element's
    /// range with surrounding white space trimmed. An empty element (`a,,b`, `a,`) is an error
    /// in strict mode (SIP's list rules have no null elements) and skipped in liberal mode.
    static func elements(_ scanner: SIPScanner) throws(SIPParseError) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = scanner.position, index = scanner.position
        var inQuotes = false, angleDepth = 0
        let bytes = scanner.bytes
        while index <= scanner.end {
            let atEnd = index == scanner.end
            let byte = atEnd ? UInt8(ascii: ",") : bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\\") { index += 1 } else if byte == UInt8(ascii: "\"") { inQuotes = false }
            } else if byte == UInt8(ascii: "\"") {
                inQuotes = true
            } else if byte == UInt8(ascii: "<") {
                angleDepth += 1
            } else if byte == UInt8(ascii: ">") {
                angleDepth = max(0, angleDepth - 1)
            } else if byte == UInt8(ascii: ","), angleDepth == 0 || atEnd {
                let range = trimmed(bytes, start..<index)
                if range.isEmpty {
                    if scanner.isStrict { throw scanner.failure("empty list element", at: index) }
                } else {
                    ranges.append(range)
                }
                start = index + 1
            }
            if atEnd && inQuotes { throw scanner.failure("unterminated quoted string", at: start) }
            index += 1
        }
        return ranges
    }

    /// The range without leading and trailing SP/HTAB.
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, SIPCharacterClass.isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, SIPCharacterClass.isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// *( SEMI generic-param ) filling the rest of the scanner.
    /// generic-param = token [ EQUAL gen-value ]; gen-value = token / host / quoted-string
    /// `bareIPv6` names parameters whose value may be an unbracketed IPv6 address (Via
    /// `received`, RFC 3261 §18.2.1 / RFC 5118 §4.5).
    static func genericParameters(_ scanner: inout SIPScanner, bareIPv6: Set<String> = []) throws(SIPParseError) -> [Parameter] {
        var parameters: [Parameter] = []
        scanner.skipWhitespace()
        while !scanner.isAtEnd {
            guard scanner.consumeSeparator(UInt8(ascii: ";")) else {
                throw scanner.failure("expected ';' before a parameter, found '\(scanner.text(scanner.position..<scanner.position + 1))'")
            }
            let name = try scanner.token("a parameter name after ';'")
            var value: String?
            if scanner.consumeSeparator(UInt8(ascii: "=")) {
                value = try genericValue(&scanner, parameter: name, bareIPv6: bareIPv6.contains(name.lowercased()))
            }
            parameters.append(Parameter(name, value))
            scanner.skipWhitespace()
        }
        return parameters
    }

    /// gen-value = token / host / quoted-string, kept as written (quotes included).
    static func genericValue(_ scanner: inout SIPScanner, parameter: String, bareIPv6: Bool) throws(SIPParseError) -> String {
        if scanner.current == UInt8(ascii: "\"") {
            return scanner.text(try scanner.quotedString())
        }
        let range = scanner.scan { byte in
            SIPCharacterClass.isToken(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
        }
        guard !range.isEmpty else { throw scanner.failure("missing value for parameter '\(parameter)'") }
        if scanner.isStrict && !scanner.bytes[range].allSatisfy(SIPCharacterClass.isToken) {
            let bracketed = scanner.bytes[range.lowerBound] == UInt8(ascii: "[")
                && scanner.bytes[range.upperBound - 1] == UInt8(ascii: "]")
                && HostParser.ipv6Form(scanner.bytes, range.lowerBound + 1..<range.upperBound - 1) != nil
            let bare = bareIPv6 && HostParser.ipv6Form(scanner.bytes, range) != nil
            guard bracketed || bare else {
                throw scanner.failure("value of '\(parameter)' is not a token, host or quoted string", at: range.lowerBound)
            }
        }
        return scanner.text(range)
    }
}
