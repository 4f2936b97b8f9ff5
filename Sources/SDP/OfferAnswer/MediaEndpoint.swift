/// One end of an RTP session: where RTP and RTCP are received.
public struct MediaEndpoint: Sendable, Hashable {
    public var address: String
    public var rtpPort: UInt16
    /// Differs from `address` only when `a=rtcp` names another address (RFC 3605).
    public var rtcpAddress: String
    /// `a=rtcp`'s port, else the RTP port + 1 (RFC 3550 §11), or the RTP port when multiplexed.
    public var rtcpPort: UInt16

    public init(address: String, rtpPort: UInt16, rtcpAddress: String? = nil, rtcpPort: UInt16) {
        self.address = address
        self.rtpPort = rtpPort
        self.rtcpAddress = rtcpAddress ?? address
        self.rtcpPort = rtcpPort
    }

    public var addressType: AddressType { AddressType(inferringFrom: address) }

    /// The endpoint a media section describes, with RTCP found as RFC 3605 and RFC 5761 say.
    init(connection: ConnectionData, media: MediaDescription, multiplexed: Bool) {
        let rtcp = media.rtcp
        let rtcpPort: UInt16
        if multiplexed {
            rtcpPort = media.port
        } else if let rtcp {
            rtcpPort = rtcp.port
        } else {
            rtcpPort = media.port == .max ? media.port : media.port + 1
        }
        let rtcpAddress = multiplexed ? nil : rtcp?.connection.map { Self.bare($0.address) }
        self.init(address: Self.bare(connection.address), rtpPort: media.port, rtcpAddress: rtcpAddress,
                  rtcpPort: rtcpPort)
    }

    /// An address without the brackets some peers put around IPv6 literals.
    private static func bare(_ address: String) -> String {
        guard address.hasPrefix("["), address.hasSuffix("]") else { return address }
        return String(address.dropFirst().dropLast())
    }
}
