/// Grammar functions for `host`, `port` and IP addresses (RFC 3261 §25.1, RFC 5118).
///
/// **Unbracketed IPv6.** RFC 3261 §19.1.1 and RFC 5118 §4.2 require `[ ]` around an IPv6 address
/// in a URI or Via; real phones still send `sip:4321@fec0:0:0:0:216:d3ff:fe0d:22c:5060`
/// (sip-real/invite_ipv6_unbracketed_uris_valid8.sip). In `.liberal` mode a host with two or
/// more colons and no brackets is read as IPv6 when exactly one reading exists: the whole text
/// is an address (no port), or the text up to the last colon is an address and the rest a
/// decimal port. When both readings are valid (`2001:db8::10:5070`) the host is ambiguous and
/// refused, as is anything neither reading explains. `.strict` mode (sip-lint) refuses every
/// unbracketed IPv6 host with a pointer to RFC 5118 §4.2. The address is stored without
/// brackets and always written back with them, so what we relay is well-formed.
enum HostParser {
    /// Parses `hostport` filling the scanner's whole remaining range (the caller delimits it).
    /// hostport = host [ ":" port ]; host = hostname / IPv4address / IPv6reference
    static func hostPort(_ scanner: inout SIPScanner) throws(SIPParseError) -> (Host, UInt16?) {
        guard let first = scanner.current else { throw scanner.failure("missing host") }
        if first == UInt8(ascii: "[") {
            let host = try ipv6Reference(&scanner)
            return (host, try optionalPort(&scanner))
        }
        let colons = scanner.bytes[scanner.position..<scanner.end].reduce(0) { $1 == UInt8(ascii: ":") ? $0 + 1 : $0 }
        if colons >= 2 {
            return try unbracketedIPv6(&scanner)
        }
        let nameRange = scanner.scan { $0 != UInt8(ascii: ":") }
        let host = try host(scanner, nameRange)
        return (host, try optionalPort(&scanner))
    }

    /// IPv6reference = "[" IPv6address "]"
    static func ipv6Reference(_ scanner: inout SIPScanner) throws(SIPParseError) -> Host {
        let open = scanner.position
        try scanner.expect(UInt8(ascii: "["), "'['")
        let inner = scanner.scan { $0 != UInt8(ascii: "]") }
        guard scanner.consume(UInt8(ascii: "]")) else { throw scanner.failure("IPv6 reference lacks ']'", at: open) }
        guard ipv6Form(scanner.bytes, inner) != nil else {
            throw scanner.failure("'\(scanner.text(inner))' is not an IPv6 address", at: inner.lowerBound)
        }
        return .ipv6(scanner.text(inner))
    }

    /// [ ":" port ] filling the rest of the range; port = 1*DIGIT (≤ 65535).
    static func optionalPort(_ scanner: inout SIPScanner) throws(SIPParseError) -> UInt16? {
        guard !scanner.isAtEnd else { return nil }
        try scanner.expect(UInt8(ascii: ":"), "':' before the port")
        let port = try scanner.number("port", maximum: 65535)
        guard scanner.isAtEnd else { throw scanner.failure("unexpected character after the port") }
        return UInt16(port)
    }

    /// A host without port: IPv4address, hostname, or (liberal) a bare IPv6 address.
    static func host(_ scanner: SIPScanner, _ range: Range<Int>) throws(SIPParseError) -> Host {
        guard !range.isEmpty else { throw scanner.failure("missing host", at: range.lowerBound) }
        if isIPv4(scanner.bytes, range) { return .ipv4(scanner.text(range)) }
        if isHostname(scanner.bytes, range, strict: scanner.isStrict) { return .hostname(scanner.text(range)) }
        throw scanner.failure("'\(scanner.text(range))' is not a host name or IPv4 address", at: range.lowerBound)
    }

    private static func unbracketedIPv6(_ scanner: inout SIPScanner) throws(SIPParseError) -> (Host, UInt16?) {
        let range = scanner.position..<scanner.end
        let text = scanner.text(range)
        if scanner.isStrict {
            throw scanner.failure("IPv6 address '\(text)' must be enclosed in [ ] (RFC 5118 §4.2, RFC 3261 §25.1)")
        }
        let whole = ipv6Form(scanner.bytes, range) != nil
        var split: (Host, UInt16)?
        if let colon = scanner.bytes[range].lastIndex(of: UInt8(ascii: ":")),
           ipv6Form(scanner.bytes, range.lowerBound..<colon) != nil,
           let port = decimalPort(scanner.bytes, colon + 1..<range.upperBound) {
            split = (.ipv6(scanner.text(range.lowerBound..<colon)), port)
        }
        scanner.position = range.upperBound
        switch (whole, split) {
        case (true, nil): return (.ipv6(text), nil)
        case (false, let split?): return (split.0, split.1)
        case (true, .some):
            throw scanner.failure("unbracketed IPv6 '\(text)' is ambiguous: the last group may be a port (RFC 5118 §4.3)", at: range.lowerBound)
        case (false, nil):
            throw scanner.failure("'\(text)' is not a host: too many colons for a name and not an IPv6 address", at: range.lowerBound)
        }
    }

    private static func decimalPort(_ bytes: [UInt8], _ range: Range<Int>) -> UInt16? {
        guard !range.isEmpty, range.count <= 5, bytes[range].allSatisfy(SIPCharacterClass.isDigit) else { return nil }
        let value = bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return value <= 65535 ? UInt16(value) : nil
    }
}
