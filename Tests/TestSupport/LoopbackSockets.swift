import Foundation

/// Loopback ports for peers a test starts. Only 127.0.0.0/8 and ::1 are ever used.
public enum LoopbackPort {
    /// A port that is currently free for both UDP and TCP on `host` (a SIP or DNS peer uses
    /// both): the kernel picks a UDP port, and it is kept only if TCP can bind it too. Both
    /// sockets are closed again, so another process could take the port before the peer
    /// does; peers that fail to bind are reported by their own start-up check.
    public static func free(on host: String = "127.0.0.1") throws(LoopbackSocketError) -> UInt16 {
        for _ in 0..<50 {
            guard let udp = BoundSocket(.udp, host: host, port: 0) else { continue }
            let port = udp.port
            if BoundSocket(.tcp, host: host, port: port) != nil { return port }
        }
        throw LoopbackSocketError(host: host, reason: "no port free for both UDP and TCP")
    }

    /// A port free for both UDP and TCP on every one of `hosts` (a server listening on
    /// 127.0.0.1 and ::1 with one port number).
    public static func free(onAll hosts: [String]) throws(LoopbackSocketError) -> UInt16 {
        for _ in 0..<50 {
            let port = try free(on: hosts[0])
            let others = hosts.dropFirst().allSatisfy { host in
                BoundSocket(.udp, host: host, port: port) != nil && BoundSocket(.tcp, host: host, port: port) != nil
            }
            if others { return port }
        }
        throw LoopbackSocketError(host: hosts.joined(separator: ", "), reason: "no port free on all addresses")
    }
}

/// A loopback socket could not be bound.
public struct LoopbackSocketError: Error, CustomStringConvertible {
    public var host: String
    public var reason: String

    public var description: String { "\(host): \(reason)" }
}

/// A UDP socket bound on loopback that never reads or answers: a peer that has gone silent.
/// Requests sent to it time out instead of being refused (as they are where nothing listens).
public final class SilentUDPPeer: Sendable {
    private let socket: BoundSocket
    public var port: UInt16 { socket.port }

    public init(host: String = "127.0.0.1") throws(LoopbackSocketError) {
        guard let socket = BoundSocket(.udp, host: host, port: 0) else {
            throw LoopbackSocketError(host: host, reason: "cannot bind a UDP socket")
        }
        self.socket = socket
    }
}

/// A socket bound to a loopback address, closed on deinit.
final class BoundSocket: Sendable {
    enum Kind {
        case udp
        case tcp
    }

    let descriptor: Int32
    let port: UInt16

    init?(_ kind: Kind, host: String, port: UInt16) {
        let type = kind == .udp ? Int32(SOCK_DGRAM.rawValue) : Int32(SOCK_STREAM.rawValue)
        var address = sockaddr_in6()
        var v4 = sockaddr_in()
        let isV6 = host.contains(":")
        let fd = socket(isV6 ? AF_INET6 : AF_INET, type, 0)
        guard fd >= 0 else { return nil }
        let bound: Int32
        if isV6 {
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        } else {
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            inet_pton(AF_INET, host, &v4.sin_addr)
            bound = withUnsafePointer(to: &v4) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        guard bound == 0, let actual = Self.localPort(fd) else {
            close(fd)
            return nil
        }
        descriptor = fd
        self.port = actual
    }

    deinit {
        close(descriptor)
    }

    private static func localPort(_ fd: Int32) -> UInt16? {
        var storage = sockaddr_in6()
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        // sin_port and sin6_port sit at the same offset in both layouts.
        return status == 0 ? UInt16(bigEndian: storage.sin6_port) : nil
    }
}
