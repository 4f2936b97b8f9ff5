import Foundation

/// Test signals and the measurements audio tests check them with: a sine generator, RMS level,
/// the dominant frequency by zero crossings, and the energy at one frequency (Goertzel).
public enum AudioAnalysis {
    /// `count` samples of a sine at `frequency` Hz, peak `amplitude` (of 32767).
    public static func sine(frequency: Double, sampleRate: Int, count: Int, amplitude: Double = 0.5, phase: Double = 0) -> [Int16] {
        (0..<count).map { index in
            Int16((sin(2 * .pi * frequency * Double(index) / Double(sampleRate) + phase) * amplitude * 32767).rounded())
        }
    }

    /// Root mean square level, as a fraction of full scale (a full-scale sine is ~0.707).
    public static func rms(_ samples: some Collection<Int16>) -> Double {
        guard !samples.isEmpty else { return 0 }
        let sum = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        return (sum / Double(samples.count)).squareRoot() / 32768
    }

    /// Frequency from rising zero crossings (with a little hysteresis against noise).
    public static func zeroCrossingFrequency(_ samples: [Int16], sampleRate: Int) -> Double {
        var crossings: [Int] = []
        var below = false
        for (index, sample) in samples.enumerated() {
            if sample < -200 { below = true }
            if below, sample > 200 {
                crossings.append(index)
                below = false
            }
        }
        guard let first = crossings.first, let last = crossings.last, crossings.count > 2 else { return 0 }
        return Double(crossings.count - 1) * Double(sampleRate) / Double(last - first)
    }

    /// The share of the signal's power at `frequency` (0…1), by the Goertzel algorithm.
    public static func powerShare(at frequency: Double, in samples: [Int16], sampleRate: Int) -> Double {
        guard !samples.isEmpty else { return 0 }
        let omega = 2 * Double.pi * frequency / Double(sampleRate)
        let coefficient = 2 * cos(omega)
        var s1 = 0.0, s2 = 0.0
        for sample in samples {
            let s0 = Double(sample) + coefficient * s1 - s2
            s2 = s1
            s1 = s0
        }
        let power = s1 * s1 + s2 * s2 - coefficient * s1 * s2
        let total = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        guard total > 0 else { return 0 }
        // A pure tone of N samples has Goertzel power N²A²/4 and total energy N·A²/2.
        return min(power * 2 / (Double(samples.count) * total), 1)
    }

    /// The samples from the first one louder than `threshold` (of full scale) on.
    public static func trimLeadingSilence(_ samples: [Int16], threshold: Double = 0.02) -> [Int16] {
        let limit = Int16(threshold * 32767)
        guard let start = samples.firstIndex(where: { abs(Int($0)) > Int(limit) }) else { return [] }
        return Array(samples[start...])
    }
}
