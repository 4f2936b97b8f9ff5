import Foundation

/// Whether a peer has bound its UDP port yet (sipp has no "ready" line): a bind of our own to
/// the same address fails once it has.
public enum UDPPortProbe {
    public static func isBound(_ port: UInt16, host: String = "127.0.0.1") -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr(host)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result != 0
    }

    /// Waits (polling, bounded) until `port` is bound.
    public static func waitUntilBound(_ port: UInt16, within limit: Duration = .seconds(30)) async -> Bool {
        let end = ContinuousClock.now + limit
        while ContinuousClock.now < end {
            if isBound(port) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}
