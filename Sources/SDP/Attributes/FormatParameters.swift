/// `a=fmtp:<format> <format specific parameters>` (RFC 8866 §6.15).
///
/// The parameter text is kept verbatim: its syntax belongs to each codec's RFC (telephone-event
/// says `0-16`, opus says `minptime=10;useinbandfec=1`, H.263 separates with spaces).
/// `parameters` reads the common `key=value;...` form when a caller needs values.
public struct FormatParameters: Sendable, Hashable {
    /// The format it applies to: a payload type for RTP, a token such as `webrtc-datachannel` otherwise.
    public var format: String
    public var parameterText: String

    public init(format: String, parameterText: String) {
        self.format = format
        self.parameterText = parameterText
    }

    public init(payloadType: UInt8, parameterText: String) {
        self.init(format: String(payloadType), parameterText: parameterText)
    }

    /// The format as an RTP payload type, when it is one.
    public var payloadType: UInt8? {
        withBytes(of: format) { $0.decimal(UInt8.self) }.flatMap { $0 <= 127 ? $0 : nil }
    }

    /// The `;`-separated `name[=value]` items, spaces around them dropped (FreeSWITCH writes
    /// `useinbandfec=1; maxaveragebitrate=18000`).
    public var parameters: [FormatParameter] {
        withBytes(of: parameterText) { text in
            text.pieces(separatedBy: ASCII.semicolon).compactMap { piece in
                let item = piece.trimmingWhitespace()
                guard !item.isEmpty else { return nil }
                let (name, value) = item.splitOnce(at: ASCII.equals)
                return FormatParameter(name: name.trimmingWhitespace().string, value: value?.trimmingWhitespace().string)
            }
        }
    }

    /// The value of the parameter `name`, matched case-insensitively (RFC 7587 §7 names are
    /// case-insensitive for opus, and no codec gives case meaning).
    public func value(for name: String) -> String? {
        let wanted = name.lowercased()
        return parameters.first { $0.name.lowercased() == wanted }?.value
    }

    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let (format, rest) = value.splitFirstField()
        guard !format.isEmpty else { throw .missing("format") }
        self.format = format.string
        parameterText = rest.string
    }

    var sdpValue: String { parameterText.isEmpty ? format : "\(format) \(parameterText)" }
}

/// One `name[=value]` item of an fmtp parameter list.
public struct FormatParameter: Sendable, Hashable {
    public var name: String
    public var value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}
