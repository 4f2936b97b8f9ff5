import Foundation

/// Plain POSIX sockets for tests that must put exact bytes on the wire (malformed requests,
/// oversize datagrams) or probe a peer without the code under test. Loopback only.
public final class RawUDPSocket: Sendable {
    private let descriptor: Int32
    private let isV6: Bool

    /// A UDP socket bound to an ephemeral port on `host`.
    public init(host: String = "127.0.0.1") throws(LoopbackSocketError) {
        isV6 = host.contains(":")
        descriptor = socket(isV6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackSocketError(host: host, reason: "socket() failed") }
        var size: Int32 = 1 << 20
        setsockopt(descriptor, SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        guard SocketAddressing.with(host: host, port: 0, { bind(descriptor, $0, $1) }) == 0 else {
            close(descriptor)
            throw LoopbackSocketError(host: host, reason: "bind() failed")
        }
    }

    deinit {
        close(descriptor)
    }

    /// The bound port.
    public var port: UInt16 { SocketAddressing.localPort(descriptor) ?? 0 }

    /// Sends one datagram; true when the kernel took it.
    @discardableResult
    public func send(_ bytes: [UInt8], to host: String, port: UInt16) -> Bool {
        SocketAddressing.with(host: host, port: port) { address, length in
            bytes.withUnsafeBytes { Int32(truncatingIfNeeded: sendto(descriptor, $0.baseAddress, $0.count, 0, address, length)) }
        } == Int32(truncatingIfNeeded: bytes.count)
    }

    /// A datagram if one is waiting, without blocking.
    public func tryReceive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        return count > 0 ? Array(buffer.prefix(count)) : nil
    }

    /// Waits up to `timeout` for a datagram. Blocks: call it through `OffPool`.
    public func receive(within timeout: Duration) -> [UInt8]? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, milliseconds) > 0 else { return nil }
        return tryReceive()
    }
}

/// A TCP connection to a loopback peer that sends raw bytes and reads what comes back.
public final class RawTCPConnection: Sendable {
    private let descriptor: Int32

    /// Connects (loopback connects complete at once). Blocks briefly: call it through `OffPool`.
    public init(host: String, port: UInt16) throws(LoopbackSocketError) {
        descriptor = socket(host.contains(":") ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw LoopbackSocketError(host: host, reason: "socket() failed") }
        guard SocketAddressing.with(host: host, port: port, { connect(descriptor, $0, $1) }) == 0 else {
            close(descriptor)
            throw LoopbackSocketError(host: host, reason: "connect() to port \(port) failed")
        }
    }

    deinit {
        close(descriptor)
    }

    public func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Foundation.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until `complete` accepts the bytes so far, the peer closes, or `timeout` passes.
    /// Blocks: call it through `OffPool`.
    public func receive(within timeout: Duration, until complete: ([UInt8]) -> Bool) -> [UInt8] {
        var received: [UInt8] = []
        let end = ContinuousClock.now + timeout
        while !complete(received), ContinuousClock.now < end {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer.prefix(count)
        }
        return received
    }

    /// True when something listens at host:port (a loopback connect is answered at once).
    public static func isListening(host: String, port: UInt16) -> Bool {
        (try? RawTCPConnection(host: host, port: port)) != nil
    }
}

/// sockaddr plumbing shared by the raw sockets.
enum SocketAddressing {
    static func with<T>(host: String, port: UInt16, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        if host.contains(":") {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            inet_pton(AF_INET6, host, &address.sin6_addr)
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }

    static func localPort(_ descriptor: Int32) -> UInt16? {
        var storage = sockaddr_in6()
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        let status = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return status == 0 ? UInt16(bigEndian: storage.sin6_port) : nil
    }
}
