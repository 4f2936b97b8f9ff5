import MediaEngine
import Testing
import TestSupport

/// The generated ringtone and call-waiting tone: pitch and cadence, at any device rate.
@Suite struct AlertSoundTests {
    /// `seconds` of the sound starting at `from`, at `rate`.
    func samples(_ sound: AlertSound, from: Double, seconds: Double, rate: Int) -> [Int16] {
        let first = Int(from * 50)
        return (first..<first + Int(seconds * 50)).flatMap { sound.frame($0, sampleRate: rate) }
    }

    @Test(arguments: [8000, 16000, 48000]) func theRingtoneIs440And480HzTwoSecondsOnFourOff(rate: Int) {
        #expect(AlertSound.ringtone.frame(0, sampleRate: rate).count == rate / 50)
        let on = samples(.ringtone, from: 0.2, seconds: 1.5, rate: rate)
        let share = AudioAnalysis.powerShare(at: 440, in: on, sampleRate: rate)
            + AudioAnalysis.powerShare(at: 480, in: on, sampleRate: rate)
        #expect(share > 0.8, "share \(share)")
        #expect(AudioAnalysis.rms(on) > 0.1)
        #expect(AudioAnalysis.rms(samples(.ringtone, from: 2.1, seconds: 3.8, rate: rate)) == 0)
        // The next period rings again.
        #expect(AudioAnalysis.rms(samples(.ringtone, from: 6.2, seconds: 1, rate: rate)) > 0.1)
    }

    @Test func theCallWaitingToneIsAShortQuiet440HzBeepEveryFiveSeconds() {
        let beep = samples(.callWaiting, from: 0.02, seconds: 0.26, rate: 8000)
        #expect(AudioAnalysis.powerShare(at: 440, in: beep, sampleRate: 8000) > 0.8)
        let level = AudioAnalysis.rms(beep)
        #expect(level > 0.03 && level < 0.12, "level \(level)")
        #expect(AudioAnalysis.rms(samples(.callWaiting, from: 0.32, seconds: 4.66, rate: 8000)) == 0)
        #expect(AudioAnalysis.rms(samples(.callWaiting, from: 5.02, seconds: 0.26, rate: 8000)) > 0.03)
    }

    @Test func aSoundFileLoopsWithAPause() {
        let file: [Int16] = Array(repeating: 1000, count: 240)  // 30 ms at 8 kHz
        let sound = AlertSound.samples(file, pause: 0.01)       // 80 samples of silence
        let stream = (0..<4).flatMap { sound.frame($0, sampleRate: 8000) }
        #expect(stream.count == 640)
        #expect(Array(stream[0..<240]).allSatisfy { $0 == 1000 })
        #expect(Array(stream[240..<320]).allSatisfy { $0 == 0 })
        #expect(Array(stream[320..<560]).allSatisfy { $0 == 1000 })
    }

    @Test func theBurstsDoNotClick() {
        // The first and last samples of a burst are near zero (5 ms ramps).
        let start = AlertSound.ringtone.frame(0, sampleRate: 48000)
        #expect(abs(Int(start[0])) < 100 && abs(Int(start[1])) < 200)
        let end = AlertSound.ringtone.frame(99, sampleRate: 48000)
        #expect(abs(Int(end.last!)) < 200)
    }
}
