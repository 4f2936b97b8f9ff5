/// Turns received RFC 4733 packets into key presses (§2.5.2): one `Digit` per event however
/// many updates, retransmitted end packets or duplicates arrive, and even when the start
/// packet or all end packets are lost. An event is identified by its RTP timestamp (§2.5.1.2:
/// every packet of an event carries the event's start timestamp).
public struct TelephoneEventReceiver: Sendable {
    /// A completed key press.
    public struct Digit: Hashable, Sendable {
        public var event: UInt8
        /// In timestamp units: the longest duration reported for the event.
        public var duration: UInt32
        public var volume: UInt8
        /// True when no end packet arrived and the event was closed by something else.
        public var endMissing: Bool

        public init(event: UInt8, duration: UInt32, volume: UInt8, endMissing: Bool) {
            self.event = event
            self.duration = duration
            self.volume = volume
            self.endMissing = endMissing
        }

        public var character: Character? { DTMF.character(for: event) }
    }

    private struct Pending: Hashable, Sendable {
        var timestamp: UInt32
        var event: UInt8
        var duration: UInt16
        var volume: UInt8
    }

    private var pending: Pending?
    /// The timestamp of the last reported event: its late updates and repeated ends are ignored.
    private var lastReported: UInt32?

    public init() {}

    /// Feeds one telephone-event packet; returns the digits it completes (usually none or one;
    /// two when a new event shows that the previous one ended unseen and the new one is over too).
    public mutating func receive(timestamp: UInt32, payload: TelephoneEventPayload) -> [Digit] {
        if let lastReported, Int32(bitPattern: timestamp &- lastReported) <= 0 { return [] }
        var digits: [Digit] = []
        if let current = pending, current.timestamp != timestamp || current.event != payload.event {
            digits.append(report(current, endMissing: true))
        }
        var current = pending ?? Pending(timestamp: timestamp, event: payload.event, duration: 0, volume: payload.volume)
        current.duration = max(current.duration, payload.duration)
        current.volume = payload.volume
        if payload.isEnd {
            digits.append(report(current, endMissing: false))
        } else {
            pending = current
        }
        return digits
    }

    /// Closes an event whose end never came: call it when audio resumes or after a timeout.
    public mutating func flush() -> Digit? {
        pending.map { report($0, endMissing: true) }
    }

    /// True while an event has started and not been reported.
    public var hasPendingEvent: Bool { pending != nil }

    private mutating func report(_ event: Pending, endMissing: Bool) -> Digit {
        pending = nil
        lastReported = event.timestamp
        return Digit(event: event.event, duration: UInt32(event.duration), volume: event.volume, endMissing: endMissing)
    }
}
