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
