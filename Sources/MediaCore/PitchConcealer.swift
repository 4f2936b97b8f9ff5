/// Packet loss concealment for narrowband and wideband voice (G.711 at 8 kHz, G.722 at
/// 16 kHz), in the spirit of ITU-T G.711 Appendix I (our own simplified design): repeat the
/// last pitch period of the decoded signal, smooth the period's seam, fade out linearly from
/// 10 ms to silence at 60 ms of consecutive loss, and cross-fade into the first good frame
/// after a loss so no click is heard. Every length below is in milliseconds' worth of samples
/// at `sampleRate`, so 16 kHz audio gets the same timing and pitch range as 8 kHz.
///
/// Per call it keeps fixed buffers; `conceal(into:)` and `received(_:)` do not allocate once
/// the frame buffer has its size.
public struct PitchConcealer: Sendable {
    public let frameLength: Int
    /// Pitch search range: 66–400 Hz (2.5–15 ms).
    let minimumPitch: Int
    let maximumPitch: Int
    /// The full level holds for 10 ms, then falls linearly to zero at 60 ms.
    let fadeStart: Int
    let fadeEnd: Int
    /// Cross-fade into the first frame after a loss: 4 ms.
    let recoveryOverlap: Int
    /// The pitch is estimated over the last 20 ms.
    let pitchWindow: Int

    private var history: [Int16]
    private var hasHistory = false
    private var period: [Int16]
    private var pitch = 0
    /// Samples concealed in the current loss, 0 when the last frame was good.
    public private(set) var concealedSamples = 0

    /// `sampleRate` a multiple of 8 kHz (8000 for G.711, 16000 for G.722's audio).
    public init(frameLength: Int = 160, sampleRate: Int = 8000) {
        let perMillisecond = max(sampleRate / 1000, 8)
        self.frameLength = max(frameLength, 1)
        minimumPitch = perMillisecond * 5 / 2
        maximumPitch = perMillisecond * 15
        fadeStart = perMillisecond * 10
        fadeEnd = perMillisecond * 60
        recoveryOverlap = perMillisecond * 4
        pitchWindow = perMillisecond * 20
        history = [Int16](repeating: 0, count: 2 * maximumPitch + pitchWindow)
        period = [Int16](repeating: 0, count: maximumPitch)
    }

    /// Records a good frame (decoded samples); after a loss, first blends its start with the
    /// continued concealment.
    public mutating func received(_ frame: inout [Int16]) {
        if concealedSamples > 0 {
            let overlap = min(recoveryOverlap, frame.count)
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
        guard pitch > 0, concealedSamples < fadeEnd else { return 0 }
        let gain = concealedSamples < fadeStart
            ? 1.0 : Double(fadeEnd - concealedSamples) / Double(fadeEnd - fadeStart)
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
        let window = pitchWindow
        let end = history.count
        var bestLag = maximumPitch
        var bestScore = -Double.infinity
        for lag in minimumPitch...maximumPitch {
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
