import COpenSSL
import CShim
import SDP

/// Our DTLS-SRTP identity: an EC P-256 key and a self-signed certificate, made once per run
/// (per `RTPCallMediaFactory`) and shared by every call. RFC 5763 §5: what authenticates it
/// is its fingerprint in our SDP (`a=fingerprint`, RFC 8122), so no CA and no name matter.
/// Immutable after creation; libcrypto's key and certificate objects are safe to share read-only.
public final class DTLSCertificate: @unchecked Sendable {
    let key: OpaquePointer
    let certificate: OpaquePointer
    /// SHA-256, the hash RFC 8122 §5 requires every endpoint to support.
    public let fingerprint: Fingerprint

    /// A fresh key and certificate, valid from a day ago (clock skew) for 30 days.
    public init(commonName: String = "dialtone") throws(DTLSFailure) {
        guard let key = dt_generate_ec_p256_key() else { throw .library("EC P-256 key generation failed") }
        guard let certificate = X509_new() else {
            EVP_PKEY_free(key)
            throw .library("X509_new failed")
        }
        self.key = key
        self.certificate = certificate
        var random = SystemRandomNumberGenerator()
        let serial = UInt64.random(in: 1...UInt64(Int64.max), using: &random)
        let name = X509_get_subject_name(certificate)
        let signed = X509_set_version(certificate, 2) == 1
            && ASN1_INTEGER_set_uint64(X509_get_serialNumber(certificate), serial) == 1
            && X509_gmtime_adj(X509_getm_notBefore(certificate), -86_400) != nil
            && X509_gmtime_adj(X509_getm_notAfter(certificate), 30 * 86_400) != nil
            && X509_set_pubkey(certificate, key) == 1
            && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0) == 1
            && X509_set_issuer_name(certificate, name) == 1
            && X509_sign(certificate, key, EVP_sha256()) > 0
        guard signed, let digest = Self.digest(of: certificate, hashFunction: "sha-256") else {
            ERR_clear_error()
            X509_free(certificate)
            EVP_PKEY_free(key)
            throw .library("self-signed certificate creation failed")
        }
        fingerprint = Fingerprint(hashFunction: "sha-256", digest: digest)
    }

    deinit {
        X509_free(certificate)
        EVP_PKEY_free(key)
    }

    /// What goes into `LocalMediaCapabilities.dtls`.
    public var identity: DTLSIdentity { DTLSIdentity(fingerprints: [fingerprint]) }

    /// Our certificate's digest for an SDP hash function name, nil for one we do not accept.
    public func digest(hashFunction: String) -> [UInt8]? { Self.digest(of: certificate, hashFunction: hashFunction) }

    /// The certificate's digest for an SDP hash function name (`sha-256`, case-insensitive),
    /// or nil for one we do not accept. MD5 and MD2, which RFC 4572 still listed, are refused.
    static func digest(of certificate: OpaquePointer, hashFunction: String) -> [UInt8]? {
        let names = ["sha-1": "SHA1", "sha-224": "SHA224", "sha-256": "SHA256", "sha-384": "SHA384", "sha-512": "SHA512"]
        guard let name = names[hashFunction.lowercased()], let md = EVP_MD_fetch(nil, name, nil) else { return nil }
        defer { EVP_MD_free(md) }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(certificate, md, &output, &length) == 1 else { return nil }
        return Array(output.prefix(Int(length)))
    }

    /// RFC 8122 §5: the certificate must match one of the fingerprints the peer announced with
    /// a hash function we support; fingerprints with other hash functions are ignored.
    static func check(_ certificate: OpaquePointer, against fingerprints: [Fingerprint]) throws(DTLSFailure) {
        var usable: [String] = []
        for fingerprint in fingerprints {
            guard let digest = digest(of: certificate, hashFunction: fingerprint.hashFunction) else { continue }
            usable.append(fingerprint.hashFunction.lowercased())
            if digest == fingerprint.digest { return }
        }
        guard !usable.isEmpty else { throw .noUsableFingerprint(fingerprints.map(\.hashFunction)) }
        throw .fingerprintMismatch(hashFunctions: usable)
    }
}
