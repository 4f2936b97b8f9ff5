#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import SIPSyntax

/// The inbound end of a UDP socket: each datagram is one message (RFC 3261 §18.3), parsed and
/// screened here on the event loop. A lone CRLF is a keep-alive pong; a double CRLF a ping,
/// answered at once with a pong (the RFC 5626 §4.4.1 exchange, which some servers also speak
/// on UDP).
final class DatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>

    private let socket: SocketID
    private let sink: AsyncStream<ChannelSignal>.Continuation
    private let limits: SIPParserLimits
    private let server: String?
    private let backlog: InboundBacklog
    private var lastError: String?

    init(socket: SocketID, sink: AsyncStream<ChannelSignal>.Continuation, limits: SIPParserLimits, server: String?, backlog: InboundBacklog) {
        self.socket = socket
        self.sink = sink
        self.limits = limits
        self.server = server
        self.backlog = backlog
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard let source = SIPSocketAddress(envelope.remoteAddress) else { return }
        let bytes = envelope.data.bytes
        switch bytes {
        case KeepAliveBytes.pong:
            sink.yield(.pong(socket, source: source, credit: nil))
        case KeepAliveBytes.ping:
            let pong = AddressedEnvelope(remoteAddress: envelope.remoteAddress, data: ByteBuffer(bytes: KeepAliveBytes.pong))
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        default:
            guard backlog.admit(bytes) else { return }
            let verdict = InboundScreen.datagram(bytes, from: source, limits: limits, server: server)
            sink.yield(.datagram(socket, verdict, source: source, raw: bytes))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let text = SocketErrorText.describe(error)
        lastError = text
        sink.yield(.socketError(socket, text))
    }

    func channelInactive(context: ChannelHandlerContext) {
        sink.yield(.closed(socket, reason: lastError ?? "socket closed"))
        context.fireChannelInactive()
    }
}

/// The RFC 5626 §4.4.1 keep-alive bytes.
enum KeepAliveBytes {
    static let ping: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
    static let pong: [UInt8] = [0x0D, 0x0A]
}

/// Socket errors in the words a user understands (`IOError` prints the syscall too).
enum SocketErrorText {
    static func describe(_ error: any Error) -> String {
        if let io = error as? IOError {
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused (ICMP port unreachable)"
            case ECONNRESET: return "connection reset by peer"
            case EPIPE: return "broken pipe"
            case ETIMEDOUT: return "connection timed out"
            case EHOSTUNREACH: return "host unreachable"
            case ENETUNREACH: return "network unreachable"
            default: return io.description
            }
        }
        return tlsReason(String(describing: error)).map { "TLS alert \($0)" } ?? String(describing: error)
    }

    /// BoringSSL's reason code (`TLSV1_ALERT_CERTIFICATE_REQUIRED`, `CERTIFICATE_VERIFY_FAILED`)
    /// from NIOSSL's error text, without the build paths it also carries.
    static func tlsReason(_ text: String) -> String? {
        guard let marker = text.range(of: "OPENSSL_internal:") else { return nil }
        return String(text[marker.upperBound...].prefix { $0 != " " && $0 != "]" && $0 != ")" })
    }
}
