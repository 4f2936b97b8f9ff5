/// How much one TCP or TLS connection has framed that the transport actor has not yet taken,
/// and whether reading from it is paused. Pure: the event loop and the actor share it through
/// `StreamFlowControl`, which holds it under a lock and performs the wake-up it asks for.
///
/// Why backpressure and not dropping (as `InboundBacklog` does for UDP): a message on a
/// reliable transport is sent once and never retransmitted (RFC 3261 §17.1.1.2, §18), so a
/// message dropped here would be lost for good. Instead, a full window stops framing and
/// reading; the unread bytes stay in the kernel, whose TCP window then holds the sender back.
///
/// One window per connection, not one for all: a connection that floods then holds back only
/// itself, never the registrar's connection carrying the responses to our own transactions.
struct StreamReadWindow: Hashable, Sendable {
    /// The window's size; reading resumes once the actor has taken half of either bound.
    struct Limits: Hashable, Sendable {
        var messages: Int
        /// Also bounded in bytes: one message may be as large as `SIPParserLimits` allows
        /// (over 1 MiB), so a count alone would not bound memory.
        var bytes: Int

        static let standard = Limits(messages: 1_000, bytes: 4 << 20)
    }

    enum State: Hashable, Sendable {
        /// Framing what arrives and asking the socket for more.
        case reading
        /// Full: nothing more is framed or read until the actor has taken half.
        case paused
        /// The actor took enough; the wake-up is on its way to the event loop.
        case waking
    }

    /// Where reading stands after the actor took a message: how the actor learns of a pause
    /// (the event loop cannot tell it sooner: its signals queue behind the full window).
    enum AfterTaking: Hashable, Sendable {
        case reading
        /// Still paused: the actor is behind by more than half the window.
        case paused
        /// Drained to half just now: the caller must wake the event loop.
        case resumed
    }

    let limits: Limits
    private(set) var messages = 0
    private(set) var bytes = 0
    private(set) var state = State.reading

    init(limits: Limits = .standard) {
        self.limits = limits
    }

    /// On the event loop, before framing the next message: false while full (which pauses
    /// reading), paused or waking.
    mutating func mayFrame() -> Bool {
        guard state == .reading else { return false }
        guard messages >= limits.messages || bytes >= limits.bytes else { return true }
        state = .paused
        return false
    }

    /// On the event loop: a message (or pong) of `bytes` was passed to the actor.
    mutating func passed(bytes size: Int) {
        messages += 1
        bytes += size
    }

    /// In the actor, for each message it takes. `.resumed` comes exactly once per pause, when
    /// the window has drained to half: only the actor can end a pause, as the event loop reads
    /// nothing while paused and would never look again.
    mutating func taken(bytes size: Int) -> AfterTaking {
        messages -= 1
        bytes -= size
        switch state {
        case .reading, .waking:
            return .reading
        case .paused:
            guard messages <= limits.messages / 2, bytes <= limits.bytes / 2 else { return .paused }
            state = .waking
            return .resumed
        }
    }

    /// On the event loop, when the wake-up arrives: frame and read again.
    mutating func woke() {
        guard state == .waking else { return }
        state = .reading
    }
}
