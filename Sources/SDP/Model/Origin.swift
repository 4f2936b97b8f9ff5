/// The `o=` line (RFC 8866 §5.2): who made the description and which version of it this is.
///
/// The session id and version are kept as the text the peer sent, because real devices put
/// non-numbers there (a Cisco phone sends `(null)` for both) and RFC 3264 §8 only needs the
/// version compared and incremented, which `sessionVersionNumber` supports when it is numeric.
public struct Origin: Sendable, Hashable {
    public var username: String
    public var sessionID: String
    public var sessionVersion: String
    public var networkType: String
    public var addressType: AddressType
    /// The unicast address, verbatim (one fixture brackets an IPv6 address here).
    public var address: String

    public init(
        username: String = "-", sessionID: String, sessionVersion: String,
        networkType: String = "IN", addressType: AddressType, address: String
    ) {
        self.username = username
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
    }

    /// The session id as a number, when it is one (RFC 8866 says it is, peers disagree).
    public var sessionIDNumber: UInt64? { withBytes(of: sessionID) { $0.decimal() } }

    /// The session version as a number, when it is one.
    public var sessionVersionNumber: UInt64? { withBytes(of: sessionVersion) { $0.decimal() } }

    /// `o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>`.
    /// A username with spaces (seen from some gateways) is tolerated: the last five fields
    /// are fixed, so everything before them is the username.
    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let fields = value.fields()
        guard fields.count >= 6 else { throw .missing(Self.fieldNames[min(fields.count, 5)]) }
        let fixed = fields.suffix(5)
        let base = fixed.startIndex
        username = fields.count == 6 ? fields[0].string : fields.prefix(fields.count - 5).map(\.string).joined(separator: " ")
        sessionID = fixed[base].string
        sessionVersion = fixed[base + 1].string
        networkType = fixed[base + 2].string
        addressType = AddressType(parsing: fixed[base + 3])
        address = fixed[base + 4].string
    }

    private static let fieldNames = [
        "username", "session id", "session version", "network type", "address type", "unicast address",
    ]

    var sdpValue: String {
        "\(username) \(sessionID) \(sessionVersion) \(networkType) \(addressType) \(address)"
    }
}
