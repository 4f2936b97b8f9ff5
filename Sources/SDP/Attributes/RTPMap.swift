/// `a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]`
/// (RFC 8866 §6.6): what a payload type number means in this description.
///
/// Dynamic payload types (96–127, RFC 3551 §3) mean nothing without one, so a malformed
/// rtpmap is an error: guessing would pick the wrong codec.
public struct RTPMap: Sendable, Hashable {
    public var payloadType: UInt8
    /// As written; compare case-insensitively (`pcmu` and `PCMU` are the same codec).
    public var encodingName: String
    public var clockRate: UInt32
    /// For audio, the number of channels; absent means one (RFC 8866 §6.6).
    public var channels: UInt8?

    public init(payloadType: UInt8, encodingName: String, clockRate: UInt32, channels: UInt8? = nil) {
        self.payloadType = payloadType
        self.encodingName = encodingName
        self.clockRate = clockRate
        self.channels = channels
    }

    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        var cursor = FieldCursor(value)
        payloadType = try RTPMap.payloadType(try cursor.next("payload type"))
        let encoding = try cursor.next("encoding name")
        try cursor.expectEnd()
        let (name, rateAndParameters) = encoding.splitOnce(at: ASCII.slash)
        guard !name.isEmpty else { throw .missing("encoding name") }
        guard let rateAndParameters else { throw .missing("clock rate") }
        let (rate, parameters) = rateAndParameters.splitOnce(at: ASCII.slash)
        encodingName = name.string
        clockRate = try rate.number("clock rate")
        guard clockRate > 0 else { throw .outOfRange("clock rate") }
        guard parameters?.contains(ASCII.slash) != true else { throw .outOfRange("number of encoding parameters") }
        if let parameters { channels = try parameters.number("channels") } else { channels = nil }
    }

    /// An RTP payload type, 0–127 (RFC 3550 §5.1: seven bits).
    static func payloadType(_ bytes: SDPBytes) throws(SDPParseError.Problem) -> UInt8 {
        let value: UInt8 = try bytes.number("payload type")
        guard value <= 127 else { throw .outOfRange("payload type") }
        return value
    }

    var sdpValue: String {
        var text = "\(payloadType) \(encodingName)/\(clockRate)"
        if let channels { text += "/\(channels)" }
        return text
    }
}
