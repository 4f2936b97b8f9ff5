import Foundation

/// What a recording of a test tone contains: the measurements the real-peer media tests check
/// (issue 6: "a tone file played by one side is recorded by the other and the recording is
/// checked — frequency and level"), computed once so a failing test can print all of them.
public struct ToneReport: Sendable, CustomStringConvertible {
    /// The strongest frequency in the middle of the tone, by a Goertzel scan (Hz).
    public var dominantFrequency: Double
    /// Share of the power at the expected frequency in the same stretch (0…1).
    public var powerShare: Double
    /// RMS level of that stretch (a sine of peak 0.5 is ~0.354).
    public var rms: Double
    /// The best share at the expected frequency in any 200 ms window: the tone arrived clean
    /// at least there, even if a loaded machine disturbed the rest.
    public var bestWindowShare: Double
    /// The median RMS of the loud 10 ms blocks: the level, unaffected by a few gaps.
    public var medianBlockRMS: Double
    /// How long the recording carries sound (10 ms blocks above 2 % of full scale).
    public var soundSeconds: Double
    /// The longest run of quiet blocks between the first and the last loud one (a dropout).
    public var longestGapMilliseconds: Double

    public var description: String {
        func f(_ value: Double, _ digits: Int = 1) -> String {
            let scale = (0..<digits).reduce(1.0) { value, _ in value * 10 }
            return "\((value * scale).rounded() / scale)"
        }
        return "dominant \(f(dominantFrequency)) Hz, share \(f(powerShare, 3)) (best 200 ms \(f(bestWindowShare, 3))), "
            + "RMS \(f(rms, 3)) (median block \(f(medianBlockRMS, 3))), "
            + "sound \(f(soundSeconds, 2)) s, longest gap \(f(longestGapMilliseconds)) ms"
    }

    /// Measures `samples` (mono) against the tone that should be in them.
    public init(_ samples: [Int16], sampleRate: Int, expected frequency: Double) {
        let block = max(sampleRate / 100, 1)
        let levels = stride(from: 0, to: samples.count - block + 1, by: block).map { AudioAnalysis.rms(samples[$0..<$0 + block]) }
        let loud = levels.map { $0 > 0.02 }
        let loudLevels = levels.filter { $0 > 0.02 }.sorted()
        medianBlockRMS = loudLevels.isEmpty ? 0 : loudLevels[loudLevels.count / 2]
        bestWindowShare = Self.bestShare(samples, sampleRate: sampleRate, frequency: frequency)
        soundSeconds = Double(loud.filter { $0 }.count) / 100
        longestGapMilliseconds = Self.longestQuietRun(loud) * 10
        // The middle of the sound, away from the fade-in of codecs and the cut at hang-up.
        guard let first = loud.firstIndex(of: true), let last = loud.lastIndex(of: true), last - first > 20 else {
            dominantFrequency = 0
            powerShare = 0
            rms = 0
            return
        }
        let start = (first + 10) * block
        let end = min((last - 10) * block, start + sampleRate / 2)
        let middle = Array(samples[start..<max(end, start)])
        dominantFrequency = AudioAnalysis.dominantFrequency(middle, sampleRate: sampleRate)
        powerShare = AudioAnalysis.powerShare(at: frequency, in: middle, sampleRate: sampleRate)
        rms = AudioAnalysis.rms(middle)
    }

    private static func bestShare(_ samples: [Int16], sampleRate: Int, frequency: Double) -> Double {
        let window = sampleRate / 5
        guard samples.count >= window else { return 0 }
        return stride(from: 0, through: samples.count - window, by: sampleRate / 50).map {
            AudioAnalysis.powerShare(at: frequency, in: Array(samples[$0..<$0 + window]), sampleRate: sampleRate)
        }.max() ?? 0
    }

    private static func longestQuietRun(_ loud: [Bool]) -> Double {
        guard let first = loud.firstIndex(of: true), let last = loud.lastIndex(of: true) else { return 0 }
        var longest = 0, run = 0
        for isLoud in loud[first...last] {
            run = isLoud ? 0 : run + 1
            longest = max(longest, run)
        }
        return Double(longest)
    }
}

extension AudioAnalysis {
    /// The frequency with the most Goertzel power between 50 Hz and the Nyquist limit (or
    /// 8 kHz): a 10 Hz scan over the first 50 ms, then 1 Hz steps around the winner over all
    /// of `samples` (a longer window resolves finer). The coarse step must stay inside the
    /// short window's main lobe (±20 Hz): with a step as wide as the lobe, every grid point can
    /// sit on a null of the tone's response and a sidelobe wins.
    public static func dominantFrequency(_ samples: [Int16], sampleRate: Int) -> Double {
        guard samples.count >= sampleRate / 20 else { return 0 }
        let top = min(Double(sampleRate) / 2 - 20, 8000)
        let head = Array(samples.prefix(sampleRate / 20))
        let coarse = strongest(in: stride(from: 50.0, through: top, by: 10), head, sampleRate)
        let window = Array(samples.prefix(sampleRate / 2))
        return strongest(in: stride(from: coarse - 10, through: coarse + 10, by: 1), window, sampleRate)
    }

    private static func strongest(in frequencies: StrideThrough<Double>, _ samples: [Int16], _ sampleRate: Int) -> Double {
        frequencies.map { ($0, goertzelPower($0, samples, sampleRate)) }.max { $0.1 < $1.1 }?.0 ?? 0
    }

    /// Goertzel power of `frequency` in `samples` (unnormalised).
    static func goertzelPower(_ frequency: Double, _ samples: [Int16], _ sampleRate: Int) -> Double {
        let coefficient = 2 * cos(2 * Double.pi * frequency / Double(sampleRate))
        var s1 = 0.0, s2 = 0.0
        for sample in samples {
            let s0 = Double(sample) + coefficient * s1 - s2
            s2 = s1
            s1 = s0
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2
    }
}
