/// Why a DTLS-SRTP handshake failed, worded for the user: these end up in the call's
/// "ended because" line. Never carries key material.
public enum DTLSFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The peer's certificate is not the one its SDP announced (RFC 5763 §5): an attacker on
    /// the media path, or a broken peer. The call must end.
    case fingerprintMismatch(hashFunctions: [String])
    /// The SDP's fingerprints all use hash functions we refuse (MD5, unknown names).
    case noUsableFingerprint([String])
    /// The peer presented no certificate.
    case noPeerCertificate
    /// The handshake ended without agreeing on an SRTP profile (RFC 5764 §4.1.1 `use_srtp`).
    case noSRTPProfile
    /// OpenSSL refused the handshake (alert sent or received); the reason is OpenSSL's.
    case handshake(String)
    /// No handshake within the allowed time (the peer never answered, or its packets never arrived).
    case timedOut(seconds: Int)
    /// A libssl/libcrypto call failed outside the handshake.
    case library(String)

    public var description: String {
        switch self {
        case .fingerprintMismatch(let hashes):
            "the peer's certificate does not match the fingerprint in its SDP (\(hashes.joined(separator: ", ")))"
        case .noUsableFingerprint(let hashes):
            "no usable a=fingerprint (hash functions offered: \(hashes.isEmpty ? "none" : hashes.joined(separator: ", ")))"
        case .noPeerCertificate: "the peer sent no certificate"
        case .noSRTPProfile: "the peer agreed on no SRTP protection profile (use_srtp)"
        case .handshake(let reason): "handshake failed: \(reason)"
        case .timedOut(let seconds): "no handshake after \(seconds) s"
        case .library(let reason): reason
        }
    }
}
