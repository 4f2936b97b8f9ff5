import Foundation
import Synchronization
import MediaEngine
import Testing
import TestSupport

/// The ringtone on a real sound server: PulseAudio started by the test with a null sink, the
/// sink's monitor recorded by `parecord` (an independent client), the recording checked.
@Suite(.timeLimit(.minutes(2))) struct PulseAlertPlayerTests {
    @Test func theRingtoneReachesTheChosenSinkAndStopsWhenAsked() async throws {
        let pulse = try await PulseAudioServer(sinkName: "ring_sink")
        defer { pulse.stop() }
        let recording = pulse.directory.file("ring.raw")
        let recorder = try PeerProcess(.init(
            name: "parecord", executable: "/usr/bin/parecord",
            arguments: ["--server=\(pulse.server)", "--device=\(pulse.monitorName)", "--raw", "--rate=48000",
                        "--channels=1", "--format=s16le", "--latency-msec=20", recording],
            environment: ["PATH": "/usr/bin:/bin", "HOME": pulse.directory.path, "XDG_RUNTIME_DIR": pulse.directory.path],
            logFile: pulse.directory.file("parecord.log")))
        defer { recorder.stop() }
        try await recorder.waitUntilReady(within: .seconds(30), every: .milliseconds(50)) {
            FileManager.default.fileExists(atPath: recording)
        }
        let errors = ErrorLog()
        let player = PulseAlertPlayer(
            configuration: .init(server: pulse.server, device: pulse.sinkName), onError: { errors.append($0) })
        player.play(.ringtone)
        // The ring's first burst lasts 2 s; wait until a second of it is recorded.
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, Self.ringingSamples(recording) < 48000 {
            try await Task.sleep(for: .milliseconds(50))
        }
        player.play(nil)
        #expect(errors.entries.isEmpty, "\(errors.entries)")
        let samples = Self.read(recording)
        let ring = Array(AudioAnalysis.trimLeadingSilence(samples).dropFirst(2400).prefix(24000))
        #expect(ring.count == 24000, "recorded \(samples.count) samples\n\(pulse.process.log())")
        let share = AudioAnalysis.powerShare(at: 440, in: ring, sampleRate: 48000)
            + AudioAnalysis.powerShare(at: 480, in: ring, sampleRate: 48000)
        #expect(share > 0.7, "440+480 Hz share \(share)")
    }

    @Test func anUnknownSinkIsReportedNotFatal() async throws {
        let pulse = try await PulseAudioServer(sinkName: "real_sink")
        defer { pulse.stop() }
        let errors = ErrorLog()
        let player = PulseAlertPlayer(configuration: .init(server: pulse.server, device: "no_such_sink"), onError: { errors.append($0) })
        player.play(.callWaiting)
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, errors.entries.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        #expect(errors.entries.first?.contains("no_such_sink") == true, "\(errors.entries)")
        player.play(nil)
    }

    static func read(_ path: String) -> [Int16] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }

    static func ringingSamples(_ path: String) -> Int {
        AudioAnalysis.trimLeadingSilence(read(path)).count
    }
}

/// Errors reported from the player's thread.
final class ErrorLog: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var entries: [String] { lines.withLock { $0 } }
}
