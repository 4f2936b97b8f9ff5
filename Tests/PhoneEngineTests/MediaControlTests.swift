import CallHistory
import Foundation
import MediaEngine
import NIOPosix
import PhoneEngine
import Testing
import TestSupport

/// Mute and record through the engine's commands: two engines in one process with real RTP
/// media on loopback, Alice's microphone a tone file, Bob recording what he hears.
@Suite(.timeLimit(.minutes(2))) struct MediaControlTests {
    static let rate = 48000

    /// A phone with real media: `plays` is its microphone (a WAV file), nil for silence.
    static func phone(_ user: String, plays: String?, recordings: String) async throws -> TestPhone {
        let port = try LoopbackPort.free()
        let directory = try TemporaryDirectory(prefix: "media-\(user)")
        let toml = """
            [general]
            listen = ["udp:127.0.0.1:\(port)"]

            [[accounts]]
            name = "\(user)"
            aor = "sip:\(user)@\(user).test"
            register = false
            mwi = false
            codecs = ["pcmu"]

            """
        var options = EngineOptions(
            mediaFactory: RTPCallMediaFactory(), history: .none,
            audio: plays.map { .files(play: $0, record: nil) } ?? .null)
        options.recordingsDirectory = recordings
        let engine = PhoneEngine(configuration: try EngineHarness.configuration(toml), options: options)
        let watcher = EngineWatcher(engine)
        _ = try await engine.start()
        let history = try CallHistoryStore(databaseURL: URL(fileURLWithPath: directory.file("history.sqlite")))
        return TestPhone(engine: engine, watcher: watcher, port: port, user: user, history: history, directory: directory)
    }

    @Test func aRecordedCallHoldsTheHeardAudioAndMutingSendsSilence() async throws {
        let directory = try TemporaryDirectory(prefix: "media-control")
        let tone = AudioAnalysis.sine(frequency: 1000, sampleRate: Self.rate, count: Self.rate * 8)
        try WAVFile(sampleRate: Self.rate, samples: tone).write(path: directory.file("tone.wav"))
        let alice = try await Self.phone("alice", plays: directory.file("tone.wav"), recordings: directory.file("a-rec"))
        let bob = try await Self.phone("bob", plays: nil, recordings: directory.file("recordings"))

        let outgoing = try await alice.engine.dial(bob.uri)
        let incoming = try #require(await bob.waitFor("incoming"))
        #expect(await bob.engine.answer(incoming.call))
        #expect(await alice.waitFor("answered", call: outgoing) != nil)

        // Recording to a given file: the tone Alice plays is in it.
        let heardPath = directory.file("heard.wav")
        #expect(try await bob.engine.startRecording(incoming.call, to: heardPath) == heardPath)
        #expect(await bob.waitFor("recording", call: incoming.call) != nil)
        #expect(await bob.engine.calls().first?.recordingPath == heardPath)
        try await Task.sleep(for: .milliseconds(1500))
        #expect(await bob.engine.stopRecording(incoming.call))
        #expect(await bob.engine.calls().first?.recordingPath == nil)
        let heard = AudioAnalysis.trimLeadingSilence(try WAVFile.read(path: heardPath).mono(at: Self.rate))
        #expect(heard.count > Self.rate / 2, "only \(heard.count) samples recorded")
        #expect(AudioAnalysis.powerShare(at: 1000, in: Array(heard.prefix(Self.rate / 2)), sampleRate: Self.rate) > 0.8)

        // Alice mutes: Bob's next recording (default place, named by date and remote) is silent.
        #expect(await alice.engine.setMuted(outgoing, true))
        #expect(await alice.waitFor("muted", call: outgoing) != nil)
        #expect(await alice.engine.calls().first?.isMuted == true)
        try await Task.sleep(for: .milliseconds(300))  // packets already in flight
        let silentPath = try await bob.engine.startRecording(incoming.call)
        #expect(silentPath.hasPrefix(directory.file("recordings") + "/"))
        #expect(silentPath.hasSuffix("_alice@alice.test.wav"), "\(silentPath)")
        try await Task.sleep(for: .milliseconds(1000))
        #expect(await bob.engine.stopRecording(incoming.call))
        let silent = try WAVFile.read(path: silentPath).mono(at: Self.rate)
        #expect(silent.isEmpty || AudioAnalysis.rms(silent) < 0.01, "rms \(AudioAnalysis.rms(silent)) while muted")

        // Unmuted, the tone is back.
        #expect(await alice.engine.setMuted(outgoing, false))
        #expect(await alice.engine.calls().first?.isMuted == false)
        try await Task.sleep(for: .milliseconds(300))
        let againPath = directory.file("again.wav")
        _ = try await bob.engine.startRecording(incoming.call, to: againPath)
        try await Task.sleep(for: .milliseconds(800))
        #expect(await bob.engine.stopRecording(incoming.call))
        #expect(AudioAnalysis.rms(try WAVFile.read(path: againPath).mono(at: Self.rate)) > 0.05)

        #expect(await alice.engine.hangUp(outgoing))
        #expect(await bob.waitFor("ended", call: incoming.call) != nil)
        #expect(await alice.engine.setMuted(outgoing, true) == false, "no call to mute once ended")
        await alice.stop()
        await bob.stop()
    }

    /// The echo test is a line like any other: it records (what was said and what came back),
    /// mutes and hangs up through the same commands.
    @Test func theEchoTestRecordsAndHangsUpLikeACall() async throws {
        let directory = try TemporaryDirectory(prefix: "media-echo")
        let tone = AudioAnalysis.sine(frequency: 700, sampleRate: Self.rate, count: Self.rate * 4)
        try WAVFile(sampleRate: Self.rate, samples: tone).write(path: directory.file("tone.wav"))
        let alice = try await Self.phone("alice", plays: directory.file("tone.wav"), recordings: directory.path)
        let echo = try await alice.engine.dial("echo")
        #expect(await alice.waitFor("answered", call: echo) != nil)
        let path = directory.file("echo.wav")
        #expect(try await alice.engine.startRecording(echo, to: path) == path)
        #expect(await alice.waitFor("recording", call: echo) != nil)
        #expect(await alice.engine.calls().first?.recordingPath == path)
        try await Task.sleep(for: .milliseconds(1000))
        #expect(await alice.engine.stopRecording(echo))
        #expect(await alice.engine.stopRecording(echo) == false, "nothing left to stop")
        let recorded = try WAVFile.read(path: path).mono(at: Self.rate)
        #expect(recorded.count > Self.rate / 2, "only \(recorded.count) samples recorded")
        #expect(AudioAnalysis.rms(recorded) > 0.05, "the spoken tone is in the recording")
        #expect(await alice.engine.setMuted(echo, true))
        #expect(await alice.engine.hangUp(echo))
        #expect(await alice.waitFor("ended", call: echo) != nil)
        #expect(await alice.engine.setMuted(echo, false) == false, "no line to unmute once ended")
        await alice.stop()
    }

    @Test func recordingAnUnknownCallIsAnError() async throws {
        let directory = try TemporaryDirectory(prefix: "media-none")
        let alice = try await Self.phone("alice", plays: nil, recordings: directory.path)
        await #expect(throws: CallError.noSuchCall(CallID("c9"))) {
            _ = try await alice.engine.startRecording(CallID("c9"))
        }
        #expect(await alice.engine.stopRecording(CallID("c9")) == false)
        await alice.stop()
    }
}

