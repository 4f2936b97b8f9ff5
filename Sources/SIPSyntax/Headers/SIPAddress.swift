/// A `name-addr` or `addr-spec` with header parameters (RFC 3261 §25.1): the value of From, To,
/// Reply-To and Refer-To, and one element of Contact, Route and Record-Route.
///
/// Parameters after an addr-spec without `< >` belong to the header, not the URI (RFC 3261
/// §20.10; RFC 4475 §3.3.12–13, cparam01/cparam02). The form the address arrived in is not kept:
/// `serialized` always writes `< >`, which is valid everywhere and keeps URI parameters apart.
public struct SIPAddress: Hashable, Sendable, CustomStringConvertible {
    /// The display name, unquoted and unescaped; nil when absent. `""` for an empty quoted one.
    public var displayName: String?
    public var uri: URI
    /// Header parameters (`tag`, `expires`, `q`, `lr` on Route, …), values kept as written
    /// (a quoted value keeps its quotes).
    public var parameters: [Parameter]

    public init(displayName: String? = nil, uri: URI, parameters: [Parameter] = []) {
        self.displayName = displayName
        self.uri = uri
        self.parameters = parameters
    }

    /// The `tag` parameter of From/To (RFC 3261 §19.3).
    public var tag: String? { parameters.value("tag") ?? nil }

    /// The Contact `expires` parameter (RFC 3261 §10.2.1.1), nil when absent or not a number.
    public var expires: UInt32? { (parameters.value("expires") ?? nil).flatMap { UInt32($0) } }

    /// The Contact `q` parameter (RFC 3261 §20.10), nil when absent or not a number.
    public var q: Double? { (parameters.value("q") ?? nil).flatMap { Double($0) } }

    /// `["display name"] <uri>;params`, re-quoting the display name when it is not plain tokens.
    public var serialized: String {
        var text = ""
        if let displayName {
            text = SIPAddressGrammar.displayNameText(displayName) + " "
        }
        text += "<" + uri.description + ">"
        for parameter in parameters { text += ";" + parameter.description }
        return text
    }

    public var description: String { serialized }

    /// Parses one address: `( name-addr / addr-spec ) *( SEMI generic-param )`.
    /// `header` names the field for error messages.
    public static func parse(_ text: String, header: String = "address", mode: SIPParsingMode = .liberal) throws(SIPParseError) -> SIPAddress {
        var scanner = SIPScanner(text, mode: mode, context: .header(header))
        return try SIPAddressGrammar.address(&scanner)
    }
}

extension SIPAddress {
    /// Parses a comma-separated list of addresses (Route, Record-Route, Path…). With
    /// `nameAddrOnly`, strict mode demands `< >` as `route-param = name-addr *( SEMI rr-param )`
    /// does (RFC 3261 §20.30, §20.34).
    public static func parseList(
        _ text: String, header: String, nameAddrOnly: Bool = false, mode: SIPParsingMode = .liberal
    ) throws(SIPParseError) -> [SIPAddress] {
        let scanner = SIPScanner(text, mode: mode, context: .header(header))
        var addresses: [SIPAddress] = []
        for range in try SIPListGrammar.elements(scanner) {
            var element = scanner.restricted(to: range)
            let address = try SIPAddressGrammar.address(&element)
            if nameAddrOnly && mode == .strict && !scanner.bytes[range].contains(UInt8(ascii: "<")) {
                throw scanner.failure("\(header) entries must be name-addr, enclosed in < > (RFC 3261 §25.1)", at: range.lowerBound)
            }
            addresses.append(address)
        }
        guard !addresses.isEmpty else { throw scanner.failure("empty \(header)") }
        return addresses
    }
}
