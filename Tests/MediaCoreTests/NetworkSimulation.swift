import MediaCore

/// A sender producing 20 ms frames, a network, and a jitter buffer popped every 20 ms of the
/// receiver's clock, all on a virtual timeline. Frame payloads carry their index so each
/// played frame's mouth-to-ear delay is known exactly.
struct NetworkSimulation {
    /// Sender clock speed relative to the receiver's (1.005: the sender runs 0.5 % fast).
    var senderClockRatio = 1.0
    var frames = 3000
    var firstTimestamp: UInt32 = 1000
    var firstSequence: UInt16 = 0
    var ssrc: UInt32 = 0xABCD
    /// Network delay of frame `index`, or nil when it is lost.
    var delay: (Int) -> MediaTime? = { _ in .milliseconds(50) }
    /// Extra copies of frame `index` (duplicates).
    var duplicates: (Int) -> Int = { _ in 0 }
    var configuration = JitterBuffer.Configuration()

    struct Report: CustomStringConvertible {
        var statistics: JitterBuffer.Statistics
        /// Delay of each played frame (send to playout), in ms, with the frame's index.
        var delays: [(index: Int, milliseconds: Double)]
        var lost: Int
        var sent: Int
        var outputs: [JitterBuffer.Output]

        var meanDelay: Double { delays.map(\.milliseconds).reduce(0, +) / Double(max(delays.count, 1)) }
        var latePercent: Double { 100 * Double(statistics.late) / Double(max(sent, 1)) }
        var concealedPercent: Double { 100 * Double(statistics.concealed) / Double(max(sent, 1)) }

        /// Frames never played, in index order.
        var unplayed: [Int] {
            let played = Set(delays.map(\.index))
            return (0..<sent).filter { !played.contains($0) }
        }

        /// True when the played frames came out in sending order.
        var playedInOrder: Bool { zip(delays, delays.dropFirst()).allSatisfy { $0.index < $1.index } }

        /// Mean delay of the frames whose index lies in `range`.
        func meanDelay(frames range: Range<Int>) -> Double {
            let selected = delays.filter { range.contains($0.index) }.map(\.milliseconds)
            return selected.reduce(0, +) / Double(max(selected.count, 1))
        }

        var description: String {
            let round = { (value: Double) in (value * 100).rounded() / 100 }
            return "mean delay \(round(meanDelay)) ms, late \(round(latePercent)) %, concealed \(round(concealedPercent)) %, "
                + "lost \(lost), inserted \(statistics.inserted), dropped \(statistics.dropped), resets \(statistics.resets)"
        }
    }

    func sendTime(_ index: Int) -> MediaTime {
        MediaTime(microseconds: Int64((Double(index) * 20_000 / senderClockRatio).rounded()))
    }

    func run() -> Report {
        var arrivals: [(time: MediaTime, index: Int)] = []
        var lost = 0
        for index in 0..<frames {
            guard let delay = delay(index) else {
                lost += 1
                continue
            }
            for copy in 0...duplicates(index) {
                arrivals.append((sendTime(index) + delay + .milliseconds(Int64(copy)), index))
            }
        }
        arrivals.sort { $0.time < $1.time || ($0.time == $1.time && $0.index < $1.index) }
        var buffer = JitterBuffer(configuration: configuration)
        var delays: [(index: Int, milliseconds: Double)] = []
        var outputs: [JitterBuffer.Output] = []
        var next = 0
        var now = MediaTime.milliseconds(7)  // the sound card's phase differs from the sender's
        let end = sendTime(frames) + .seconds(1)
        while now < end {
            while next < arrivals.count, arrivals[next].time <= now {
                let index = arrivals[next].index
                buffer.insert(
                    sequence: firstSequence &+ UInt16(truncatingIfNeeded: index),
                    timestamp: firstTimestamp &+ UInt32(index) &* 160, ssrc: ssrc,
                    payload: Self.payload(index), arrival: arrivals[next].time)
                next += 1
            }
            let output = buffer.pop(at: now)
            outputs.append(output)
            if case .frame(let payload) = output, let index = Self.index(payload) {
                delays.append((index, (now - sendTime(index)).milliseconds))
            }
            now += .milliseconds(20)
        }
        return Report(statistics: buffer.statistics, delays: delays, lost: lost, sent: frames, outputs: outputs)
    }

    static func payload(_ index: Int) -> [UInt8] {
        withUnsafeBytes(of: UInt32(index).bigEndian) { Array($0) }
    }

    static func index(_ payload: [UInt8]) -> Int? {
        guard payload.count == 4 else { return nil }
        return Int(payload.reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }
}

/// Deterministic pseudo-random network delays.
struct DelayPattern {
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// Base delay ± `spread`, uniformly.
    mutating func uniform(base: Int64, spread: Int64) -> MediaTime {
        .microseconds(base * 1000 + Int64.random(in: -spread * 1000...spread * 1000, using: &generator))
    }
}

extension MediaTime {
    static func microseconds(_ value: Int64) -> MediaTime { MediaTime(microseconds: value) }
}
