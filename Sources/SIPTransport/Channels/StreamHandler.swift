import NIOCore
import SIPSyntax

/// What every stream handler of one transport layer shares.
struct StreamSettings: Sendable {
    let sink: AsyncStream<ChannelSignal>.Continuation
    let limits: SIPParserLimits
    let server: String?
    let window: StreamReadWindow.Limits
}

/// The inbound end of a TCP or TLS connection: frames messages with `SIPStreamFramer`
/// (RFC 3261 §18.3, Content-Length), answers CRLF keep-alive pings with a pong and reports pongs
/// (RFC 5626 §4.4.1). A stream that can no longer be framed is closed (RFC 4475 §3.1.2.3):
/// there is no way to find the next message in it.
///
/// Backpressure (`StreamReadWindow`): while the actor has not taken enough of what this
/// connection sent, bytes already read wait unframed in the framer and the channel's `read`
/// requests are held back here, so the kernel's receive buffer fills and TCP flow control
/// stops the sender. Nothing is dropped or reordered: on the wake-up, framing continues where
/// it stopped before anything new is read.
final class StreamHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let socket: SocketID
    private let settings: StreamSettings
    private let flowControl: StreamFlowControl
    private let closeReason: CloseReason
    private var framer: SIPStreamFramer
    private var remote: SIPSocketAddress?
    private var lastError: String?
    /// The channel asked for a read while the window was shut; it is issued on the wake-up.
    private var readHeld = false
    /// A framing error closed the stream: nothing after it can be framed.
    private var broken = false

    init(socket: SocketID, channel: any Channel, settings: StreamSettings, closeReason: CloseReason) {
        self.socket = socket
        self.settings = settings
        self.closeReason = closeReason
        flowControl = StreamFlowControl(channel: channel, limits: settings.window)
        framer = SIPStreamFramer(limits: settings.limits)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        remote = SIPSocketAddress(context.channel.remoteAddress)
    }

    func channelActive(context: ChannelHandlerContext) {
        remote = SIPSocketAddress(context.channel.remoteAddress)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !broken else { return }
        framer.append(unwrapInboundIn(data).readableBytesView)
        deliver(context: context)
    }

    func read(context: ChannelHandlerContext) {
        if flowControl.isReading { context.read() } else { readHeld = true }
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is StreamFlowControl.Wake else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        promise?.succeed(())
        flowControl.woke()
        deliver(context: context)
        if readHeld && flowControl.isReading {
            readHeld = false
            context.read()
        }
    }

    /// Frames and passes on what the framer holds while the window has room; `ignoringWindow`
    /// when the connection closed, so that bytes read before the close are not lost.
    private func deliver(context: ChannelHandlerContext, ignoringWindow: Bool = false) {
        guard !broken, let source = remote ?? SIPSocketAddress(context.channel.remoteAddress) else { return }
        do throws(SIPParseError) {
            while ignoringWindow || flowControl.mayFrame() {
                let before = framer.bufferedByteCount
                guard let event = try framer.next() else { return }
                handle(event, size: before - framer.bufferedByteCount, source: source, context: context)
            }
        } catch {
            broken = true
            let verdict = InboundVerdict.drop("stream cannot be framed: \(error)")
            settings.sink.yield(.inbound(socket, verdict, source: source, credit: flowControl.pass(bytes: 0)))
            lastError = "closed after a framing error"
            closeReason.record("closed after a framing error")
            context.close(promise: nil)
        }
    }

    private func handle(_ event: SIPStreamEvent, size: Int, source: SIPSocketAddress, context: ChannelHandlerContext) {
        switch event {
        case .message(let message):
            let verdict = InboundScreen.screen(message, from: source, server: settings.server)
            settings.sink.yield(.inbound(socket, verdict, source: source, credit: flowControl.pass(bytes: size)))
        case .keepAlivePing:
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: KeepAliveBytes.pong)), promise: nil)
        case .keepAlivePong:
            settings.sink.yield(.pong(socket, source: source, credit: flowControl.pass(bytes: size)))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        lastError = SocketErrorText.describe(error)
        closeReason.record(SocketErrorText.describe(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deliver(context: context, ignoringWindow: true)
        settings.sink.yield(.closed(socket, reason: lastError ?? "closed by the peer"))
        context.fireChannelInactive()
    }
}
