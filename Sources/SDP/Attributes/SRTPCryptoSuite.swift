/// An SRTP crypto suite named in `a=crypto` (RFC 4568 §6.2, RFC 6188, RFC 7714 §14.2).
///
/// Each suite fixes the length of the inline master key and salt, which is how an offered
/// key is checked before it reaches libsrtp.
public enum SRTPCryptoSuite: Sendable, Hashable, CustomStringConvertible {
    case aesCM128HMACSHA1_80
    case aesCM128HMACSHA1_32
    case aes256CMHMACSHA1_80
    case aes256CMHMACSHA1_32
    case aeadAES128GCM
    case aeadAES256GCM
    case other(String)

    public init(name: String) {
        switch name.uppercased() {
        case "AES_CM_128_HMAC_SHA1_80": self = .aesCM128HMACSHA1_80
        case "AES_CM_128_HMAC_SHA1_32": self = .aesCM128HMACSHA1_32
        case "AES_256_CM_HMAC_SHA1_80": self = .aes256CMHMACSHA1_80
        case "AES_256_CM_HMAC_SHA1_32": self = .aes256CMHMACSHA1_32
        case "AEAD_AES_128_GCM": self = .aeadAES128GCM
        case "AEAD_AES_256_GCM": self = .aeadAES256GCM
        default: self = .other(name)
        }
    }

    /// The name as written in `a=crypto`.
    public var description: String {
        switch self {
        case .aesCM128HMACSHA1_80: "AES_CM_128_HMAC_SHA1_80"
        case .aesCM128HMACSHA1_32: "AES_CM_128_HMAC_SHA1_32"
        case .aes256CMHMACSHA1_80: "AES_256_CM_HMAC_SHA1_80"
        case .aes256CMHMACSHA1_32: "AES_256_CM_HMAC_SHA1_32"
        case .aeadAES128GCM: "AEAD_AES_128_GCM"
        case .aeadAES256GCM: "AEAD_AES_256_GCM"
        case .other(let name): name
        }
    }

    /// Master key length in bytes, `nil` for suites this module does not know.
    public var masterKeyLength: Int? {
        switch self {
        case .aesCM128HMACSHA1_80, .aesCM128HMACSHA1_32, .aeadAES128GCM: 16
        case .aes256CMHMACSHA1_80, .aes256CMHMACSHA1_32, .aeadAES256GCM: 32
        case .other: nil
        }
    }

    /// Master salt length in bytes: 112 bits for AES-CM (RFC 3711 §8.2), 96 for GCM (RFC 7714 §12).
    public var masterSaltLength: Int? {
        switch self {
        case .aesCM128HMACSHA1_80, .aesCM128HMACSHA1_32, .aes256CMHMACSHA1_80, .aes256CMHMACSHA1_32: 14
        case .aeadAES128GCM, .aeadAES256GCM: 12
        case .other: nil
        }
    }

    /// Length of the inline key‖salt, the bytes that `inline:` carries in base64.
    public var keySaltLength: Int? {
        guard let key = masterKeyLength, let salt = masterSaltLength else { return nil }
        return key + salt
    }
}
