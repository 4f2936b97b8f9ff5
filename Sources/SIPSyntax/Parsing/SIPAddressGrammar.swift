/// Grammar functions for addresses (RFC 3261 §25.1, §20.10):
/// name-addr = [ display-name ] LAQUOT addr-spec RAQUOT
/// display-name = *(token LWS) / quoted-string; LAQUOT = SWS "<"; RAQUOT = ">" SWS
enum SIPAddressGrammar {
    /// `( name-addr / addr-spec ) *( SEMI generic-param )` filling the scanner.
    static func address(_ scanner: inout SIPScanner) throws(SIPParseError) -> SIPAddress {
        scanner.skipWhitespace()
        guard !scanner.isAtEnd else { throw scanner.failure("empty address") }
        var displayName: String?
        if scanner.current == UInt8(ascii: "\"") {
            displayName = unquote(scanner.bytes, try scanner.quotedString())
            scanner.skipWhitespace()
            guard scanner.current == UInt8(ascii: "<") else { throw scanner.failure("expected '<' after the display name") }
        } else if scanner.current != UInt8(ascii: "<") {
            let start = scanner.position
            _ = scanner.scan { SIPCharacterClass.isToken($0) }
            let isScheme = scanner.current == UInt8(ascii: ":")
            scanner.position = start
            if isScheme {
                return try addrSpec(&scanner)
            }
            displayName = try tokenDisplayName(&scanner)
        }
        let uri = try angleBracketedURI(&scanner)
        let parameters = try SIPListGrammar.genericParameters(&scanner)
        return SIPAddress(displayName: displayName, uri: uri, parameters: parameters)
    }

    /// *(token LWS) up to "<", words joined by one SP. RFC 4475 §3.1.1.6 (lwsdisp): no LWS
    /// before "<" is accepted in both modes, as the RFC asks.
    private static func tokenDisplayName(_ scanner: inout SIPScanner) throws(SIPParseError) -> String {
        var words: [String] = []
        while let byte = scanner.current, byte != UInt8(ascii: "<") {
            let word = scanner.scan { SIPCharacterClass.isToken($0) }
            guard !word.isEmpty else {
                let character = scanner.text(scanner.position..<scanner.position + 1)
                throw scanner.failure("display name contains '\(character)', which is not a token character: quote the name (RFC 3261 §25.1, RFC 4475 §3.1.2.15)")
            }
            words.append(scanner.text(word))
            scanner.skipWhitespace()
        }
        guard !scanner.isAtEnd else { throw scanner.failure("address has neither '<' nor a URI scheme") }
        return words.joined(separator: " ")
    }

    /// LAQUOT addr-spec RAQUOT; liberal mode trims white space inside the brackets (RFC 4475
    /// §3.1.2.14, badaspec), strict mode reports it.
    private static func angleBracketedURI(_ scanner: inout SIPScanner) throws(SIPParseError) -> URI {
        let open = scanner.position
        try scanner.expect(UInt8(ascii: "<"), "'<'")
        guard let close = scanner.bytes[scanner.position..<scanner.end].firstIndex(of: UInt8(ascii: ">")) else {
            throw scanner.failure("'<' without matching '>'", at: open)
        }
        let inner = SIPListGrammar.trimmed(scanner.bytes, scanner.position..<close)
        if scanner.isStrict && inner != scanner.position..<close {
            let at = inner.lowerBound > scanner.position ? scanner.position : inner.upperBound
            throw scanner.failure("white space inside < > around the URI (RFC 3261 §25.1, RFC 4475 §3.1.2.14)", at: at)
        }
        let uri = try scanner.within(inner) { s throws(SIPParseError) in try URIParser.uri(&s) }
        scanner.position = close + 1
        return uri
    }

    /// addr-spec without brackets: the URI ends at the first ";" (later parameters are header
    /// parameters) or white space. A "?" or "," in it requires `< >` (RFC 3261 §20); liberal mode
    /// takes them as part of the URI (RFC 4475 §3.1.2.13, regbadct).
    private static func addrSpec(_ scanner: inout SIPScanner) throws(SIPParseError) -> SIPAddress {
        let start = scanner.position
        let end = scanner.bytes[start..<scanner.end].firstIndex {
            $0 == UInt8(ascii: ";") || SIPCharacterClass.isWhitespace($0)
        } ?? scanner.end
        if scanner.isStrict, let bad = scanner.bytes[start..<end].firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: ",") }) {
            let character = scanner.text(bad..<bad + 1)
            throw scanner.failure("a URI containing '\(character)' must be enclosed in < > (RFC 3261 §20, RFC 4475 §3.1.2.13)", at: bad)
        }
        let uri = try scanner.within(start..<end) { s throws(SIPParseError) in try URIParser.uri(&s) }
        scanner.position = end
        let parameters = try SIPListGrammar.genericParameters(&scanner)
        return SIPAddress(displayName: nil, uri: uri, parameters: parameters)
    }

    /// The contents of a quoted-string with quoted-pairs resolved.
    static func unquote(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        var out: [UInt8] = []
        var index = range.lowerBound + 1
        while index < range.upperBound - 1 {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < range.upperBound - 1 { index += 1 }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A display name as written on the wire: plain tokens separated by single spaces as they
    /// are, anything else as a quoted-string with `"`, `\` and control characters escaped
    /// (CR and LF, which no quoted-pair may carry, are dropped).
    static func displayNameText(_ name: String) -> String {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        if !name.isEmpty, words.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(SIPCharacterClass.isToken) }) {
            return name
        }
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in name.utf8 where byte != 0x0D && byte != 0x0A {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                out.append(UInt8(ascii: "\\"))
            }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    /// Strict checks of Contact parameters: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
    /// and expires = delta-seconds within 32 bits (RFC 3261 §20.10, §25.1; RFC 4475 §3.1.2.4).
    static func checkContactParameters(_ address: SIPAddress, _ scanner: SIPScanner, at start: Int) throws(SIPParseError) {
        if let q = address.parameters.value("q") {
            guard let q, isQValue(q) else { throw scanner.failure("q=\(q ?? "") is not a qvalue from 0 to 1 with at most three decimals", at: start) }
        }
        if let expires = address.parameters.value("expires") {
            guard let expires, !expires.isEmpty, expires.utf8.allSatisfy(SIPCharacterClass.isDigit), UInt32(expires) != nil else {
                throw scanner.failure("expires=\(expires ?? "") is not delta-seconds below 2^32 (RFC 3261 §20.10)", at: start)
            }
        }
    }

    static func isQValue(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return false }
        if bytes.count == 1 { return true }
        guard bytes[1] == UInt8(ascii: "."), bytes.count <= 5 else { return false }
        let decimals = bytes[2...]
        return first == UInt8(ascii: "0") ? decimals.allSatisfy(SIPCharacterClass.isDigit) : decimals.allSatisfy { $0 == UInt8(ascii: "0") }
    }
}
