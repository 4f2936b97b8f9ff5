import Foundation
import MediaEngine
import SDP
import Testing
import TestSupport

/// Audio through a real PulseAudio daemon started by the test (no sound card: null sinks).
@Suite("PulseAudio", .serialized)
struct PulseAudioCallTests {
    @Test("the device list names the server's sinks and sources, monitors marked")
    func deviceList() async throws {
        let pulse = try await PulseAudioServer()
        defer { pulse.stop() }
        try pulse.addNullSink("second")
        let list = try await OffPool.run { try PulseAudioDirectory.list(server: pulse.server) }
        #expect(Set(list.sinks.map(\.name)) == [pulse.sinkName, "second"], "\(list)")
        #expect(list.sources.contains { $0.name == pulse.monitorName && $0.isMonitor }, "\(list)")
        #expect(list.sources.contains { $0.name == "second.monitor" && $0.isMonitor }, "\(list)")
        #expect(list.defaultSink == pulse.sinkName || list.defaultSink == "second", "\(list)")
        #expect(list.sinks.allSatisfy { !$0.description.isEmpty })
    }

    @Test("listing with no server is a clear error")
    func deviceListWithoutServer() throws {
        let directory = try TemporaryDirectory(prefix: "nopulse-list")
        #expect { try PulseAudioDirectory.list(server: "unix:" + directory.file("none")) } throws: { "\($0)".contains("audio device") }
    }

    /// A is the phone on PulseAudio: its microphone is the monitor of a null sink "mic" that
    /// `paplay` feeds with a 1000 Hz tone, its speaker the null sink whose monitor `parecord`
    /// records. B, on files, plays 440 Hz and records. Each recording holds the other's tone.
    @Test("a call whose audio goes through PulseAudio both ways")
    func callThroughPulse() async throws {
        let pulse = try await PulseAudioServer()
        defer { pulse.stop() }
        try pulse.addNullSink("mic")
        let directory = try TemporaryDirectory(prefix: "pulse-call")
        try WAVFile(sampleRate: 48000, samples: AudioAnalysis.sine(frequency: 1000, sampleRate: 48000, count: 48000 * 3))
            .write(path: directory.file("mic.wav"))
        try WAVFile(sampleRate: 48000, samples: AudioAnalysis.sine(frequency: 440, sampleRate: 48000, count: 48000 * 3))
            .write(path: directory.file("far.wav"))
        let recorder = try pulse.record(pulse.monitorName, to: directory.file("speaker.wav"))

        let pulseFactory = RTPCallMediaFactory(configuration: .init(pulseServer: pulse.server))
        let a = try await pulseFactory.prepare(CallMediaRequest(
            localAddress: "127.0.0.1", codecs: ["pcmu"], srtp: .off,
            audio: .device(playback: pulse.sinkName, capture: "mic.monitor"), portRange: 20000...40000, noMediaTimeout: 0))
        let b = try await RTPCallMediaFactory().prepare(CallMediaRequest(
            localAddress: "127.0.0.1", codecs: ["pcmu"], srtp: .off,
            audio: .files(play: directory.file("far.wav"), record: directory.file("far-heard.wav")), portRange: 20000...40000,
            noMediaTimeout: 0))
        var offerer = LocalSDPSession(sessionID: 1)
        var answerer = LocalSDPSession(sessionID: 2)
        let offer = try offerer.makeOffer(a.capabilities)
        let answer = try answerer.makeAnswer(to: offer, capabilities: b.capabilities)
        try await a.apply(try offerer.processAnswer(answer.answer, toOffer: offer))
        try await b.apply(try #require(answer.media))
        let microphone = try pulse.play(directory.file("mic.wav"), into: "mic")

        // paplay exits once the idle "mic" sink has taken the whole file (it may first sleep
        // for a second or two); the jitter buffer and the queues then need a moment to empty.
        let exit = await microphone.waitForExitOffPool(within: .seconds(30))
        #expect(exit == 0, "paplay: \(microphone.log())")
        try await Task.sleep(for: .milliseconds(500))
        _ = await a.stop()
        _ = await b.stop()
        await microphone.stopOffPool()
        await recorder.stopOffPool()

        let farHeard = try WAVFile.read(path: directory.file("far-heard.wav")).mono(at: 48000)
        let farReport = ToneReport(farHeard, sampleRate: 48000, expected: 1000)
        #expect(abs(farReport.dominantFrequency - 1000) <= 5 && farReport.powerShare > 0.9, "B heard: \(farReport)")
        #expect(farReport.soundSeconds > 1.5 && farReport.rms > 0.25 && farReport.rms < 0.45, "B heard: \(farReport)")
        let speaker = try WAVFile.read(path: directory.file("speaker.wav"))
        let speakerReport = ToneReport(try speaker.mono(at: 48000), sampleRate: 48000, expected: 440)
        #expect(abs(speakerReport.dominantFrequency - 440) <= 5 && speakerReport.powerShare > 0.9, "speaker: \(speakerReport)")
        #expect(speakerReport.soundSeconds > 1.5 && speakerReport.rms > 0.25 && speakerReport.rms < 0.45, "speaker: \(speakerReport)")
    }
}
