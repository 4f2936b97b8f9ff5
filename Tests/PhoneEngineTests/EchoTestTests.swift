import Foundation
import MediaEngine
import Testing
import TestSupport

/// The built-in `echo` contact (issue 6): with no configuration at all, `dialtone call echo`
/// plays the caller's audio back one second later, through a real codec and RTP session.
@Suite(.timeLimit(.minutes(3))) struct EchoTestTests {
    @Test func theEchoTestPlaysTheMicrophoneBackOneSecondLaterWithNoConfiguration() async throws {
        let directory = try TemporaryDirectory(prefix: "echo-test")
        let rate = 48000
        // 1.5 s of 700 Hz as the microphone, then silence.
        let tone = AudioAnalysis.sine(frequency: 700, sampleRate: rate, count: rate * 3 / 2)
        try WAVFile(sampleRate: rate, samples: tone).write(path: directory.file("microphone.wav"))
        let environment = [
            "HOME": directory.path, "XDG_CONFIG_HOME": directory.file("config"), "XDG_DATA_HOME": directory.file("data"),
            "PATH": "/usr/bin:/bin",
        ]
        let outcome = try await DialtoneBinary.run(
            ["call", "echo", "--play", directory.file("microphone.wav"), "--record", directory.file("heard.wav"),
             "--hangup-after", "3", "--json"],
            environment: environment)
        #expect(outcome.status == 0, "\(outcome.errors)\n\(outcome.output)")
        let lines = try DialtoneBinary.jsonLines(outcome)
        let answered = try #require(lines.first { $0["event"] as? String == "answered" }, "\(outcome.output)")
        #expect(answered["account"] as? String == "local")
        #expect((answered["codec"] as? String)?.isEmpty == false)
        #expect(lines.last?["event"] as? String == "ended")

        let heard = try WAVFile.read(path: directory.file("heard.wav")).mono(at: rate)
        // Nothing comes back during the first second (the far end's delay line is silent)…
        let early = heard.prefix(rate * 8 / 10)
        #expect(AudioAnalysis.rms(early) < 0.01, "rms \(AudioAnalysis.rms(early)) before the echo")
        // …then the tone does, at its own pitch.
        let echoed = AudioAnalysis.trimLeadingSilence(heard)
        let onset = heard.count - echoed.count
        #expect(onset >= rate * 9 / 10 && onset <= rate * 16 / 10, "echo began at \(Double(onset) / Double(rate)) s")
        let middle = Array(echoed.dropFirst(rate / 5).prefix(rate))
        #expect(middle.count == rate, "only \(echoed.count) samples of echo")
        #expect(AudioAnalysis.powerShare(at: 700, in: middle, sampleRate: rate) > 0.8)
        #expect(AudioAnalysis.rms(middle) > 0.1)
    }
}
