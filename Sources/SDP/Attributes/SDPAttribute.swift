/// One `a=` line (RFC 8866 §5.13, §6), typed when Dialtone relies on its meaning and kept
/// verbatim otherwise.
///
/// Typed attributes are checked against their RFC's grammar at parse time, so a malformed
/// rtpmap or crypto line is reported with its line number instead of silently changing what
/// gets negotiated. Everything else (`ssrc`, `extmap`, `msid`, `rtcp-fb`, vendor `X-` lines)
/// is `.other` and round-trips byte for byte. Attribute names are matched ignoring case
/// (a Clarent gateway sends `a=SendRecv`); typed ones are written back in lowercase.
public enum SDPAttribute: Sendable, Hashable {
    case rtpMap(RTPMap)
    case formatParameters(FormatParameters)
    /// `a=ptime`, milliseconds of media per packet (RFC 8866 §6.4); fractions are allowed.
    case packetTime(Double)
    /// `a=maxptime` (RFC 8866 §6.5).
    case maximumPacketTime(Double)
    case direction(MediaDirection)
    case rtcp(RTCPAttribute)
    /// `a=rtcp-mux` (RFC 5761 §5.1.1): RTP and RTCP share one port.
    case rtcpMux
    case crypto(CryptoAttribute)
    case fingerprint(Fingerprint)
    case setup(SetupRole)
    /// `a=ice-ufrag` (RFC 8839 §5.4).
    case iceUsernameFragment(String)
    /// `a=ice-pwd` (RFC 8839 §5.4).
    case icePassword(String)
    /// `a=ice-options` (RFC 8839 §5.6), the option tags.
    case iceOptions([String])
    case candidate(ICECandidate)
    /// `a=mid` (RFC 5888 §4): the media section's identification tag.
    case mid(String)
    case group(GroupAttribute)
    /// Any other attribute: `value` is `nil` for a property attribute (`a=name`), the text
    /// after the first colon otherwise (possibly empty or starting with a space).
    case other(name: String, value: String?)

    /// The attribute name as written to the wire.
    public var name: String {
        switch self {
        case .rtpMap: "rtpmap"
        case .formatParameters: "fmtp"
        case .packetTime: "ptime"
        case .maximumPacketTime: "maxptime"
        case .direction(let direction): direction.description
        case .rtcp: "rtcp"
        case .rtcpMux: "rtcp-mux"
        case .crypto: "crypto"
        case .fingerprint: "fingerprint"
        case .setup: "setup"
        case .iceUsernameFragment: "ice-ufrag"
        case .icePassword: "ice-pwd"
        case .iceOptions: "ice-options"
        case .candidate: "candidate"
        case .mid: "mid"
        case .group: "group"
        case .other(let name, _): name
        }
    }

    /// The text after `a=<name>:`, or `nil` for a property attribute.
    public var value: String? {
        switch self {
        case .rtpMap(let map): map.sdpValue
        case .formatParameters(let parameters): parameters.sdpValue
        case .packetTime(let milliseconds), .maximumPacketTime(let milliseconds): Self.format(milliseconds)
        case .direction, .rtcpMux: nil
        case .rtcp(let rtcp): rtcp.sdpValue
        case .crypto(let crypto): crypto.sdpValue
        case .fingerprint(let fingerprint): fingerprint.sdpValue
        case .setup(let role): role.description
        case .iceUsernameFragment(let text), .icePassword(let text), .mid(let text): text
        case .iceOptions(let tags): tags.joined(separator: " ")
        case .candidate(let candidate): candidate.sdpValue
        case .group(let group): group.sdpValue
        case .other(_, let value): value
        }
    }

    /// Milliseconds without a trailing `.0` when whole, so `a=ptime:20` stays `20`.
    private static func format(_ milliseconds: Double) -> String {
        if milliseconds >= 0, milliseconds < 1e15, milliseconds == Double(Int64(milliseconds)) {
            return String(Int64(milliseconds))
        }
        return String(milliseconds)
    }
}
