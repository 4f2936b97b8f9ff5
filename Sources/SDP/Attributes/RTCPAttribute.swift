/// `a=rtcp:<port> [<nettype> <addrtype> <connection-address>]` (RFC 3605 §2.1): where the
/// peer wants RTCP when it is not on the RTP port + 1, which NATs and pjsip make common.
public struct RTCPAttribute: Sendable, Hashable {
    public var port: UInt16
    /// The RTCP address when it differs from the media's `c=` address.
    public var connection: ConnectionData?

    public init(port: UInt16, connection: ConnectionData? = nil) {
        self.port = port
        self.connection = connection
    }

    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let (portBytes, rest) = value.splitFirstField()
        port = try portBytes.number("port")
        connection = rest.isEmpty ? nil : try ConnectionData(parsing: rest)
    }

    var sdpValue: String {
        connection.map { "\(port) \($0.sdpValue)" } ?? String(port)
    }
}
