import NIOCore
import SIPSyntax

/// Where the transport layer gets its UDP sockets. Production leaves it out (nil) and binds real
/// sockets through NIO's `DatagramBootstrap`; tests inject a network that lives in memory, so two
/// engines in one process exchange datagrams without the kernel and on a virtual clock.
///
/// An implementation returns a `Channel` on which `pipeline` is installed: the transport then
/// writes `AddressedEnvelope<ByteBuffer>` on a bound socket and plain `ByteBuffer`s on a
/// connected one, exactly as on NIO's own datagram channels, and everything that arrives goes
/// through the same framing and screening (`DatagramHandler`) as a real datagram.
public protocol DatagramNetwork: Sendable {
    /// A socket bound to `address`; port 0 asks for any free port, and the channel's
    /// `localAddress` then says which.
    func bind(_ address: SIPSocketAddress, pipeline: DatagramPipeline) async throws(SIPTransportError) -> any Channel
    /// A socket connected to `remote` (RFC 3261 §18.1.1 client socket), bound to a local address
    /// the network picks; it hears only from `remote`.
    func connect(to remote: SIPSocketAddress, pipeline: DatagramPipeline) async throws(SIPTransportError) -> any Channel
}

/// The handlers every datagram socket of the transport layer carries, handed to a
/// `DatagramNetwork` so that sockets it makes frame and screen what arrives (RFC 3261 §18.3,
/// keep-alive CRLFs of RFC 5626 §4.4.1) the same way as NIO's.
public struct DatagramPipeline: Sendable {
    let socket: SocketID
    let sink: AsyncStream<ChannelSignal>.Continuation
    let limits: SIPParserLimits
    let server: String?
    let backlog: InboundBacklog

    /// Adds the handlers at the end of `channel`'s pipeline. Call it on the channel's event loop,
    /// as a bootstrap calls its channel initializer.
    public func install(on channel: any Channel) throws {
        try channel.pipeline.syncOperations.addHandler(
            DatagramHandler(socket: socket, sink: sink, limits: limits, server: server, backlog: backlog))
    }
}
