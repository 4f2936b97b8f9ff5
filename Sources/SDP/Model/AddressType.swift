/// The `<addrtype>` of `o=`, `c=` and `a=rtcp` (RFC 8866 §5.2, §5.7): IP4 and IP6 are the
/// registered values; anything else is kept so an unknown family round-trips.
public enum AddressType: Sendable, Hashable, CustomStringConvertible {
    case ipv4
    case ipv6
    case other(String)

    /// The type of a literal address: IPv6 literals are the only ones with a colon.
    public init(inferringFrom address: String) {
        self = address.utf8.contains(ASCII.colon) ? .ipv6 : .ipv4
    }

    init(parsing bytes: SDPBytes) {
        if bytes.equalsIgnoringCase("IP4") {
            self = .ipv4
        } else if bytes.equalsIgnoringCase("IP6") {
            self = .ipv6
        } else {
            self = .other(bytes.string)
        }
    }

    /// The token as written in SDP (`IP4`, `IP6`).
    public var description: String {
        switch self {
        case .ipv4: "IP4"
        case .ipv6: "IP6"
        case .other(let token): token
        }
    }
}
