/// How we verify a SIP server's certificate and identify ourselves, per account or target.
///
/// Verification is on by default (RFC 5630 §3.1.3: SIPS needs an authenticated server); the
/// only way to weaken it is `acceptUnverifiedCertificate`, which a user must ask for and which
/// every report then shows as a warning.
public struct TLSClientSettings: Sendable, Hashable {
    /// Where trusted root certificates come from.
    public enum Trust: Sendable, Hashable {
        /// The system trust store (Debian: /etc/ssl/certs).
        case system
        /// Only the CA certificates in this PEM file (a private CA, a test CA).
        case caFile(String)
    }

    /// A client certificate (RFC 5922 §7.3 lets a server authenticate us by certificate).
    public struct ClientCertificate: Sendable, Hashable {
        /// PEM file with the certificate, then any intermediates.
        public var chainFile: String
        /// PEM file with the private key.
        public var keyFile: String

        public init(chainFile: String, keyFile: String) {
            self.chainFile = chainFile
            self.keyFile = keyFile
        }
    }

    public var trust: Trust
    /// Accept a certificate that fails verification (self-signed, unknown CA, wrong name,
    /// expired). The handshake's `TLSDetails` then carry `verified == false` and a warning.
    public var acceptUnverifiedCertificate: Bool
    public var clientCertificate: ClientCertificate?

    public init(
        trust: Trust = .system, acceptUnverifiedCertificate: Bool = false,
        clientCertificate: ClientCertificate? = nil
    ) {
        self.trust = trust
        self.acceptUnverifiedCertificate = acceptUnverifiedCertificate
        self.clientCertificate = clientCertificate
    }
}

/// The certificate and key a TLS listener presents, and whether it demands client certificates.
public struct TLSServerIdentity: Sendable, Hashable {
    public var chainFile: String
    public var keyFile: String
    /// When set, clients must present a certificate issued by a CA in this file.
    public var clientCAFile: String?

    public init(chainFile: String, keyFile: String, clientCAFile: String? = nil) {
        self.chainFile = chainFile
        self.keyFile = keyFile
        self.clientCAFile = clientCAFile
    }
}
