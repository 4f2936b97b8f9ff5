import Glibc

/// An IP address and port parsed from the engine's text form (`127.0.0.1:5060`,
/// `[::1]:5060`), for synthesising packet headers. Nil for anything else: a trace with an odd
/// address is written with a placeholder rather than failing the export.
struct SocketAddressText: Sendable, Hashable {
    /// 4 bytes (IPv4) or 16 bytes (IPv6), network order.
    var address: [UInt8]
    var port: UInt16

    var isIPv6: Bool { address.count == 16 }

    init(address: [UInt8], port: UInt16) {
        self.address = address
        self.port = port
    }

    init?(_ text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard let port = UInt16(portText), let bytes = Self.parseIP(String(host)) else { return nil }
        self.address = bytes
        self.port = port
    }

    private static func parseIP(_ host: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
