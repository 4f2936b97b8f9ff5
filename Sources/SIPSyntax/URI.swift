/// Any URI that can stand where SIP allows a URI (RFC 3261 §25.1 `Request-URI`, `addr-spec`):
/// a SIP or SIPS URI, a tel URI (RFC 3966), or any other absolute URI, which must still parse so
/// that an endpoint can answer 416 Unsupported URI Scheme (RFC 4475 §3.3.1).
public enum URI: Hashable, Sendable, CustomStringConvertible, SIPWireWritable {
    case sip(SIPURI)
    case tel(TelURI)
    case other(AbsoluteURI)

    /// The scheme in lower case ("sip", "sips", "tel", "mailto", …).
    public var scheme: String {
        switch self {
        case .sip(let uri): uri.isSecure ? "sips" : "sip"
        case .tel: "tel"
        case .other(let uri): uri.scheme.lowercased()
        }
    }

    /// The SIP URI, if this is one.
    public var sipURI: SIPURI? {
        switch self {
        case .sip(let uri): uri
        case .tel, .other: nil
        }
    }

    public var description: String {
        switch self {
        case .sip(let uri): uri.description
        case .tel(let uri): uri.description
        case .other(let uri): uri.description
        }
    }

    func write(to out: inout SIPWireWriter) {
        switch self {
        case .sip(let uri): uri.write(to: &out)
        case .tel(let uri): uri.write(to: &out)
        case .other(let uri): uri.write(to: &out)
        }
    }
}

/// The host part of a SIP URI or Via (RFC 3261 §25.1 `host`).
public enum Host: Hashable, Sendable, CustomStringConvertible, SIPWireWritable {
    /// A domain name, compared case-insensitively; kept as written.
    case hostname(String)
    /// A dotted IPv4 address.
    case ipv4(String)
    /// An IPv6 address without the brackets of an IPv6 reference (RFC 5118).
    case ipv6(String)

    /// The host as it is written in a URI: IPv6 addresses in brackets.
    public var description: String {
        switch self {
        case .hostname(let name): name
        case .ipv4(let address): address
        case .ipv6(let address): "[\(address)]"
        }
    }

    func write(to out: inout SIPWireWriter) {
        switch self {
        case .hostname(let text), .ipv4(let text): out.write(text)
        case .ipv6(let address):
            out.write(UInt8(ascii: "["))
            out.write(address)
            out.write(UInt8(ascii: "]"))
        }
    }
}

/// A `name[=value]` parameter of a URI or header (RFC 3261 §19.1.1, §7.3.1). Names compare
/// case-insensitively in most places; they are kept as written so nothing changes on relay.
public struct Parameter: Hashable, Sendable, CustomStringConvertible, SIPWireWritable {
    public var name: String
    public var value: String?

    public init(_ name: String, _ value: String? = nil) {
        self.name = name
        self.value = value
    }

    public var description: String { value.map { "\(name)=\($0)" } ?? name }

    func write(to out: inout SIPWireWriter) {
        out.write(name)
        if let value {
            out.write(UInt8(ascii: "="))
            out.write(value)
        }
    }
}

extension Array where Element == Parameter {
    /// The value of the first parameter with this name (case-insensitive); `.some(nil)` for a
    /// parameter present without a value, such as `;lr` or `;rport`.
    public func value(_ name: String) -> String?? {
        guard let found = first(where: { $0.name.caseInsensitiveEquals(name) }) else { return nil }
        return .some(found.value)
    }

    /// Whether a parameter with this name is present (case-insensitive).
    public func contains(_ name: String) -> Bool {
        contains { $0.name.caseInsensitiveEquals(name) }
    }
}

extension String {
    /// ASCII case-insensitive comparison, cheaper than lowercasing both sides.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { x, y in
            x == y || (x | 0x20 == y | 0x20 && (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A)
        }
    }
}
