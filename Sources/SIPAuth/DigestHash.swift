import CShim

/// The hash functions digest authentication names in its `algorithm` parameter.
///
/// RFC 7616 §3.7 registers MD5, SHA-256 and SHA-512-256 for HTTP; RFC 8760 §2 brings the same
/// three to SIP. Hashing goes through libcrypto (`dt_digest`) so no hash is hand-written here;
/// MD5 may be missing when OpenSSL runs with only its FIPS provider, which is why hashing throws.
public enum DigestHash: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case md5
    case sha256
    /// FIPS 180-4 SHA-512/256 (its own initial values), *not* SHA-512 truncated to 256 bits.
    case sha512_256

    /// The token used in the `algorithm` parameter (RFC 7616 §3.3), without any `-sess` suffix.
    public var token: String {
        switch self {
        case .md5: "MD5"
        case .sha256: "SHA-256"
        case .sha512_256: "SHA-512-256"
        }
    }

    /// The digest's length in bytes; hex strings are twice as long.
    public var byteCount: Int {
        switch self {
        case .md5: 16
        case .sha256: 32
        case .sha512_256: 32
        }
    }

    /// Relative strength used to rank challenges (RFC 7616 §3.7: the client picks the first
    /// challenge with an algorithm it supports; we go further and take the strongest one).
    public var strength: Int {
        switch self {
        case .md5: 0
        case .sha256: 1
        case .sha512_256: 2
        }
    }

    public var description: String { token }

    /// OpenSSL 3 provider name for `EVP_MD_fetch`.
    private var openSSLName: String {
        switch self {
        case .md5: "MD5"
        case .sha256: "SHA256"
        case .sha512_256: "SHA512-256"
        }
    }

    /// `H(data)` as lowercase hex, the form every digest formula feeds back in (RFC 7616 §3.4.1).
    public func hex(of bytes: [UInt8]) throws(DigestError) -> String {
        var out = [UInt8](repeating: 0, count: 64)
        let written = Int(dt_digest(openSSLName, bytes, bytes.count, &out))
        guard written == byteCount else { throw .hashUnavailable(self) }
        return Hex.encode(out.prefix(written))
    }

    /// `H(text)` over the UTF-8 bytes of `text` (RFC 7616 §3.4: strings are hashed as UTF-8).
    public func hex(of text: String) throws(DigestError) -> String {
        try hex(of: Array(text.utf8))
    }
}

/// Lowercase hexadecimal, as RFC 7616 §3.4.1 requires for every digest value (LHEX).
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is non-empty and all hexadecimal digits (either case).
    static func isHex(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
    }
}
