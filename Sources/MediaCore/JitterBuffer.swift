/// An adaptive jitter buffer for fixed-duration frames (G.711's 20 ms), driven by the playout
/// clock: `insert` on every packet arrival, `pop` once per frame period.
///
/// Playout follows an ideal position: the timestamp that should be playing now is
/// `(now − minimum transit − target delay) × rate`. Each pop compares the actual position with
/// it; when the buffer runs more than a frame behind (too much delay: the target shrank, or the
/// sender's clock is faster) a frame is dropped, at most once per `dropInterval`; when it runs
/// a frame ahead (too little delay: the target grew, or the sender is slower) a concealment
/// frame is inserted. That one rule absorbs delay changes and clock drift, so the delay stays
/// bounded however long the call.
public struct JitterBuffer: Sendable {
    public struct Configuration: Hashable, Sendable {
        public var clockRate: Int
        /// Timestamp units per frame (160 for 20 ms at 8 kHz).
        public var frameSamples: UInt32
        public var minimumDelay: MediaTime
        public var maximumDelay: MediaTime
        /// Packets held at most; the oldest is dropped beyond it.
        public var capacity: Int
        /// Empty-buffer frames concealed before the stream counts as silent (DTX or a long gap).
        /// An empty buffer cannot tell loss from DTX; concealment fades to silence by 60 ms
        /// anyway, so erring towards concealment (200 ms) costs nothing audible.
        public var concealBeforeSilence: Int
        /// The shortest time between two frame drops.
        public var dropInterval: MediaTime
        /// How long the peak delay holds before it decays, and how fast it then decays.
        public var peakHold: MediaTime
        public var peakDecayPerSecond: MediaTime
        /// A packet whose transit differs by more than this from the stream's is a timestamp jump.
        public var resetThreshold: MediaTime

        public init(
            clockRate: Int = 8000, frameSamples: UInt32 = 160, minimumDelay: MediaTime = .milliseconds(20),
            maximumDelay: MediaTime = .milliseconds(300), capacity: Int = 64, concealBeforeSilence: Int = 10,
            dropInterval: MediaTime = .milliseconds(500), peakHold: MediaTime = .seconds(2),
            peakDecayPerSecond: MediaTime = .milliseconds(5), resetThreshold: MediaTime = .seconds(2)
        ) {
            self.clockRate = min(max(clockRate, 1), 1_000_000)
            self.frameSamples = max(frameSamples, 1)
            self.minimumDelay = minimumDelay
            self.maximumDelay = max(maximumDelay, minimumDelay)
            self.capacity = max(capacity, 2)
            self.concealBeforeSilence = max(concealBeforeSilence, 0)
            self.dropInterval = dropInterval
            self.peakHold = peakHold
            self.peakDecayPerSecond = peakDecayPerSecond
            self.resetThreshold = resetThreshold
        }

        var frameDuration: MediaTime {
            MediaTime(microseconds: Int64(frameSamples) * 1_000_000 / Int64(clockRate))
        }
    }

    /// What to play for one frame period.
    public enum Output: Hashable, Sendable {
        case frame([UInt8])
        /// A frame is missing (lost, late, or inserted to grow the delay): run concealment.
        case conceal
        /// Nothing to play: before the stream starts, or during DTX/silence.
        case silence
    }

    /// What `insert` did with a packet.
    public enum InsertResult: Hashable, Sendable {
        case buffered
        /// Its playout time had passed.
        case late
        case duplicate
        /// The SSRC changed or the timestamps jumped: the buffer started over with this packet.
        case reset
    }

    public struct Statistics: Hashable, Sendable {
        public var received = 0
        public var played = 0
        public var late = 0
        public var duplicates = 0
        public var reordered = 0
        public var concealed = 0
        public var silent = 0
        /// Frames inserted to grow the delay (also counted in `concealed`).
        public var inserted = 0
        /// Frames dropped to shrink the delay or follow a fast sender clock.
        public var dropped = 0
        public var overflowed = 0
        public var resets = 0
    }

    private struct Stored: Sendable {
        var timestamp: Int64
        var sequence: UInt16
        var payload: [UInt8]
    }

