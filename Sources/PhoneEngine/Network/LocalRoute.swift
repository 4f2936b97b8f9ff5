#if canImport(Glibc)
import Glibc
#endif
import SIPServerLocation

/// The local address the kernel would use to reach a remote address: needed for the Contact
/// and Via when a listener is bound to the wildcard address (0.0.0.0 / ::), which is not an
/// address anyone can send to. A UDP socket is "connected" (no packet is sent) and asked for its
/// local name, the same trick every softphone uses.
enum LocalRoute {
    static func sourceAddress(toward remote: IPAddress) -> IPAddress? {
        switch remote.family {
        case .ipv4: return ipv4Source(toward: remote)
        case .ipv6: return ipv6Source(toward: remote)
        }
    }

    private static func ipv4Source(toward remote: IPAddress) -> IPAddress? {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(9).bigEndian  // any port: nothing is sent
        withUnsafeMutableBytes(of: &address.sin_addr) { $0.copyBytes(from: remote.bytes.prefix(4)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        var local = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        return IPAddress(bytes: withUnsafeBytes(of: local.sin_addr) { Array($0) })
    }

    private static func ipv6Source(toward remote: IPAddress) -> IPAddress? {
        let fd = socket(AF_INET6, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = UInt16(9).bigEndian
        withUnsafeMutableBytes(of: &address.sin6_addr) { $0.copyBytes(from: remote.bytes.prefix(16)) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
        guard connected == 0 else { return nil }
        var local = sockaddr_in6()
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        let named = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        return IPAddress(bytes: withUnsafeBytes(of: local.sin6_addr) { Array($0) })
    }
}
