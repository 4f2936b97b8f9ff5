import Foundation
import MediaEngine
import Testing
import TestSupport

@Suite("Audio devices")
struct AudioDeviceTests {
    @Test("the file device plays a WAV as frames, then nil, and records what it is given")
    func fileDevice() throws {
        let directory = try TemporaryDirectory(prefix: "filedev")
        let tone = AudioAnalysis.sine(frequency: 500, sampleRate: 8000, count: 8000)
        try WAVFile(sampleRate: 8000, samples: tone).write(path: directory.file("in.wav"))
        let device = FileAudioDevice(play: directory.file("in.wav"), record: directory.file("out.wav"), sampleRate: 16000)
        try device.start()
        var frames = 0
        while let frame = device.capture() {
            #expect(frame.count == 320)
            device.play(frame)
            frames += 1
        }
        #expect(frames == 50 && device.finishedPlaying)
        device.stop()
        let recorded = try WAVFile.read(path: directory.file("out.wav"))
        #expect(recorded.sampleRate == 16000 && recorded.frameCount == 16000)
        #expect(abs(AudioAnalysis.zeroCrossingFrequency(recorded.samples, sampleRate: 16000) - 500) < 5)
    }

    @Test("a missing play file fails start")
    func missingFile() {
        let device = FileAudioDevice(play: "/nonexistent/x.wav", record: nil)
        #expect(throws: CallMediaError.self) { try device.start() }
    }

    @Test("PulseAudio: no server is a clear error")
    func noServer() throws {
        let directory = try TemporaryDirectory(prefix: "nopulse")
        let device = PulseAudioDevice(configuration: .init(server: "unix:" + directory.file("none")))
        #expect { try device.start() } throws: { "\($0)".contains("audio device") }
    }

    /// This once returned only ~140 ms of the tone: the idle null sink slept 0.8–2 s before
    /// taking the stream's first data, and the frames queued meanwhile were dropped. The
    /// device now primes the stream at start (PulseStream.prime).
    @Test("PulseAudio: a tone played into a null sink comes back from its monitor")
    func pulseLoop() async throws {
        let pulse = try await PulseAudioServer()
        defer { pulse.stop() }
        let device = PulseAudioDevice(configuration: .init(
            server: pulse.server, playbackDevice: pulse.sinkName, captureDevice: pulse.monitorName))
        try await OffPool.run { try device.start() }
        let tone = AudioAnalysis.sine(frequency: 1000, sampleRate: 48000, count: 48000)
        var recorded: [Int16] = []
        // The test plays the media clock's part: one frame in, whatever was captured out, every 20 ms.
        let clock = ContinuousClock()
        var next = clock.now
        let deadline = clock.now + .seconds(30)
        var played = 0
        let playNext = {
            device.play(Array(tone[played * 960..<(played + 1) * 960]))
            played += 1
        }
        // Two frames ahead, as a jitter buffer keeps them: the playback thread pads with silence
        // when no frame came for 25 ms, and on a busy machine this loop can be that late.
        playNext()
        playNext()
        while clock.now < deadline {
            if played < 50 { playNext() }
            while let frame = device.capture() { recorded += frame }
            // A null sink has no clock of its own and its monitor may run ahead: go by frames played.
            if played == 50, AudioAnalysis.trimLeadingSilence(recorded).count >= 48000 { break }
            next += .milliseconds(20)
            try await Task.sleep(until: next, clock: clock)
        }
        _ = try? await OffPool.run { device.stop() }
        let heard = Array(AudioAnalysis.trimLeadingSilence(recorded).prefix(24000).dropFirst(2400))
        #expect(heard.count > 20000, "recorded \(recorded.count) samples")
        #expect(abs(AudioAnalysis.zeroCrossingFrequency(heard, sampleRate: 48000) - 1000) < 10)
        let silentFrames = stride(from: 0, to: heard.count - 960, by: 960).filter { AudioAnalysis.rms(heard[$0..<$0 + 960]) < 0.01 }.count
        #expect(abs(AudioAnalysis.rms(heard) - 0.354) < 0.05, "RMS \(AudioAnalysis.rms(heard)), silent frames \(silentFrames)")
    }
}
