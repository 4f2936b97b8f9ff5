/// A codec this phone can send and receive, as the caller configures it, in the form it is
/// offered (RFC 3264 §5.1: an rtpmap for each payload type, fmtp where the codec has one).
///
/// `payloadType` is the static number of RFC 3551 for static codecs and our preferred number
/// for dynamic ones; in an answer the offerer's number wins (RFC 3264 §6.1).
public struct Codec: Sendable, Hashable {
    public var encodingName: String
    public var clockRate: UInt32
    public var channels: UInt8
    public var payloadType: UInt8
    /// The fmtp parameters we want to receive with, if any.
    public var formatParameters: String?

    public init(encodingName: String, clockRate: UInt32, channels: UInt8 = 1, payloadType: UInt8,
                formatParameters: String? = nil) {
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
        self.payloadType = payloadType
        self.formatParameters = formatParameters
    }

    /// G.711 µ-law, static payload type 0 (RFC 3551 §4.5.14).
    public static let pcmu = Codec(encodingName: "PCMU", clockRate: 8000, payloadType: 0)
    /// G.711 A-law, static payload type 8.
    public static let pcma = Codec(encodingName: "PCMA", clockRate: 8000, payloadType: 8)
    /// G.722, static payload type 9; its RTP clock is 8000 though it samples at 16 kHz (RFC 3551 §4.5.2).
    public static let g722 = Codec(encodingName: "G722", clockRate: 8000, payloadType: 9)

    /// Opus (RFC 7587 §7): always `opus/48000/2` in SDP whatever is actually sent.
    public static func opus(payloadType: UInt8 = 111, formatParameters: String? = "minptime=10;useinbandfec=1") -> Codec {
        Codec(encodingName: "opus", clockRate: 48000, channels: 2, payloadType: payloadType,
              formatParameters: formatParameters)
    }

    /// RFC 4733 DTMF events; `0-16` are the digits, `*`, `#`, A–D and flash.
    public static func telephoneEvent(payloadType: UInt8 = 101, events: String = "0-16") -> Codec {
        Codec(encodingName: "telephone-event", clockRate: 8000, payloadType: payloadType, formatParameters: events)
    }

    /// Whether this is RFC 4733 telephone-event, which rides beside a voice codec.
    public var isTelephoneEvent: Bool { encodingName.lowercased() == "telephone-event" }

    /// Comfort noise (RFC 3389), which rides beside a voice codec.
    public var isComfortNoise: Bool { encodingName.lowercased() == "cn" }

    /// A dynamic payload type (RFC 3551 §3: 96–127) must be announced with an rtpmap and may be renumbered.
    public var hasDynamicPayloadType: Bool { payloadType >= 96 }

    var payloadFormat: PayloadFormat {
        PayloadFormat(payloadType: payloadType, encodingName: encodingName, clockRate: clockRate, channels: channels,
                      formatParameters: formatParameters)
    }

    var rtpMap: RTPMap {
        RTPMap(payloadType: payloadType, encodingName: encodingName, clockRate: clockRate,
               channels: channels == 1 ? nil : channels)
    }
}
