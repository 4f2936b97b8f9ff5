import NIOCore
import NIOPosix

/// The RTP and RTCP sockets of one call: an even port in the configured range and the next
/// one (RFC 3550 §11), bound on the call's address. RTCP's socket stays bound even when
/// rtcp-mux is negotiated later, since the answer can still refuse the mux.
struct MediaSockets {
    let rtp: any Channel
    let rtcp: any Channel
    let port: Int

    /// Tries random even ports of `range` until a pair binds.
    static func bind(host: String, range: ClosedRange<Int>, on loop: any EventLoop, inbox: DatagramInbox) async throws(CallMediaError) -> MediaSockets {
        let first = range.lowerBound + (range.lowerBound & 1)
        guard first + 1 <= range.upperBound else { throw .noPortAvailable(range: range) }
        let evenPorts = stride(from: first, to: range.upperBound, by: 2)
        var generator = SystemRandomNumberGenerator()
        var candidates = Array(evenPorts.shuffled(using: &generator).prefix(64))
        if candidates.isEmpty { candidates = [first] }
        for port in candidates {
            guard let rtp = try? await channel(host: host, port: port, loop: loop, inbox: inbox, rtcp: false) else { continue }
            guard let rtcp = try? await channel(host: host, port: port + 1, loop: loop, inbox: inbox, rtcp: true) else {
                try? await rtp.close()
                continue
            }
            return MediaSockets(rtp: rtp, rtcp: rtcp, port: port)
        }
        throw .noPortAvailable(range: range)
    }

    private static func channel(host: String, port: Int, loop: any EventLoop, inbox: DatagramInbox, rtcp: Bool) async throws -> any Channel {
        try await DatagramBootstrap(group: loop)
            .channelOption(ChannelOptions.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 2048))
            // One datagram per wake-up: a packet arrives every 20 ms, so reading on until the
            // socket is empty costs a second recvmsg (EAGAIN) per packet. The poll is
            // level-triggered, so a second queued datagram still wakes the loop at once.
            .channelOption(ChannelOptions.maxMessagesPerRead, value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(DatagramHandler(inbox: inbox, isRTCPSocket: rtcp))
                }
            }
            .bind(host: host, port: port)
            .get()
    }

    func close() async {
        try? await rtp.close()
        try? await rtcp.close()
    }
}

/// Where received datagrams go once the session exists (the sockets are bound first).
final class DatagramInbox: Sendable {
    typealias Receiver = ([UInt8], SocketAddress, Bool) -> Void
    private let receiver: NIOLoopBoundBox<Receiver?>

    init(loop: any EventLoop) {
        receiver = .makeEmptyBox(eventLoop: loop)
    }

    /// Call on the loop.
    func setReceiver(_ receiver: Receiver?) { self.receiver.value = receiver }

    func deliver(_ bytes: [UInt8], from source: SocketAddress, isRTCPSocket: Bool) {
        receiver.value?(bytes, source, isRTCPSocket)
    }
}

final class DatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let inbox: DatagramInbox
    let isRTCPSocket: Bool

    init(inbox: DatagramInbox, isRTCPSocket: Bool) {
        self.inbox = inbox
        self.isRTCPSocket = isRTCPSocket
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        inbox.deliver(Array(envelope.data.readableBytesView), from: envelope.remoteAddress, isRTCPSocket: isRTCPSocket)
    }

    /// ICMP port unreachable surfaces as a read error on a UDP socket; the call goes on.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {}
}
