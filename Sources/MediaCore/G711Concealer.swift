/// Packet loss concealment for G.711 at 8 kHz, in the spirit of ITU-T G.711 Appendix I
/// (our own simplified design): repeat the last pitch period of the decoded signal, smooth
/// the period's seam, fade out linearly from 10 ms to silence at 60 ms of consecutive loss,
/// and cross-fade into the first good frame after a loss so no click is heard.
///
/// Per call it keeps fixed buffers; `conceal(into:)` and `received(_:)` do not allocate once
/// the frame buffer has its size.
public struct G711Concealer: Sendable {
    public let frameLength: Int
    /// Pitch search range in samples: 66–400 Hz at 8 kHz.
    static let minimumPitch = 20
    static let maximumPitch = 120
    /// The full level holds for 10 ms, then falls linearly to zero at 60 ms (80 and 480 samples).
    static let fadeStart = 80
    static let fadeEnd = 480
    /// Cross-fade into the first frame after a loss: 4 ms.
    static let recoveryOverlap = 32

    private var history: [Int16]
    private var hasHistory = false
    private var period: [Int16]
    private var pitch = 0
    /// Samples concealed in the current loss, 0 when the last frame was good.
    public private(set) var concealedSamples = 0

    public init(frameLength: Int = 160) {
        self.frameLength = max(frameLength, 1)
        history = [Int16](repeating: 0, count: 2 * Self.maximumPitch + 160)
        period = [Int16](repeating: 0, count: Self.maximumPitch)
    }

    /// Records a good frame (decoded samples); after a loss, first blends its start with the
    /// continued concealment.
    public mutating func received(_ frame: inout [Int16]) {
        if concealedSamples > 0 {
            let overlap = min(Self.recoveryOverlap, frame.count)
            for index in 0..<overlap {
                let weight = Double(index + 1) / Double(overlap + 1)
                let continued = Double(nextConcealedSample())
                frame[index] = Int16(clamping: Int((Double(frame[index]) * weight + continued * (1 - weight)).rounded()))
            }
            concealedSamples = 0
        }
        remember(frame)
    }

    /// The next concealment frame for a missing packet.
    public mutating func conceal(into frame: inout [Int16]) {
        if frame.count != frameLength { frame = [Int16](repeating: 0, count: frameLength) }
        if concealedSamples == 0 { startConcealment() }
        for index in 0..<frameLength { frame[index] = nextConcealedSample() }
        remember(frame)
    }

    public mutating func conceal() -> [Int16] {
        var frame: [Int16] = []
        conceal(into: &frame)
        return frame
    }

    private mutating func remember(_ frame: [Int16]) {
        let count = min(frame.count, history.count)
        history.removeFirst(count)
        history.append(contentsOf: frame.suffix(count))
        hasHistory = true
    }

    /// The sample at `concealedSamples` of the faded periodic extension, then advances.
    private mutating func nextConcealedSample() -> Int16 {
        defer { concealedSamples += 1 }
        guard pitch > 0, concealedSamples < Self.fadeEnd else { return 0 }
        let gain = concealedSamples < Self.fadeStart
            ? 1.0 : Double(Self.fadeEnd - concealedSamples) / Double(Self.fadeEnd - Self.fadeStart)
        return Int16(clamping: Int((Double(period[concealedSamples % pitch]) * gain).rounded()))
    }

    /// Captures the last pitch period, its seam smoothed so that its end flows into its start.
    private mutating func startConcealment() {
        guard hasHistory else {
            pitch = 0
            return
        }
        pitch = estimatePitch()
        let end = history.count
        for index in 0..<pitch { period[index] = history[end - pitch + index] }
        // The samples that precede the period's first sample are what its last quarter
        // should turn into, so the repetition has no jump at the seam.
        let seam = pitch / 4
        for index in 0..<seam {
            let weight = Double(index + 1) / Double(seam + 1)
            let own = Double(period[pitch - seam + index])
            let preceding = Double(history[end - pitch - seam + index])
            period[pitch - seam + index] = Int16(clamping: Int((own * (1 - weight) + preceding * weight).rounded()))
        }
    }

    /// The lag with the highest normalised autocorrelation of the last 20 ms.
    private func estimatePitch() -> Int {
        let window = 160
        let end = history.count
        var bestLag = Self.maximumPitch
        var bestScore = -Double.infinity
        for lag in Self.minimumPitch...Self.maximumPitch {
            var correlation = 0.0
            var energy = 0.0
            for index in (end - window)..<end {
                let lagged = Double(history[index - lag])
                correlation += Double(history[index]) * lagged
                energy += lagged * lagged
            }
            let score = energy > 0 ? correlation / energy.squareRoot() : 0
            if score > bestScore {
                bestScore = score
                bestLag = lag
            }
        }
        return bestLag
    }
}
