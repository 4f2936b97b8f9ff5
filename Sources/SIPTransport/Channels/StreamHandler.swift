import NIOCore
import SIPSyntax

/// The inbound end of a TCP or TLS connection: frames messages with `SIPStreamFramer`
/// (RFC 3261 §18.3, Content-Length), answers CRLF keep-alive pings with a pong and reports pongs
/// (RFC 5626 §4.4.1). A stream that can no longer be framed is closed (RFC 4475 §3.1.2.3):
/// there is no way to find the next message in it.
final class StreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let socket: SocketID
    private let sink: AsyncStream<ChannelSignal>.Continuation
    private let server: String?
    private let closeReason: CloseReason
    private var framer: SIPStreamFramer
    private var remote: SIPSocketAddress?
    private var lastError: String?

    init(
        socket: SocketID, sink: AsyncStream<ChannelSignal>.Continuation, limits: SIPParserLimits, server: String?,
        closeReason: CloseReason
    ) {
        self.socket = socket
        self.closeReason = closeReason
        self.sink = sink
        self.server = server
        self.framer = SIPStreamFramer(limits: limits)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        remote = SIPSocketAddress(context.channel.remoteAddress)
    }

    func channelActive(context: ChannelHandlerContext) {
        remote = SIPSocketAddress(context.channel.remoteAddress)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let source = remote ?? SIPSocketAddress(context.channel.remoteAddress) else { return }
        framer.append(unwrapInboundIn(data).readableBytesView)
        do throws(SIPParseError) {
            while let event = try framer.next() {
                handle(event, source: source, context: context)
            }
        } catch {
            sink.yield(.inbound(socket, .drop("stream cannot be framed: \(error)"), source: source))
            lastError = "closed after a framing error"
            closeReason.record("closed after a framing error")
            context.close(promise: nil)
        }
    }

    private func handle(_ event: SIPStreamEvent, source: SIPSocketAddress, context: ChannelHandlerContext) {
        switch event {
        case .message(let message):
            sink.yield(.inbound(socket, InboundScreen.screen(message, from: source, server: server), source: source))
        case .keepAlivePing:
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: KeepAliveBytes.pong)), promise: nil)
        case .keepAlivePong:
            sink.yield(.pong(socket, source: source))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        lastError = SocketErrorText.describe(error)
        closeReason.record(SocketErrorText.describe(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        sink.yield(.closed(socket, reason: lastError ?? "closed by the peer"))
        context.fireChannelInactive()
    }
}
