/// Notices when the other side's media stops ("no audio from the other side") and when it
/// comes back. Sans-I/O: packets and timer firings go in, events come out, and `deadline`
/// says when the owner should call `timerFired` next.
public struct MediaWatchdog: Sendable {
    public enum Event: Hashable, Sendable {
        case mediaTimeout
        case mediaRestored
    }

    private enum State: Hashable, Sendable {
        /// Media expected; the last sign of life (or the start) was at `since`.
        case watching(since: MediaTime)
        case timedOut
        /// On hold or otherwise not expecting media.
        case paused
    }

    public let timeout: MediaTime
    private var state: State

    /// Starts watching at `start` (the call's media start counts as the first sign of life).
    public init(timeout: MediaTime, start: MediaTime) {
        self.timeout = timeout
        state = .watching(since: start)
    }

    /// When `timerFired` should be called next; nil while timed out or paused.
    public var deadline: MediaTime? {
        switch state {
        case .watching(let since): return since + timeout
        case .timedOut, .paused: return nil
        }
    }

    public var isTimedOut: Bool { state == .timedOut }

    /// An RTP (or RTCP) packet from the peer arrived.
    public mutating func packetReceived(at now: MediaTime) -> Event? {
        switch state {
        case .watching:
            state = .watching(since: now)
            return nil
        case .timedOut:
            state = .watching(since: now)
            return .mediaRestored
        case .paused:
            return nil
        }
    }

    /// The timer for `deadline` fired (early or late firings are judged against `now`).
    public mutating func timerFired(at now: MediaTime) -> Event? {
        switch state {
        case .watching(let since):
            guard now - since >= timeout else { return nil }
            state = .timedOut
            return .mediaTimeout
        case .timedOut, .paused:
            return nil
        }
    }

    /// Hold (sendonly/inactive): silence is expected, so stop watching.
    public mutating func pause() {
        state = .paused
    }

    /// Media expected again from `now`.
    public mutating func resume(at now: MediaTime) {
        state = .watching(since: now)
    }
}
