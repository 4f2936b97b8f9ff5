/// The `nc` value: how many requests this client has sent with one nonce (RFC 7616 §3.4).
///
/// The server uses it to spot replays, so it must grow by one with each request on the same
/// nonce and never repeat; on the wire it is exactly eight lowercase hex digits (`8LHEX`).
public struct NonceCount: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) {
        self.value = value
    }

    /// The count of the first request on a nonce, `00000001`.
    public static let first = NonceCount(1)

    /// Parses `nc`, accepting upper case and fewer than eight digits from lax clients.
    public init?(hex: String) {
        guard hex.utf8.count <= 8, Hex.isHex(hex), let value = UInt32(hex, radix: 16) else { return nil }
        self.init(value)
    }

    /// `8LHEX`, e.g. `00000001`.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    public var description: String { hex }

    /// The count for the next request on the same nonce.
    public func next() throws(DigestError) -> NonceCount {
        guard value < UInt32.max else { throw .nonceCountExhausted }
        return NonceCount(value + 1)
    }

    public static func < (lhs: NonceCount, rhs: NonceCount) -> Bool {
        lhs.value < rhs.value
    }
}
