/// One packet the event sender wants on the wire; the caller numbers it through its
/// `RTPSender.nextHeader(payloadType:timestamp:marker:payloadCount:)`.
public struct TelephoneEventPacket: Hashable, Sendable {
    public var marker: Bool
    public var timestamp: UInt32
    public var payload: TelephoneEventPayload
}

/// Sends queued DTMF digits as RFC 4733 events (§2.5.1), driven by a tick every update
/// interval: a first packet with the marker, updates with the same timestamp and a growing
/// duration, then the final packet three times at the update interval (§2.5.1.4). The caller
/// sends no audio in a period where `tick` returned a packet, keeping its timeline running
/// with `RTPSender.skipSilence`.
public struct TelephoneEventSender: Sendable {
    public struct Configuration: Hashable, Sendable {
        /// Timestamp units per tick (50 ms at 8 kHz = 400).
        public var updateInterval: UInt32
        /// How long each digit sounds, in timestamp units.
        public var toneDuration: UInt32
        /// Silent ticks between the last end packet and the next digit.
        public var pauseTicks: Int
        public var volume: UInt8

        public init(updateInterval: UInt32 = 400, toneDuration: UInt32 = 800, pauseTicks: Int = 0, volume: UInt8 = 10) {
            self.updateInterval = max(updateInterval, 1)
            self.toneDuration = min(max(toneDuration, self.updateInterval), UInt32(UInt16.max))
            self.pauseTicks = max(pauseTicks, 0)
            self.volume = volume & 0x3F
        }
    }

    private enum State: Hashable, Sendable {
        case idle
        case playing(event: UInt8, start: UInt32, duration: UInt32)
        case ending(event: UInt8, start: UInt32, duration: UInt32, remaining: Int)
        case pausing(remaining: Int)
    }

    public static let endRetransmissions = 3

    public let configuration: Configuration
    private var state = State.idle
    private var queue: [UInt8] = []

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Queues the digits of `text`; returns the characters that are not DTMF (and skips them).
    @discardableResult
    public mutating func enqueue(_ text: String) -> [Character] {
        var rejected: [Character] = []
        for character in text {
            if let event = DTMF.event(for: character) { queue.append(event) } else { rejected.append(character) }
        }
        return rejected
    }

    /// True while an event has more packets to send (its end has not gone out three times).
    public var isSending: Bool {
        switch state {
        case .playing, .ending: return true
        case .idle, .pausing: return false
        }
    }

    /// True when nothing is playing, pausing or queued.
    public var isIdle: Bool { state == .idle && queue.isEmpty }

    /// One update interval has passed; `timestamp` is the stream's current media timestamp.
    public mutating func tick(timestamp: UInt32) -> TelephoneEventPacket? {
        switch state {
        case .idle:
            guard !queue.isEmpty else { return nil }
            let event = queue.removeFirst()
            let duration = configuration.updateInterval
            state = duration >= configuration.toneDuration
                ? .ending(event: event, start: timestamp, duration: duration, remaining: Self.endRetransmissions)
                : .playing(event: event, start: timestamp, duration: duration)
            return packet(event: event, start: timestamp, duration: duration, end: false, marker: true)
        case .playing(let event, let start, let previous):
            let duration = min(previous + configuration.updateInterval, configuration.toneDuration)
            guard duration < configuration.toneDuration else {
                state = .ending(event: event, start: start, duration: duration, remaining: Self.endRetransmissions - 1)
                return packet(event: event, start: start, duration: duration, end: true, marker: false)
            }
            state = .playing(event: event, start: start, duration: duration)
            return packet(event: event, start: start, duration: duration, end: false, marker: false)
        case .ending(let event, let start, let duration, let remaining):
            state = remaining > 1
                ? .ending(event: event, start: start, duration: duration, remaining: remaining - 1)
                : .pausing(remaining: configuration.pauseTicks)
            return packet(event: event, start: start, duration: duration, end: true, marker: false)
        case .pausing(let remaining):
            guard remaining <= 0 else {
                state = .pausing(remaining: remaining - 1)
                return nil
            }
            state = .idle
            return tick(timestamp: timestamp)
        }
    }

    private func packet(event: UInt8, start: UInt32, duration: UInt32, end: Bool, marker: Bool) -> TelephoneEventPacket {
        TelephoneEventPacket(
            marker: marker, timestamp: start,
            payload: TelephoneEventPayload(event: event, isEnd: end, volume: configuration.volume, duration: UInt16(clamping: duration)))
    }
}
