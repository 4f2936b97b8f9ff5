/// Tells apart what arrives on one media port: RTP and RTCP sharing it (rtcp-mux, RFC 5761 §4)
/// and the STUN and DTLS packets that ICE and DTLS-SRTP add (RFC 7983 §7).
public enum RTPDemux {
    public enum Kind: Hashable, Sendable {
        case rtp
        case rtcp
        case stun
        case dtls
        case unknown
    }

    /// RFC 5761 §4: RTCP packet types 192–223 fall on RTP payload types 64–95 once the marker
    /// bit is removed, a range RTP avoids when multiplexing; so the second octet decides.
    public static func isRTCP(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 2, bytes[0] >> 6 == 2 else { return false }
        return (64...95).contains(bytes[1] & 0x7F)
    }

    public static func isRTCP(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { isRTCP($0) }
    }

    /// RFC 7983 §7: the first octet picks the protocol (0–3 STUN, 20–63 DTLS, 128–191 RTP/RTCP).
    public static func classify(_ bytes: UnsafeRawBufferPointer) -> Kind {
        guard let first = bytes.first else { return .unknown }
        switch first {
        case 0...3: return .stun
        case 20...63: return .dtls
        case 128...191: return isRTCP(bytes) ? .rtcp : (bytes.count >= 12 ? .rtp : .unknown)
        default: return .unknown
        }
    }

    public static func classify(_ bytes: [UInt8]) -> Kind {
        bytes.withUnsafeBytes { classify($0) }
    }
}
