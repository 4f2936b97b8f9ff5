/// Measures how late packets arrive relative to the fastest recent one, for the jitter buffer.
///
/// Each packet's transit is `arrival − timestamp/rate`; its own constant (clock offsets,
/// network base delay) cancels against the minimum transit of a sliding window. The window
/// is short (four 0.5 s buckets) so that clock drift, which moves every transit steadily,
/// moves the reference with it. The peak relative delay rises at once and decays slowly
/// after a hold time: the buffer grows on the first late packet and shrinks only when calm.
struct DelayEstimator: Sendable {
    static let bucketMicroseconds: Int64 = 500_000
    static let bucketCount = 4

    private var bucketMinimum = [Double](repeating: .infinity, count: bucketCount)
    private var bucketIndex = 0
    private var bucketStart: Int64?
    /// The last finite window minimum, kept through gaps so an inconsistent packet is noticed.
    private(set) var reference: Double?
    /// The largest recent delay beyond the reference, in microseconds.
    private(set) var peak: Double = 0
    private var lastRaise = MediaTime.zero
    private var lastUpdate = MediaTime.zero
    let holdMicroseconds: Double
    let decayPerSecond: Double

    init(holdMicroseconds: Double, decayPerSecond: Double) {
        self.holdMicroseconds = holdMicroseconds
        self.decayPerSecond = decayPerSecond
    }

    /// Adds one packet's transit (µs) measured at `arrival`.
    mutating func add(transit: Double, at arrival: MediaTime) {
        rotate(to: arrival.microseconds)
        bucketMinimum[bucketIndex] = min(bucketMinimum[bucketIndex], transit)
        let minimum = bucketMinimum.min() ?? transit
        reference = minimum
        let relative = transit - minimum
        let elapsed = Double((arrival - lastUpdate).microseconds)
        if Double((arrival - lastRaise).microseconds) > holdMicroseconds, elapsed > 0 {
            peak = max(peak - decayPerSecond * elapsed / 1_000_000, 0)
        }
        if relative >= peak {
            peak = relative
            lastRaise = arrival
        }
        lastUpdate = arrival
    }

    private mutating func rotate(to now: Int64) {
        guard let start = bucketStart else {
            bucketStart = now
            return
        }
        // Wrapping arithmetic: a clock that jumps (or a caller's bogus time) must not trap.
        let elapsed = now &- start
        guard elapsed >= Self.bucketMicroseconds else { return }
        let steps = min(elapsed / Self.bucketMicroseconds, Int64(Self.bucketCount))
        for _ in 0..<steps {
            bucketIndex = (bucketIndex + 1) % Self.bucketCount
            bucketMinimum[bucketIndex] = .infinity
        }
        bucketStart = now &- elapsed % Self.bucketMicroseconds
    }
}
