import NIOCore
import Synchronization

/// One connection's `StreamReadWindow`, shared by its `StreamHandler` (on the event loop) and
/// the transport actor, which releases what it takes. When the actor's release drains a paused
/// window, the wake-up travels to the handler as a user outbound event through the channel,
/// which hops to the event loop: the handler is only ever touched there.
final class StreamFlowControl: Sendable {
    /// The wake-up the handler receives on its event loop.
    struct Wake: Sendable {}

    private let window: Mutex<StreamReadWindow>
    private let channel: any Channel

    init(channel: any Channel, limits: StreamReadWindow.Limits) {
        self.channel = channel
        window = Mutex(StreamReadWindow(limits: limits))
    }

    /// Messages passed to the actor and not yet taken.
    var waitingMessages: Int { window.withLock { $0.messages } }

    /// Whether the handler may read from the socket and frame what it holds.
    var isReading: Bool { window.withLock { $0.state == .reading } }

    /// Event loop: before framing the next message.
    func mayFrame() -> Bool { window.withLock { $0.mayFrame() } }

    /// Event loop: a message of `bytes` goes to the actor; the credit returns it.
    func pass(bytes: Int) -> StreamCredit {
        window.withLock { $0.passed(bytes: bytes) }
        return StreamCredit(flowControl: self, bytes: bytes)
    }

    /// Event loop: the wake-up arrived.
    func woke() { window.withLock { $0.woke() } }

    /// Actor: a message was taken. On `.resumed` the wake-up is sent.
    fileprivate func taken(bytes: Int) -> StreamReadWindow.AfterTaking {
        let after = window.withLock { $0.taken(bytes: bytes) }
        if after == .resumed {
            // The channel may have closed meanwhile; then there is nothing left to wake.
            channel.triggerUserOutboundEvent(Wake(), promise: nil)
        }
        return after
    }
}

/// A message from a stream counted in its connection's window until the actor takes it.
struct StreamCredit: Sendable {
    let flowControl: StreamFlowControl
    let bytes: Int

    /// In the actor, once per message taken.
    func release() -> StreamReadWindow.AfterTaking {
        flowControl.taken(bytes: bytes)
    }
}
