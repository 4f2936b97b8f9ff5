import Foundation
import MediaEngine
import Testing
import TestSupport

/// `dialtone agent --record-dir` (issue 5's answering machine, issue 6's call recording): every
/// answered call is recorded, and the file is written while the call goes on — so even a
/// SIGKILL in the middle of a call leaves a playable WAV with what was said until then.
@Suite(.timeLimit(.minutes(3))) struct AgentRecordingTests {
    @Test func aCallIsRecordedAsItGoesAndSurvivesKillNine() async throws {
        let harness = try AgentHarness(prefix: "agent-record")
        let tone = harness.directory.file("tone.wav")
        try WAVFile(sampleRate: 48000, samples: AudioAnalysis.sine(frequency: 440, sampleRate: 48000, count: 48000 * 20))
            .write(path: tone)
        var bob = Baresip.Configuration(name: "bob-record", user: "bob")
        bob.playFile = tone
        let baresip = try await Baresip(bob)
        let recordings = harness.directory.file("recordings")
        let control = harness.controlSocket
        let agent = try harness.start(["--auto-answer", "--record-dir", recordings, "--control", control], stopGracePeriod: .seconds(2))
        try await agent.waitUntilReady(within: .seconds(30)) { FileManager.default.fileExists(atPath: control) }
        let client = try UnixLineClient(path: control)

        try await baresip.command("dial", "sip:alice@127.0.0.1:\(harness.port)")
        let recording = try await OffPool.run { client.waitFor { $0["event"] == "recording" } }
        let path = try #require(recording?["path"], "\(agent.log())\n\(baresip.log)")
        #expect(path.hasPrefix(recordings + "/") && path.hasSuffix(".wav"))
        // About three seconds of the call, then the agent dies without any chance to clean up.
        let deadline = ContinuousClock.now + .seconds(30)
        while Self.recordedSeconds(path) < 3, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        let enough = Self.recordedSeconds(path) >= 3
        kill(agent.pid, SIGKILL)
        #expect(await agent.waitForExitOffPool(within: .seconds(10)) == 128 + SIGKILL)
        #expect(enough, "recorded \(Self.recordedSeconds(path)) s\n\(agent.log())")

        let file = try WAVFile.read(path: path)
        let rate = file.sampleRate  // the call's audio device rate (the null device runs at the codec's)
        #expect(file.channels == 1)
        let heard = AudioAnalysis.trimLeadingSilence(file.samples)
        #expect(Double(heard.count) / Double(rate) >= 2, "\(heard.count) samples with sound at \(rate) Hz")
        let middle = Array(heard.dropFirst(rate / 10).prefix(rate))
        #expect(AudioAnalysis.powerShare(at: 440, in: middle, sampleRate: rate) > 0.8, "the caller's tone is in the recording")
        await baresip.stop()
    }

    /// Seconds of audio the file's header says are on disk (0 if it is not there yet).
    static func recordedSeconds(_ path: String) -> Double {
        guard let file = try? WAVFile.read(path: path) else { return 0 }
        return Double(file.frameCount) / Double(max(file.sampleRate, 1))
    }
}
