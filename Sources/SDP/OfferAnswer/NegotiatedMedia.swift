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
    /// Every codec both sides accept, in the order of the description that decided (the offer
    /// when we answered, the answer when we offered): the peer may switch between them
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
