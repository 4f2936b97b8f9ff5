#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 or IPv6 address kept as network-order bytes, so equal addresses compare equal
/// whatever text they were written in (`::1` and `0:0::1`).
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address family; RFC 3263 §4.2 keeps both and lets the caller order them.
    public enum Family: Sendable, Hashable {
        case ipv4
        case ipv6
    }

    /// 4 bytes for IPv4, 16 for IPv6, network byte order.
    public let bytes: [UInt8]

    /// Wraps raw bytes; nil unless there are exactly 4 or 16.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Parses a numeric address literal: dotted IPv4, or IPv6 with or without the brackets a
    /// SIP URI puts around it (RFC 3261 §19.1.1 `IPv6reference`). Host names give nil.
    public init?(literal: String) {
        var text = literal
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var v4 = [UInt8](repeating: 0, count: 4)
        var v6 = [UInt8](repeating: 0, count: 16)
        if !literal.hasPrefix("["), inet_pton(AF_INET, text, &v4) == 1 {
            bytes = v4
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = v6
        } else {
            return nil
        }
    }

    public var family: Family { bytes.count == 4 ? .ipv4 : .ipv6 }

    /// The canonical text form (`127.0.0.1`, `::1`), as `inet_ntop` writes it.
    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let af = family == .ipv4 ? AF_INET : AF_INET6
        _ = bytes.withUnsafeBytes { inet_ntop(af, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `127.0.0.1:5060` or `[::1]:5060`: IPv6 needs brackets before a port (RFC 3986 §3.2.2).
    public func description(port: UInt16) -> String {
        switch family {
        case .ipv4: "\(self):\(port)"
        case .ipv6: "[\(self)]:\(port)"
        }
    }
}
