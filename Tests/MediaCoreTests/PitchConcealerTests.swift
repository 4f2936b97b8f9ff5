import Foundation
import MediaCore
import Testing

/// Concealment properties: continuity at the loss, level held then faded to silence by
/// 60 ms, a periodic signal continued in phase, and no click when speech comes back.
@Suite struct PitchConcealerTests {
    /// A tone of `frequency` Hz, frame `index` (160 samples at 8 kHz).
    private func toneFrame(_ index: Int, frequency: Double = 200, amplitude: Double = 8000) -> [Int16] {
        (0..<160).map { sample in
            Int16((amplitude * sin(2 * Double.pi * frequency * Double(index * 160 + sample) / 8000)).rounded())
        }
    }

    private func energy(_ samples: some Collection<Int16>) -> Double {
        samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(max(samples.count, 1))
    }

    private func primed(frequency: Double = 200, frames: Int = 5) -> PitchConcealer {
        var concealer = PitchConcealer()
        for index in 0..<frames {
            var frame = toneFrame(index, frequency: frequency)
            concealer.received(&frame)
        }
        return concealer
    }

    @Test func theFirstConcealedFrameContinuesTheWaveform() {
        var concealer = primed(frequency: 100)  // period 80 samples
        let concealed = concealer.conceal()
        let truth = toneFrame(5, frequency: 100)
        // The first period (10 ms, before any fade) matches the real continuation closely.
        let error = zip(concealed.prefix(80), truth.prefix(80)).map { Double($0) - Double($1) }
        let snr = 10 * log10(energy(truth.prefix(80)) / max(error.reduce(0) { $0 + $1 * $1 } / 80, 1e-9))
        #expect(snr > 20, "SNR \(snr) dB")
        #expect(abs(Int(concealed[0]) - Int(truth[0])) < 400)
        #expect(concealer.concealedSamples == 160)
    }

    @Test func levelHoldsThenFadesToSilenceBy60ms() {
        var concealer = primed()
        let before = energy(toneFrame(4))
        let frames = (0..<4).map { _ in concealer.conceal() }
        let energies = frames.map { energy($0) }
        #expect(abs(10 * log10(energies[0] / before)) < 1.5, "first frame within 1.5 dB")
        #expect(energies[0] > energies[1] && energies[1] > energies[2])
        #expect(energies[2] > 0)
        #expect(abs(Int(frames[2].last ?? 0)) <= 25)  // the last sample before 60 ms is nearly silent
        #expect(frames[3].allSatisfy { $0 == 0 })
        // No jump larger than the tone's own steepest step (8000 · 2π · 200/8000 ≈ 1257).
        let all = toneFrame(4) + frames.joined()
        let steepest = zip(all, all.dropFirst()).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(steepest <= 1300)
    }

    @Test func speechComingBackIsCrossFaded() {
        var concealer = primed()
        _ = concealer.conceal()
        let concealedEnd = concealer.concealedSamples
        var next = toneFrame(7, frequency: 200, amplitude: 3000)  // a different level arrives
        let original = next
        concealer.received(&next)
        #expect(concealedEnd == 160 && concealer.concealedSamples == 0)
        #expect(next != original)  // the start was blended
        #expect(Array(next[32...]) == Array(original[32...]))  // the rest is untouched
        // Inside the overlap, every sample lies between the concealment and the new frame.
        let steps = zip(next.prefix(33), next.prefix(33).dropFirst()).map { abs(Int($0) - Int($1)) }
        #expect(steps.max() ?? 0 <= 1300)
    }

    @Test func withoutHistoryOrAfterSilenceConcealmentIsSilent() {
        var empty = PitchConcealer()
        #expect(empty.conceal().allSatisfy { $0 == 0 })
        var quiet = PitchConcealer()
        var zeros = [Int16](repeating: 0, count: 160)
        quiet.received(&zeros)
        #expect(quiet.conceal().allSatisfy { $0 == 0 })
    }

    @Test func aNewLossAfterRecoveryStartsAtFullLevelAgain() {
        var concealer = primed()
        for _ in 0..<5 { _ = concealer.conceal() }  // long loss: faded to silence
        for index in 10..<14 {
            var frame = toneFrame(index)
            concealer.received(&frame)
        }
        let again = concealer.conceal()
        #expect(abs(10 * log10(energy(again) / energy(toneFrame(13)))) < 1.5)
    }

    /// G.722's 16 kHz audio: the same timing in milliseconds (full level for 10 ms, silent by
    /// 60 ms) and a 250 Hz voice continued in phase — twice the samples per period of 8 kHz.
    @Test func wideband16kHzContinuesThePitchAndFadesOnTheSameSchedule() {
        func wideFrame(_ index: Int) -> [Int16] {
            (0..<320).map { Int16((8000 * sin(2 * Double.pi * 250 * Double(index * 320 + $0) / 16000)).rounded()) }
        }
        var concealer = PitchConcealer(frameLength: 320, sampleRate: 16000)
        for index in 0..<5 {
            var frame = wideFrame(index)
            concealer.received(&frame)
        }
        let frames = (0..<4).map { _ in concealer.conceal() }
        #expect(frames.allSatisfy { $0.count == 320 })
        let truth = wideFrame(5)
        let error = zip(frames[0].prefix(160), truth.prefix(160)).map { Double($0) - Double($1) }
        let snr = 10 * log10(energy(truth.prefix(160)) / max(error.reduce(0) { $0 + $1 * $1 } / 160, 1e-9))
        #expect(snr > 20, "SNR \(snr) dB over the first 10 ms")
        #expect(energy(frames[2]) > 0)
        #expect(frames[3].allSatisfy { $0 == 0 }, "silent from 60 ms on")
        #expect(concealer.concealedSamples == 1280)
    }
}
