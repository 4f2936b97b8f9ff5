/// The outcome of one offer/answer exchange for the audio stream: everything the media layer
/// needs to open RTP/RTCP sockets, pick encoder and decoder, send DTMF and key SRTP.
///
/// Always from our point of view, whichever side offered: `direction` is what we may do,
/// `remote` is where we send, `local` where we receive.
public struct NegotiatedMedia: Sendable, Hashable {
    /// Index of the m= line in both offer and answer.
    public var mediaIndex: Int
    /// The section's `a=mid`, when the offer had one.
    public var mid: String?
    public var local: MediaEndpoint
    public var remote: MediaEndpoint
    /// RTP and RTCP share one port each way (RFC 5761): both sides said `a=rtcp-mux`.
    public var isRTCPMultiplexed: Bool
    /// The codec to send with: the first one both sides listed in the answer's order.
    public var codec: NegotiatedCodec
    /// Every codec both sides accept, `codec` first: the peer may switch between them
    /// (RFC 3264 §6.1), so the decoder must know them all. May include comfort noise.
    public var codecs: [NegotiatedCodec]
    /// RFC 4733 events at the clock rate of `codec` when available.
    public var telephoneEvent: NegotiatedCodec?
    /// What we may do: sendrecv, or less when either side holds (RFC 3264 §6.1, §8.4).
    public var direction: MediaDirection
    /// The peer will not receive: its description says sendonly/inactive or has `c=0.0.0.0`
    /// (the RFC 2543 hold that RFC 3264 §8.4 still asks answerers to honour).
    public var isHeldByPeer: Bool
    /// The `a=ptime` the peer asked for, in milliseconds.
    public var remotePacketTime: UInt32?
    public var security: MediaSecurity

    public init(
        mediaIndex: Int, mid: String? = nil, local: MediaEndpoint, remote: MediaEndpoint, isRTCPMultiplexed: Bool,
        codec: NegotiatedCodec, codecs: [NegotiatedCodec], telephoneEvent: NegotiatedCodec?,
        direction: MediaDirection, isHeldByPeer: Bool, remotePacketTime: UInt32?, security: MediaSecurity
    ) {
        self.mediaIndex = mediaIndex
        self.mid = mid
        self.local = local
        self.remote = remote
        self.isRTCPMultiplexed = isRTCPMultiplexed
        self.codec = codec
        self.codecs = codecs
        self.telephoneEvent = telephoneEvent
        self.direction = direction
        self.isHeldByPeer = isHeldByPeer
        self.remotePacketTime = remotePacketTime
        self.security = security
    }
}

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

/// A codec both sides agreed on, with the payload type numbers each direction uses: RTP we
/// send carries the number from the peer's description, RTP we receive the one from ours
/// (RFC 3264 §5.1). When we answer they are the same, since we adopt the offerer's numbers.
public struct NegotiatedCodec: Sendable, Hashable {
    public var encodingName: String
    public var clockRate: UInt32
    public var channels: UInt8
    public var sendPayloadType: UInt8
    public var receivePayloadType: UInt8
    /// The peer's fmtp: how it wants to receive (e.g. opus `maxplaybackrate`).
    public var remoteFormatParameters: String?
    /// Our fmtp: how we asked to receive.
    public var localFormatParameters: String?

    public init(encodingName: String, clockRate: UInt32, channels: UInt8, sendPayloadType: UInt8,
                receivePayloadType: UInt8, remoteFormatParameters: String? = nil, localFormatParameters: String? = nil) {
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
        self.sendPayloadType = sendPayloadType
        self.receivePayloadType = receivePayloadType
        self.remoteFormatParameters = remoteFormatParameters
        self.localFormatParameters = localFormatParameters
    }

    init(remote: PayloadFormat, local: PayloadFormat) {
        self.init(encodingName: remote.encodingName, clockRate: remote.clockRate, channels: remote.channels,
                  sendPayloadType: remote.payloadType, receivePayloadType: local.payloadType,
                  remoteFormatParameters: remote.formatParameters, localFormatParameters: local.formatParameters)
    }

    public var isTelephoneEvent: Bool { encodingName.lowercased() == "telephone-event" }
    public var isComfortNoise: Bool { encodingName.lowercased() == "cn" }
}
