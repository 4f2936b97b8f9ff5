/// Why a TLS handshake with a SIP server failed, one case per thing a user can fix
/// differently: install the CA, renew the certificate, use the right domain, fix the server.
public enum TLSFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The chain does not lead to a trusted root (self-signed, or issued by a CA that is neither
    /// in the system trust store nor in the configured CA file).
    case unknownCertificateAuthority(subject: String, issuer: String)
    /// The certificate's validity ended (`notAfter`, seconds since 1970).
    case certificateExpired(subject: String, notAfter: Int)
    /// The certificate is not valid yet (`notBefore`, seconds since 1970): often a wrong clock.
    case certificateNotYetValid(subject: String, notBefore: Int)
    /// Verification failed for a reason BoringSSL did not let us classify further.
    case certificateRejected(subject: String)
    /// The certificate is valid but not for the SIP domain we asked for (RFC 5922 §7.2).
    case hostNameMismatch(expected: String, presented: [String])
    /// The server ended the handshake: an alert, a protocol mismatch, a demanded client
    /// certificate we did not have, or the connection closed mid-handshake.
    case handshakeRefused(detail: String)
    /// The server accepted the connection but never finished the handshake (often: not a TLS
    /// port at all).
    case handshakeTimedOut(after: Duration)
    /// A configured CA file, client certificate or key could not be loaded.
    case unreadableFile(path: String, detail: String)

    /// A sentence a user can act on.
    public var description: String {
        switch self {
        case .unknownCertificateAuthority(let subject, let issuer):
            "the server certificate (\(subject)) was issued by an unknown certificate authority (\(issuer)); "
                + "pass the CA with --ca-file or add it to the system trust store"
        case .certificateExpired(let subject, let notAfter):
            "the server certificate (\(subject)) expired on \(TLSDetails.date(notAfter))"
        case .certificateNotYetValid(let subject, let notBefore):
            "the server certificate (\(subject)) is not valid before \(TLSDetails.date(notBefore)); check the clock"
        case .certificateRejected(let subject):
            "the server certificate (\(subject)) failed verification"
        case .hostNameMismatch(let expected, let presented):
            "the server certificate is for \(presented.isEmpty ? "no name" : presented.joined(separator: ", ")), "
                + "not for the SIP domain \(expected) (RFC 5922)"
        case .handshakeRefused(let detail):
            "the server refused the TLS handshake (\(detail))"
        case .handshakeTimedOut(let after):
            "the server did not complete the TLS handshake within \(after); is this a TLS port?"
        case .unreadableFile(let path, let detail):
            "cannot load \(path): \(detail)"
        }
    }

    /// A stable one-word name for JSON output and logs.
    public var kind: String {
        switch self {
        case .unknownCertificateAuthority: "unknown-ca"
        case .certificateExpired: "expired"
        case .certificateNotYetValid: "not-yet-valid"
        case .certificateRejected: "rejected"
        case .hostNameMismatch: "wrong-host-name"
        case .handshakeRefused: "handshake-refused"
        case .handshakeTimedOut: "handshake-timeout"
        case .unreadableFile: "unreadable-file"
        }
    }
}
