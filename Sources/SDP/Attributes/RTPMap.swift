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

    init(parsing value: ArraySlice<UInt8>) throws(SDPParseError.Problem) {
        let fields = value.fields()
        guard fields.count >= 2 else { throw .missing(fields.isEmpty ? "payload type" : "encoding name") }
        guard fields.count == 2 else { throw .outOfRange("number of sub-fields") }
        payloadType = try RTPMap.payloadType(fields[0])
        let parts = fields[1].pieces(separatedBy: ASCII.slash)
        guard !parts[0].isEmpty else { throw .missing("encoding name") }
        guard parts.count >= 2 else { throw .missing("clock rate") }
        guard parts.count <= 3 else { throw .outOfRange("number of encoding parameters") }
        encodingName = parts[0].string
        clockRate = try parts[1].number("clock rate")
        guard clockRate > 0 else { throw .outOfRange("clock rate") }
        channels = parts.count == 3 ? try parts[2].number("channels") : nil
    }

    /// An RTP payload type, 0–127 (RFC 3550 §5.1: seven bits).
    static func payloadType(_ bytes: ArraySlice<UInt8>) throws(SDPParseError.Problem) -> UInt8 {
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
