import NIOCore
import SIPServerLocation
import Synchronization

/// What the channel handlers report to the `SIPTransportLayer` actor. Handlers run on NIO event
/// loops and only parse and frame (pure work); every decision that needs the layer's state is
/// taken in the actor, which reads these from one `AsyncStream` in arrival order.
enum ChannelSignal: Sendable {
    /// A TCP or TLS listener accepted a connection.
    case accepted(SocketID, any Channel, SIPTransport, CloseReason)
    /// A message (or a verdict on one) arrived on a connection from `source`, counted in the
    /// connection's `StreamReadWindow` until the actor releases `credit`.
    case inbound(SocketID, InboundVerdict, source: SIPSocketAddress, credit: StreamCredit)
    /// The same for a datagram, counted in the `InboundBacklog` until the actor takes it, with
    /// the bytes as they came for the wire trace (also when they were rejected or dropped).
    case datagram(SocketID, InboundVerdict, source: SIPSocketAddress, raw: [UInt8])
    /// A keep-alive pong arrived (RFC 5626 §4.4.1 CRLF on streams); on a stream it is counted
    /// like a message (`credit`), as a flood of CRLFs would otherwise queue without bound.
    case pong(SocketID, source: SIPSocketAddress, credit: StreamCredit?)
    /// A non-fatal socket error, e.g. ICMP port unreachable on a connected UDP socket.
    case socketError(SocketID, String)
    /// The socket closed; `reason` is the last error seen, if any.
    case closed(SocketID, reason: String)
}

/// Why a connection failed, written by its handler on the event loop when the error happens,
/// so a write that fails right after (before the actor has seen the close) can still say why.
final class CloseReason: Sendable {
    private let value = Mutex<String?>(nil)

    /// Keeps the first reason: later errors are consequences of it.
    func record(_ reason: String) {
        value.withLock { if $0 == nil { $0 = reason } }
    }

    var text: String? { value.withLock { $0 } }
}

/// Hands out `SocketID`s from event-loop threads and the actor alike.
final class SocketIDGenerator: Sendable {
    private let counter = Mutex(0)

    func next() -> SocketID {
        SocketID(rawValue: counter.withLock { value in
            value += 1
            return value
        })
    }
}

extension ByteBuffer {
    /// The readable bytes as an array (SIPSyntax parses `[UInt8]`).
    var bytes: [UInt8] { Array(readableBytesView) }
}
