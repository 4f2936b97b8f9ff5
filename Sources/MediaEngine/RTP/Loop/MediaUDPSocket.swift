import Glibc
import NIOCore

/// A plain non-blocking UDP socket for RTP or RTCP (IPv4 or IPv6): one `recvfrom` and one
/// `sendto` per packet, with none of a channel pipeline's envelopes, buffers and promises —
/// a call sends and receives 50 packets a second for as long as it lasts. Used on its media
/// loop's thread only, apart from `bind` before the loop watches it.
final class MediaUDPSocket: @unchecked Sendable {
    let descriptor: Int32
    let port: Int
    /// The last source address seen and its raw form: a call hears from one address, so a
    /// `SocketAddress` (a class inside) is made once rather than per packet.
    private var lastSource: SocketAddress?
    private var lastSourceStorage = sockaddr_storage()
    private var lastSourceLength: socklen_t = 0

    private init(descriptor: Int32, port: Int) {
        self.descriptor = descriptor
        self.port = port
    }

    /// Binds `host` (an IP literal, else a name resolved once) and `port`; nil when the port is taken.
    static func bind(host: String, port: Int) -> MediaUDPSocket? {
        guard let address = (try? SocketAddress(ipAddress: host, port: port))
            ?? (try? SocketAddress.makeAddressResolvingHost(host, port: port)) else { return nil }
        let family: Int32
        switch address {
        case .v4: family = AF_INET
        case .v6: family = AF_INET6
        case .unixDomainSocket: return nil
        }
        let descriptor = socket(family, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        let bound = address.withSockAddr { pointer, length in Glibc.bind(descriptor, pointer, socklen_t(length)) }
        guard bound == 0 else {
            _ = Glibc.close(descriptor)
            return nil
        }
        return MediaUDPSocket(descriptor: descriptor, port: port)
    }

    /// Sends one datagram; errors (ICMP unreachable reported on a later call, a full buffer)
    /// lose that packet only, as UDP would, and the call goes on.
    func send(_ bytes: UnsafeRawBufferPointer, to destination: SocketAddress) {
        _ = destination.withSockAddr { address, length in
            sendto(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), address, socklen_t(length))
        }
    }

    func send(_ bytes: [UInt8], to destination: SocketAddress) {
        bytes.withUnsafeBytes { send($0, to: destination) }
    }

    /// Reads one datagram into `buffer`: its length and source, or nil when there is none, it
    /// was larger than the buffer (no RTP packet is), or the read reported an ICMP error
    /// (port unreachable after a send: ignored, RFC 3550 has the call go on).
    func receive(into buffer: UnsafeMutableRawBufferPointer) -> (count: Int, source: SocketAddress)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let count = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                recvfrom(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT | MSG_TRUNC), $0, &length)
            }
        }
        guard count >= 0, count <= buffer.count, let source = source(storage, length: length) else { return nil }
        return (count, source)
    }

    private func source(_ storage: sockaddr_storage, length: socklen_t) -> SocketAddress? {
        var storage = storage
        if let lastSource, length == lastSourceLength,
           memcmp(&storage, &lastSourceStorage, Int(length)) == 0 {
            return lastSource
        }
        let address: SocketAddress
        switch Int32(storage.ss_family) {
        case AF_INET:
            address = withUnsafeBytes(of: &storage) { SocketAddress($0.load(as: sockaddr_in.self)) }
        case AF_INET6:
            address = withUnsafeBytes(of: &storage) { SocketAddress($0.load(as: sockaddr_in6.self)) }
        default:
            return nil
        }
        lastSource = address
        lastSourceStorage = storage
        lastSourceLength = length
        return address
    }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        _ = Glibc.close(descriptor)
    }
}
