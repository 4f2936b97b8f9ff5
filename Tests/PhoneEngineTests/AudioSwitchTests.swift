import Foundation
import MediaEngine
import PhoneEngine
import Testing
import TestSupport

/// Switching the sound during a call (a headset plugged in): the call carries on and the peer
/// now hears the new microphone; a device that cannot open leaves the call on the old one.
@Suite(.timeLimit(.minutes(2))) struct AudioSwitchTests {
    static let rate = 48000

    @Test func aCallMovesToNewAudioMidCallAndTheMoveIsRefusedForAMissingDevice() async throws {
        let directory = try TemporaryDirectory(prefix: "audio-switch")
        for (name, frequency) in [("first.wav", 1000.0), ("second.wav", 500.0)] {
            let tone = AudioAnalysis.sine(frequency: frequency, sampleRate: Self.rate, count: Self.rate * 8)
            try WAVFile(sampleRate: Self.rate, samples: tone).write(path: directory.file(name))
        }
        let alice = try await MediaControlTests.phone("alice", plays: directory.file("first.wav"), recordings: directory.file("a"))
        let bob = try await MediaControlTests.phone("bob", plays: nil, recordings: directory.file("b"))
        let outgoing = try await alice.engine.dial(bob.uri)
        let incoming = try #require(await bob.waitFor("incoming"))
        #expect(await bob.engine.answer(incoming.call))
        #expect(await alice.waitFor("answered", call: outgoing) != nil)

        func heard(for duration: Duration, into name: String) async throws -> [Int16] {
            let path = directory.file(name)
            _ = try await bob.engine.startRecording(incoming.call, to: path)
            try await Task.sleep(for: duration)
            _ = await bob.engine.stopRecording(incoming.call)
            return AudioAnalysis.trimLeadingSilence(try WAVFile.read(path: path).mono(at: Self.rate))
        }

        let before = try await heard(for: .milliseconds(1000), into: "before.wav")
        #expect(AudioAnalysis.powerShare(at: 1000, in: Array(before.prefix(Self.rate / 2)), sampleRate: Self.rate) > 0.8)

        // The move: no SIP, the same call, the new "microphone".
        let failures = await alice.engine.switchAudio(to: .files(play: directory.file("second.wav"), record: nil))
        #expect(failures.isEmpty, "\(failures)")
        try await Task.sleep(for: .milliseconds(300))
        let after = try await heard(for: .milliseconds(1000), into: "after.wav")
        #expect(after.count > Self.rate / 2, "only \(after.count) samples after the switch")
        #expect(AudioAnalysis.powerShare(at: 500, in: Array(after.prefix(Self.rate / 2)), sampleRate: Self.rate) > 0.8)
        #expect(await alice.engine.calls().first?.state == .active)

        // A device that does not exist: refused with the reason, the call keeps its sound.
        let refused = await alice.engine.switchAudio(to: .files(play: directory.file("missing.wav"), record: nil))
        #expect(refused[outgoing]?.contains("missing.wav") == true, "\(refused)")
        try await Task.sleep(for: .milliseconds(300))
        let still = try await heard(for: .milliseconds(800), into: "still.wav")
        #expect(AudioAnalysis.powerShare(at: 500, in: Array(still.prefix(Self.rate / 3)), sampleRate: Self.rate) > 0.8)

        #expect(await alice.engine.hangUp(outgoing))
        #expect(await bob.waitFor("ended", call: incoming.call) != nil)
        await alice.stop()
        await bob.stop()
    }

    @Test func theControlCommandParsesDevicesAndFiles() throws {
        #expect(try ControlCommand.parse(#"{"command":"audio","playback":"headset","capture":"mic"}"#)
                == .audio(.device(playback: "headset", capture: "mic")))
        #expect(try ControlCommand.parse(#"{"command":"audio"}"#) == .audio(.device(playback: nil, capture: nil)))
        #expect(try ControlCommand.parse(#"{"command":"audio","play":"a.wav"}"#) == .audio(.files(play: "a.wav", record: nil)))
    }
}
