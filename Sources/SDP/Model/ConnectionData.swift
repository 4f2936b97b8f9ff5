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
    init(parsing value: ArraySlice<UInt8>) throws(SDPParseError.Problem) {
        let fields = value.fields()
        guard fields.count >= 3 else {
            throw .missing(["network type", "address type", "connection address"][fields.count])
        }
        guard fields.count == 3 else { throw .outOfRange("number of sub-fields") }
        networkType = fields[0].string
        addressType = AddressType(parsing: fields[1])
        let parts = fields[2].pieces(separatedBy: ASCII.slash)
        address = parts[0].string
        guard !parts[0].isEmpty else { throw .missing("connection address") }
        switch addressType {
        case .ipv4:
            guard parts.count <= 3 else { throw .outOfRange("multicast suffix") }
            ttl = parts.count > 1 ? try parts[1].number("TTL") : nil
            numberOfAddresses = parts.count > 2 ? try parts[2].number("number of addresses") : nil
        case .ipv6:
            guard parts.count <= 2 else { throw .outOfRange("multicast suffix") }
            numberOfAddresses = parts.count > 1 ? try parts[1].number("number of addresses") : nil
        case .other:
            address = fields[2].string
        }
    }

    var sdpValue: String {
        var text = "\(networkType) \(addressType) \(address)"
        if let ttl { text += "/\(ttl)" }
        if let numberOfAddresses { text += "/\(numberOfAddresses)" }
        return text
    }
}