    private enum Mode: Hashable, Sendable {
        case idle
        case silent
        case playing(emptyFrames: Int)
    }

    public let configuration: Configuration
    public private(set) var statistics = Statistics()
    private var mode = Mode.idle
    private var ssrc: UInt32?
    private var highestSequence: UInt16 = 0
    private var lastTimestamp: Int64 = 0
    /// Extended timestamp of the next frame to play; everything before it is late.
    private var nextPlayout: Int64?
    private var packets: [Stored] = []
    private var estimator: DelayEstimator
    private var lastDrop: MediaTime?
    /// The sequence number of the last frame played, to tell a DTX gap from loss.
    private var lastPlayedSequence: UInt16?
    /// Set by a `pop` that concealed a missing frame when the frame right after it is already
    /// here: Opus carries a copy of the lost frame in that packet's in-band FEC (RFC 7587 §3.3),
    /// so the decoder can recover it instead of guessing. Nil after any other `pop`.
    public private(set) var recoveryPayload: [UInt8]?

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        packets.reserveCapacity(configuration.capacity + 1)
        estimator = Self.makeEstimator(configuration)
    }

    private static func makeEstimator(_ configuration: Configuration) -> DelayEstimator {
        DelayEstimator(
            holdMicroseconds: Double(configuration.peakHold.microseconds),
            decayPerSecond: Double(configuration.peakDecayPerSecond.microseconds))
    }

    /// The delay the buffer aims for beyond the fastest packets: the peak jitter plus one
    /// frame (playout is quantised to frames), within the configured bounds.
    public var targetDelay: MediaTime {
        let wanted = MediaTime(microseconds: Int64(estimator.peak)) + configuration.frameDuration
        return min(max(wanted, configuration.minimumDelay), configuration.maximumDelay)
    }

    /// Packets waiting.
    public var count: Int { packets.count }
}

extension JitterBuffer {
    /// Files one arriving packet.
    @discardableResult
    public mutating func insert(sequence: UInt16, timestamp: UInt32, ssrc: UInt32, payload: [UInt8], arrival: MediaTime) -> InsertResult {
        statistics.received += 1
        var result = InsertResult.buffered
        if mode == .idle || self.ssrc != ssrc {
            if mode != .idle { result = .reset }
            start(ssrc: ssrc, sequence: sequence, timestamp: timestamp)
        }
        var extended = extend(timestamp)
        var transit = self.transit(extended, arrival: arrival)
        if let reference = estimator.reference, abs(transit - reference) > Double(configuration.resetThreshold.microseconds) {
            // The timestamps jumped (a restarted sender or a stray packet): start over with this one.
            start(ssrc: ssrc, sequence: sequence, timestamp: timestamp)
            result = .reset
            extended = extend(timestamp)
            transit = self.transit(extended, arrival: arrival)
        }
        return insertConsistent(sequence: sequence, extended: extended, transit: transit, payload: payload, arrival: arrival, result: result)
    }

    /// Arrival minus media time, in µs: constant for a steady network and matched clocks.
    private func transit(_ extended: Int64, arrival: MediaTime) -> Double {
        Double(arrival.microseconds) - Double(extended) * 1_000_000 / Double(configuration.clockRate)
    }

    private mutating func insertConsistent(
        sequence: UInt16, extended: Int64, transit: Double, payload: [UInt8], arrival: MediaTime, result: InsertResult
    ) -> InsertResult {
        if Int16(bitPattern: sequence &- highestSequence) < 0 { statistics.reordered += 1 } else { highestSequence = sequence }
        let index = insertionIndex(for: extended)
        if index < packets.count, packets[index].timestamp == extended {
            statistics.duplicates += 1
            return .duplicate
        }
        // Late packets still feed the estimator: they are exactly what says the buffer must grow.
        estimator.add(transit: transit, at: arrival)
        if let nextPlayout, extended < nextPlayout {
            statistics.late += 1
            return .late
        }
        packets.insert(Stored(timestamp: extended, sequence: sequence, payload: payload), at: index)
        if packets.count > configuration.capacity {
            packets.removeFirst()
            statistics.overflowed += 1
        }
        return result
    }

