import Foundation
import NIOSSL
import SIPServerLocation

/// Records why BoringSSL rejected a certificate, so a failed handshake can say "unknown CA" or
/// "expired" instead of BoringSSL's one CERTIFICATE_VERIFY_FAILED. It sees each certificate of
/// the chain with BoringSSL's pre-verification result (the per-certificate callback) and
/// classifies the first failure by the certificate's validity dates: outside them it expired
/// (or is not valid yet), inside them its issuer is not trusted.
///
/// Used on one connection's event loop only.
final class CertificateVerdict {
    private(set) var failure: TLSFailure?
    private let acceptUnverified: Bool
    private let now: () -> Int

    init(acceptUnverified: Bool, now: @escaping () -> Int = { Int(Date().timeIntervalSince1970) }) {
        self.acceptUnverified = acceptUnverified
        self.now = now
    }

    /// The verification callback: keeps BoringSSL's verdict, unless the user accepted
    /// unverified certificates for this target, in which case the failure is only recorded.
    func verify(_ preverified: NIOSSLVerificationResult, _ certificate: NIOSSLCertificate) -> NIOSSLVerificationResult {
        switch preverified {
        case .certificateVerified:
            return .certificateVerified
        case .failed:
            if failure == nil { failure = classify(certificate) }
            return acceptUnverified ? .certificateVerified : .failed
        }
    }

    private func classify(_ certificate: NIOSSLCertificate) -> TLSFailure {
        let subject = CertificateText.name(certificate.subjectName)
        let time = now()
        if Int(certificate.notValidAfter) < time {
            return .certificateExpired(subject: subject, notAfter: Int(certificate.notValidAfter))
        }
        if Int(certificate.notValidBefore) > time {
            return .certificateNotYetValid(subject: subject, notBefore: Int(certificate.notValidBefore))
        }
        return .unknownCertificateAuthority(subject: subject, issuer: CertificateText.name(certificate.issuerName))
    }
}

/// Certificate names as text: `CN=sip.example.test, O=Dialtone Test`.
enum CertificateText {
    static func name(_ parts: [SSLCertificateName]) -> String {
        let text = parts.map { "\(label($0.type))=\($0.value)" }.joined(separator: ", ")
        return text.isEmpty ? "no subject" : text
    }

    /// The subjectAltName DNS names and IP addresses (RFC 5922 §7.1 checks these).
    static func alternativeNames(_ certificate: NIOSSLCertificate) -> [String] {
        certificate._subjectAlternativeNames().compactMap { name -> String? in
            let bytes = Array(name.contents)
            switch name.nameType {
            case .dnsName: return String(decoding: bytes, as: UTF8.self)
            case .ipAddress: return IPAddress(bytes: bytes)?.description
            default: return nil
            }
        }
    }

    /// The dNSName and uniformResourceIdentifier subjectAltNames, apart (RFC 5922 §7.1).
    static func typedAlternativeNames(_ certificate: NIOSSLCertificate) -> (dns: [String], uris: [String]) {
        var dns: [String] = []
        var uris: [String] = []
        for name in certificate._subjectAlternativeNames() {
            let text = String(decoding: Array(name.contents), as: UTF8.self)
            switch name.nameType {
            case .dnsName: dns.append(text)
            case .uri: uris.append(text)
            default: break
            }
        }
        return (dns, uris)
    }

    private static func label(_ type: SSLCertificateNameType) -> String {
        switch type {
        case .commonName: "CN"
        case .organization: "O"
        case .organizationalUnit: "OU"
        case .country: "C"
        case .state: "ST"
        case .city: "L"
        case .emailAddress: "emailAddress"
        case .userId: "UID"
        default: "attribute"
        }
    }
}
