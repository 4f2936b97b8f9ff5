/// How a call's media was protected.
///
/// SDES carries the negotiated crypto suite (RFC 4568 §6.2) because suites differ in strength
/// (`AES_CM_128_HMAC_SHA1_32` has a short tag) and users ask which one a call used.
public enum CallEncryption: Sendable, Hashable {
    /// Plain RTP.
    case none
    /// SRTP keyed through SDP `a=crypto` (RFC 4568), with the suite name as negotiated.
    case srtpSDES(suite: String)
    /// SRTP keyed through a DTLS handshake (RFC 5764).
    case dtlsSRTP

    /// The stable name stored in the database and printed in JSON.
    public var kind: String {
        switch self {
        case .none: "none"
        case .srtpSDES: "srtp-sdes"
        case .dtlsSRTP: "dtls-srtp"
        }
    }

    /// The SDES suite, nil for the other kinds.
    public var suite: String? {
        switch self {
        case .none, .dtlsSRTP: nil
        case .srtpSDES(let suite): suite
        }
    }

    /// Rebuilds a value from its stored `kind` and `suite`; nil for an unknown kind or an SDES
    /// row without a suite, which only a damaged or foreign database can hold.
    public init?(kind: String, suite: String?) {
        switch (kind, suite) {
        case ("none", _): self = .none
        case ("dtls-srtp", _): self = .dtlsSRTP
        case ("srtp-sdes", let suite?): self = .srtpSDES(suite: suite)
        default: return nil
        }
    }
}
