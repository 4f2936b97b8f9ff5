/// The `<proto>` of an `m=` line (RFC 8866 §5.14), kept as written.
///
/// A struct rather than an enum because the registry keeps growing (`UDP/TLS/RTP/SAVPF`,
/// `UDP/DTLS/SCTP`, `TCP/RTP/AVP`, `udptl`); what offer/answer needs are the properties
/// below, which read the profile out of the token case-insensitively.
public struct TransportProtocol: Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public static let rtpAVP = TransportProtocol("RTP/AVP")
    public static let rtpAVPF = TransportProtocol("RTP/AVPF")
    public static let rtpSAVP = TransportProtocol("RTP/SAVP")
    public static let rtpSAVPF = TransportProtocol("RTP/SAVPF")
    public static let udpTLSRTPSAVP = TransportProtocol("UDP/TLS/RTP/SAVP")
    public static let udpTLSRTPSAVPF = TransportProtocol("UDP/TLS/RTP/SAVPF")
    public static let udpDTLSSCTP = TransportProtocol("UDP/DTLS/SCTP")
    public static let dtlsSCTP = TransportProtocol("DTLS/SCTP")
    public static let udptl = TransportProtocol("udptl")

    /// Carries RTP (RFC 3551 profiles and their secure variants), so formats are payload types.
    public var isRTP: Bool { withBytes(of: rawValue) { $0.containsIgnoringCase("RTP/") } }

    /// An SRTP profile (RFC 3711 `SAVP`, RFC 5124 `SAVPF`): media must be encrypted.
    public var isSecure: Bool { withBytes(of: rawValue) { $0.containsIgnoringCase("/SAVP") } }

    /// Keys come from a DTLS handshake (RFC 5764 `UDP/TLS/RTP/SAVP[F]`, RFC 8841 SCTP).
    public var usesDTLS: Bool {
        withBytes(of: rawValue) { bytes in
            bytes.hasPrefixIgnoringCase("UDP/TLS/") || bytes.hasPrefixIgnoringCase("TCP/TLS/")
                || bytes.containsIgnoringCase("DTLS/")
        }
    }

    /// The AVPF feedback profile (RFC 4585).
    public var hasFeedback: Bool { withBytes(of: rawValue) { $0.count >= 4 && $0.suffix(4).equalsIgnoringCase("AVPF") } }

    /// RTP over UDP, the only transport the media layer runs (no `TCP/RTP/AVP`, RFC 4571).
    public var isRTPOverUDP: Bool {
        isRTP && withBytes(of: rawValue) { $0.hasPrefixIgnoringCase("RTP/") || $0.hasPrefixIgnoringCase("UDP/") }
    }

    public var description: String { rawValue }
}
