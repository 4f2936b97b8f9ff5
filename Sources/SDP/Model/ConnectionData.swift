/// A `c=` line (RFC 8866 §5.7): where the media goes.
///
/// Multicast suffixes are kept as numbers (`/ttl/count` for IPv4, `/count` for IPv6) so a
/// description round-trips. `0.0.0.0` is the RFC 2543 way to put a call on hold, which
/// RFC 3264 §8.4 still requires an answerer to understand; `isUnspecifiedAddress` says so.
public struct ConnectionData: Sendable, Hashable {
    public var networkType: String
    public var addressType: AddressType
    /// The address or host name, without multicast suffixes.
    public var address: String
    /// IPv4 multicast time-to-live.
    public var ttl: UInt8?
    /// Number of consecutive multicast addresses.
    public var numberOfAddresses: UInt32?

    public init(
        networkType: String = "IN", addressType: AddressType? = nil, address: String,
        ttl: UInt8? = nil, numberOfAddresses: UInt32? = nil
    ) {
        self.networkType = networkType
        self.addressType = addressType ?? AddressType(inferringFrom: address)
        self.address = address
        self.ttl = ttl
        self.numberOfAddresses = numberOfAddresses
    }

    /// `0.0.0.0` or `::`: the peer asks not to be sent media (RFC 3264 §8.4, RFC 2543 hold).
    public var isUnspecifiedAddress: Bool {
        switch addressType {
        case .ipv4: address == "0.0.0.0"
        case .ipv6: address == "::" || address == "[::]"
        case .other: false
        }
    }

    /// `c=<nettype> <addrtype> <connection-address>`.
    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        var cursor = FieldCursor(value)
        networkType = try cursor.next("network type").string
        addressType = AddressType(parsing: try cursor.next("address type"))
        let field = try cursor.next("connection address")
        try cursor.expectEnd()
        let (host, suffix) = field.splitOnce(at: ASCII.slash)
        guard !host.isEmpty else { throw .missing("connection address") }
        address = host.string
        switch addressType {
        case .ipv4:
            guard let suffix else { break }
            let (first, second) = suffix.splitOnce(at: ASCII.slash)
            ttl = try first.number("TTL")
            if let second { numberOfAddresses = try second.number("number of addresses") }
        case .ipv6:
            if let suffix { numberOfAddresses = try suffix.number("number of addresses") }
        case .other:
            address = field.string
        }
    }

    var sdpValue: String {
        var text = "\(networkType) \(addressType) \(address)"
        if let ttl { text += "/\(ttl)" }
        if let numberOfAddresses { text += "/\(numberOfAddresses)" }
        return text
    }
}