    /// Forgets everything about the previous stream (new SSRC, or its timestamps jumped).
    private mutating func start(ssrc: UInt32, sequence: UInt16, timestamp: UInt32) {
        if mode != .idle { statistics.resets += 1 }
        self.ssrc = ssrc
        highestSequence = sequence
        lastTimestamp = Int64(timestamp)
        nextPlayout = nil
        packets.removeAll(keepingCapacity: true)
        estimator = Self.makeEstimator(configuration)
        mode = .silent
        lastDrop = nil
        lastPlayedSequence = nil
    }

    /// RTP timestamps wrap at 2^32; the nearest extension of the last one is taken (±2^31).
    private mutating func extend(_ timestamp: UInt32) -> Int64 {
        let delta = Int32(bitPattern: timestamp &- UInt32(truncatingIfNeeded: lastTimestamp))
        let extended = lastTimestamp + Int64(delta)
        lastTimestamp = max(lastTimestamp, extended)
        return extended
    }

    /// Packets are few (a few hundred ms), so a scan from the newest end is cheapest: arrivals
    /// are nearly always in order.
    private func insertionIndex(for timestamp: Int64) -> Int {
        var index = packets.count
        while index > 0, packets[index - 1].timestamp >= timestamp { index -= 1 }
        return index
    }
}

extension JitterBuffer {
    /// What to play for the frame period starting at `now`.
    public mutating func pop(at now: MediaTime) -> Output {
        recoveryPayload = nil
        switch mode {
        case .idle:
            statistics.silent += 1
            return .silence
        case .silent:
            guard let first = packets.first, Double(first.timestamp) <= idealPosition(at: now) + Double(configuration.frameSamples) / 2 else {
                statistics.silent += 1
                return .silence
            }
            nextPlayout = first.timestamp
            mode = .playing(emptyFrames: 0)
            return play(at: now, emptyFrames: 0)
        case .playing(let emptyFrames):
            return play(at: now, emptyFrames: emptyFrames)
        }
    }

    /// The extended timestamp that should be playing at `now` for the current target delay.
    private func idealPosition(at now: MediaTime) -> Double {
        let reference = estimator.reference ?? 0
        let microseconds = Double(now.microseconds) - reference - Double(targetDelay.microseconds)
        return microseconds * Double(configuration.clockRate) / 1_000_000
    }

    private mutating func play(at now: MediaTime, emptyFrames: Int) -> Output {
        guard var position = nextPlayout else { return .silence }
        let frame = Int64(configuration.frameSamples)
        let error = idealPosition(at: now) - Double(position)
        if error < -Double(frame) {
            // Playing too early for the target: stretch by one concealed frame.
            statistics.inserted += 1
            statistics.concealed += 1
            return .conceal
        }
        while let first = packets.first, first.timestamp < position { packets.removeFirst() }
        let output: Output
        if let first = packets.first, first.timestamp == position {
            output = .frame(packets.removeFirst().payload)
            lastPlayedSequence = first.sequence
            statistics.played += 1
            mode = .playing(emptyFrames: 0)
        } else if let first = packets.first, let lastPlayedSequence, first.sequence == lastPlayedSequence &+ 1 {
            // The next packet follows the last one played without a sequence gap, yet its
            // timestamp is later: the sender paused (DTX), nothing was lost. Resynchronise.
            output = .silence
            statistics.silent += 1
            mode = .silent
        } else if !packets.isEmpty || emptyFrames < configuration.concealBeforeSilence {
            output = .conceal
            statistics.concealed += 1
            if let first = packets.first, first.timestamp == position + frame { recoveryPayload = first.payload }
            mode = .playing(emptyFrames: packets.isEmpty ? emptyFrames + 1 : 0)
        } else {
            output = .silence
            statistics.silent += 1
            mode = .silent
        }
        position += frame
        if error > Double(frame), lastDrop.map({ now - $0 >= configuration.dropInterval }) ?? true {
            // Playing too late for the target: skip the next frame.
            if let first = packets.first, first.timestamp == position { packets.removeFirst() }
            position += frame
            statistics.dropped += 1
            lastDrop = now
        }
        nextPlayout = position
        return output
    }
}
