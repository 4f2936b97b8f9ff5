import Foundation

/// What a completed TLS handshake gave us, for `dialtone options`, the debug pane and
/// diagnostics. The negotiated cipher suite is not here: swift-nio-ssl 2.37 exposes the
/// protocol version and the peer certificate, but no public accessor for the cipher.
public struct TLSDetails: Sendable, Hashable, Codable {
    /// `TLSv1.3`, `TLSv1.2`, …
    public var version: String
    /// The peer certificate's subject, e.g. `CN=sip.example.test, O=Dialtone Test`.
    public var peerSubject: String
    public var peerIssuer: String
    /// DNS names and IP addresses of the certificate's subjectAltName extension.
    public var peerNames: [String]
    /// End of the certificate's validity, seconds since 1970.
    public var peerNotAfter: Int
    /// Whether the chain and host name were verified. False only under an explicit
    /// `acceptUnverifiedCertificate`, and then `warning` says what was not checked or failed.
    public var verified: Bool
    public var warning: String?

    public init(
        version: String, peerSubject: String, peerIssuer: String, peerNames: [String],
        peerNotAfter: Int, verified: Bool, warning: String?
    ) {
        self.version = version
        self.peerSubject = peerSubject
        self.peerIssuer = peerIssuer
        self.peerNames = peerNames
        self.peerNotAfter = peerNotAfter
        self.verified = verified
        self.warning = warning
    }

    /// `2026-05-01 12:00:00 UTC` for seconds since 1970.
    static func date(_ seconds: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