@Suite struct RecordingLocationTests {
    @Test func theDefaultDirectoryFollowsXDG() {
        #expect(RecordingLocation.directory(environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/dialtone/recordings")
        #expect(RecordingLocation.directory(environment: ["HOME": "/h"]) == "/h/.local/share/dialtone/recordings")
        #expect(RecordingLocation.directory(environment: ["XDG_DATA_HOME": "rel", "HOME": "/h"]) == "/h/.local/share/dialtone/recordings")
    }

    @Test func theFileNameHasTheDateAndASafeRemoteName() {
        let date = Date(timeIntervalSince1970: 1_795_430_000)  // 2026-11-23 ... UTC
        let utc = TimeZone(identifier: "UTC")!
        let name = RecordingLocation.fileName(remoteURI: "sip:bob@example.com;transport=tcp", date: date, timeZone: utc)
        #expect(name.hasSuffix("_bob@example.com.wav"))
        #expect(name.hasPrefix("2026-11-"))
        let hostile = RecordingLocation.fileName(remoteURI: "sip:../../etc/passwd@x", date: date, timeZone: utc)
        #expect(!hostile.contains("/"), "\(hostile)")
        #expect(RecordingLocation.fileName(remoteURI: "sip:", date: date, timeZone: utc).hasSuffix("_call.wav"))
    }

    @Test func theControlSocketTakesMuteAndRecord() throws {
        #expect(try ControlCommand.parse(#"{"command":"mute","call":"c1"}"#) == .mute(CallID("c1"), on: true))
        #expect(try ControlCommand.parse(#"{"command":"mute","call":"c1","on":false}"#) == .mute(CallID("c1"), on: false))
        #expect(try ControlCommand.parse(#"{"command":"record","call":"c2","path":"/tmp/a.wav"}"#)
                == .record(CallID("c2"), on: true, path: "/tmp/a.wav"))
        #expect(try ControlCommand.parse(#"{"command":"record","call":"c2","on":false}"#) == .record(CallID("c2"), on: false, path: nil))
    }
}
