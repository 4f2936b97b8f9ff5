/// An RTP payload type with the codec it stands for in one media section: what codec
/// negotiation compares (RFC 3264 §6.1 matches by encoding name, clock rate and channels).
public struct PayloadFormat: Sendable, Hashable {
    public var payloadType: UInt8
    public var encodingName: String
    public var clockRate: UInt32
    /// Audio channels; 1 when the rtpmap says nothing (RFC 8866 §6.6).
    public var channels: UInt8
    /// The fmtp parameter text for this payload type, if any.
    public var formatParameters: String?

    public init(payloadType: UInt8, encodingName: String, clockRate: UInt32, channels: UInt8 = 1,
                formatParameters: String? = nil) {
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
        self.formatParameters = formatParameters
    }

    init(rtpMap: RTPMap, formatParameters: String?) {
        self.init(payloadType: rtpMap.payloadType, encodingName: rtpMap.encodingName, clockRate: rtpMap.clockRate,
                  channels: rtpMap.channels ?? 1, formatParameters: formatParameters)
    }

    /// Whether two formats are the same codec: name ignoring case, clock rate and channels.
    public func isSameCodec(as other: PayloadFormat) -> Bool {
        clockRate == other.clockRate && channels == other.channels
            && encodingName.lowercased() == other.encodingName.lowercased()
    }

    /// RFC 4733 named telephone events (DTMF), negotiated beside the voice codec.
    public var isTelephoneEvent: Bool { encodingName.lowercased() == "telephone-event" }

    /// Comfort noise (RFC 3389), which accompanies a voice codec but never replaces it.
    public var isComfortNoise: Bool { encodingName.lowercased() == "cn" }

    /// The static payload types of RFC 3551 §6 (Table 4 and 5) that a peer may use without rtpmap.
    public static func staticAssignment(_ payloadType: UInt8) -> PayloadFormat? {
        let entry: (String, UInt32, UInt8)
        switch payloadType {
        case 0: entry = ("PCMU", 8000, 1)
        case 3: entry = ("GSM", 8000, 1)
        case 4: entry = ("G723", 8000, 1)
        case 5: entry = ("DVI4", 8000, 1)
        case 6: entry = ("DVI4", 16000, 1)
        case 7: entry = ("LPC", 8000, 1)
        case 8: entry = ("PCMA", 8000, 1)
        case 9: entry = ("G722", 8000, 1)
        case 10: entry = ("L16", 44100, 2)
        case 11: entry = ("L16", 44100, 1)
        case 12: entry = ("QCELP", 8000, 1)
        case 13: entry = ("CN", 8000, 1)
        case 14: entry = ("MPA", 90000, 1)
        case 15: entry = ("G728", 8000, 1)
        case 16: entry = ("DVI4", 11025, 1)
        case 17: entry = ("DVI4", 22050, 1)
        case 18: entry = ("G729", 8000, 1)
        case 25: entry = ("CelB", 90000, 1)
        case 26: entry = ("JPEG", 90000, 1)
        case 28: entry = ("nv", 90000, 1)
        case 31: entry = ("H261", 90000, 1)
        case 32: entry = ("MPV", 90000, 1)
        case 33: entry = ("MP2T", 90000, 1)
        case 34: entry = ("H263", 90000, 1)
        default: return nil
        }
        return PayloadFormat(payloadType: payloadType, encodingName: entry.0, clockRate: entry.1, channels: entry.2)
    }
}
