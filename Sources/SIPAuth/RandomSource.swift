import CShim

/// Where cnonce bytes come from. Injected so tests are deterministic (STYLE.md: randomness is
/// injected); production uses `SystemRandomSource`.
public protocol RandomSource: Sendable {
    func randomBytes(count: Int) throws(DigestError) -> [UInt8]
}

/// OpenSSL's CSPRNG via `dt_random_bytes`. The cnonce must be unpredictable: RFC 7616 §5.11
/// relies on it against chosen-plaintext attacks by a malicious server.
public struct SystemRandomSource: RandomSource, Sendable {
    public init() {}

    public func randomBytes(count: Int) throws(DigestError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard dt_random_bytes(&bytes, count) == 1 else { throw .randomSourceFailed }
        return bytes
    }
}

extension RandomSource {
    /// A fresh cnonce: at least 16 random bytes as lowercase hex (RFC 7616 §3.4: "at least
    /// 64 bits of entropy"; 128 bits leaves a wide margin). Hex keeps it free of quoting issues.
    public func cnonce(byteCount: Int = 16) throws(DigestError) -> String {
        let count = max(16, byteCount)
        let bytes = try randomBytes(count: count)
        guard bytes.count == count else { throw .randomSourceFailed }
        return Hex.encode(bytes)
    }
}
