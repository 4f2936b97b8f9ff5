/// A `k=` line (RFC 8866 §5.12, obsolete): kept only so a description that has one
/// round-trips. SRTP keys travel in `a=crypto` (RFC 4568) instead.
public struct EncryptionKey: Sendable, Hashable {
    public var method: String
    public var key: String?

    public init(method: String, key: String? = nil) {
        self.method = method
        self.key = key
    }

    /// `k=<method>` or `k=<method>:<encryption key>`.
    init(parsing value: SDPBytes) throws(SDPParseError.Problem) {
        let (method, key) = value.splitOnce(at: ASCII.colon)
        guard !method.isEmpty else { throw .missing("method") }
        self.method = method.string
        self.key = key?.string
    }

    var sdpValue: String { key.map { "\(method):\($0)" } ?? method }
}
