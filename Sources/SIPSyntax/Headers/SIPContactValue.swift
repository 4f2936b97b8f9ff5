/// A Contact header value (RFC 3261 §20.10): `*` (only in a REGISTER removing all bindings,
/// §10.2.2) or a list of addresses.
public enum SIPContactValue: Hashable, Sendable, CustomStringConvertible {
    case wildcard
    case addresses([SIPAddress])

    public var serialized: String {
        switch self {
        case .wildcard: "*"
        case .addresses(let addresses): addresses.map(\.serialized).joined(separator: ", ")
        }
    }

    public var description: String { serialized }

    /// Contact = ( STAR / (contact-param *(COMMA contact-param)) ); in strict mode the
    /// `q` (qvalue) and `expires` (delta-seconds, ≤ 2^32-1) parameters are checked too
    /// (RFC 4475 §3.1.2.4).
    public static func parse(_ text: String, mode: SIPParsingMode = .liberal) throws(SIPParseError) -> SIPContactValue {
        let scanner = SIPScanner(text, mode: mode, context: .header("Contact"))
        let elements = try SIPListGrammar.elements(scanner)
        if elements.count == 1, scanner.text(elements[0]) == "*" { return .wildcard }
        guard !elements.isEmpty else { throw scanner.failure("empty Contact") }
        var addresses: [SIPAddress] = []
        for range in elements {
            if scanner.text(range) == "*" { throw scanner.failure("'*' combined with other contacts", at: range.lowerBound) }
            var element = scanner.restricted(to: range)
            let address = try SIPAddressGrammar.address(&element)
            if scanner.isStrict { try SIPAddressGrammar.checkContactParameters(address, element, at: range.lowerBound) }
            addresses.append(address)
        }
        return .addresses(addresses)
    }
}
