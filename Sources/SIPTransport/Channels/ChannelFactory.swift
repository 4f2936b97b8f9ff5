import NIOCore
import NIOPosix
import NIOSSL
import SIPServerLocation
import SIPSyntax

/// The NIO bootstraps: bind listeners and open client sockets, each with the handlers that frame
/// and screen what arrives. The only place that knows about NIO's bootstrap API.
struct ChannelFactory: Sendable {
    let group: any EventLoopGroup
    let ids: SocketIDGenerator
    let sink: AsyncStream<ChannelSignal>.Continuation
    let limits: SIPParserLimits
    let server: String?
    let backlog: InboundBacklog
    /// Each TCP or TLS connection's own bound on what waits for the actor.
    let streamWindow: StreamReadWindow.Limits
    let connectTimeout: Duration
    /// Injected UDP sockets (tests); nil binds real ones through NIO.
    let network: (any DatagramNetwork)?

    /// Datagrams up to the largest UDP payload are read whole: NIO's default 2 KiB buffer would
    /// truncate larger ones silently, and a truncated SIP message must not be parsed as complete.
    static let maxDatagram = 65_536

    func bindDatagram(_ address: SIPSocketAddress, socket: SocketID) async throws(SIPTransportError) -> any Channel {
        if let network { return try await network.bind(address, pipeline: datagramPipeline(socket: socket)) }
        let bootstrap = datagramBootstrap(socket: socket)
        let socketAddress = try address.socketAddress()
        return try await Self.await(.udp, address) { bootstrap.bind(to: socketAddress) }
    }

    /// A UDP socket connected to one server: the kernel then picks the right source address for
    /// our Via, and reports ICMP port unreachable as an error, so a dead server fails at once.
    func connectDatagram(to remote: SIPSocketAddress, socket: SocketID) async throws(SIPTransportError) -> any Channel {
        if let network { return try await network.connect(to: remote, pipeline: datagramPipeline(socket: socket)) }
        let bootstrap = datagramBootstrap(socket: socket)
        let local = remote.address.family == .ipv4 ? "0.0.0.0" : "::"
        let socketAddress = try remote.socketAddress()
        return try await Self.await(.udp, remote) {
            bootstrap.bind(host: local, port: 0).flatMap { channel in channel.connect(to: socketAddress).map { channel } }
        }
    }

    private func datagramBootstrap(socket: SocketID) -> DatagramBootstrap {
        let pipeline = datagramPipeline(socket: socket)
        return DatagramBootstrap(group: group)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: Self.maxDatagram))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try pipeline.install(on: channel) }
            }
    }

    private func datagramPipeline(socket: SocketID) -> DatagramPipeline {
        DatagramPipeline(socket: socket, sink: sink, limits: limits, server: server, backlog: backlog)
    }

    /// A TCP or TLS listener; each accepted connection gets its own `SocketID` and is announced
    /// with `.accepted` before any of its messages.
    func bindStream(_ transport: SIPTransport, _ address: SIPSocketAddress, tls: NIOSSLContext?) async throws(SIPTransportError) -> any Channel {
        let (ids, sink, settings) = (ids, sink, streamSettings)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let id = ids.next()
                    let reason = CloseReason()
                    if let tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                    try channel.pipeline.syncOperations.addHandler(
                        StreamHandler(socket: id, channel: channel, settings: settings, closeReason: reason))
                    sink.yield(.accepted(id, channel, transport, reason))
                }
            }
        let socketAddress = try address.socketAddress()
        return try await Self.await(transport, address) { bootstrap.bind(to: socketAddress) }
    }

    var streamSettings: StreamSettings {
        StreamSettings(sink: sink, limits: limits, server: server, window: streamWindow)
    }

    /// The listener's bind error in our terms.
    private static func await(
        _ transport: SIPTransport, _ address: SIPSocketAddress, _ start: () -> EventLoopFuture<any Channel>
    ) async throws(SIPTransportError) -> any Channel {
        do {
            return try await start().get()
        } catch {
            throw .bindFailed(transport: transport, address: address.address.description, port: address.port, reason: SocketErrorText.describe(error))
        }
    }
}
