import DialtoneApp
import DialtoneConfig
import Foundation
import MediaEngine
import NIOPosix
import Synchronization
import PhoneEngine
import TerminalUI
import Testing
import TestSupport

/// `:record on file=PATH` end to end: two engines in one process with real RTP on loopback,
/// Alice's microphone a 1 kHz tone, Bob recording through the UI's dispatcher to a named file.
@Suite(.timeLimit(.minutes(2))) struct RecordToFileTests {
    static let rate = 48000

    static func phone(_ user: String, port: UInt16, plays: String?, directory: TemporaryDirectory) async throws -> PhoneEngine {
        let path = directory.file("\(user).toml")
        try """
            [general]
            listen = ["udp:127.0.0.1:\(port)"]

            [[accounts]]
            name = "\(user)"
            aor = "sip:\(user)@\(user).test"
            register = false
            mwi = false
            codecs = ["pcmu"]

            """.write(toFile: path, atomically: true, encoding: .utf8)
        let environment = ["HOME": directory.path, "XDG_DATA_HOME": directory.file("data-\(user)")]
        let configuration = try ConfigurationLoader.load(path: path, version: "test", environment: environment).0
        var options = EngineOptions(
            mediaFactory: RTPCallMediaFactory(), history: .none, audio: plays.map { .files(play: $0, record: nil) } ?? .null)
        options.recordingsDirectory = directory.file("recordings-\(user)")
        let engine = PhoneEngine(configuration: configuration, options: options)
        _ = try await engine.start()
        return engine
    }

    /// Polls the engine's call list (no event stream is shared with the dispatcher's inbox).
    static func waitForCall(on engine: PhoneEngine, _ condition: @escaping @Sendable (CallSnapshot) -> Bool) async -> CallSnapshot? {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let call = await engine.calls().first(where: condition) { return call }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    @Test func aCallIsRecordedToTheNamedFileAndTheNoticesNameIt() async throws {
        let directory = try TemporaryDirectory(prefix: "record-file")
        let tone = AudioAnalysis.sine(frequency: 1000, sampleRate: Self.rate, count: Self.rate * 8)
        try WAVFile(sampleRate: Self.rate, samples: tone).write(path: directory.file("tone.wav"))
        let bobPort = try LoopbackPort.free()
        let alice = try await Self.phone("alice", port: try LoopbackPort.free(), plays: directory.file("tone.wav"), directory: directory)
        let bob = try await Self.phone("bob", port: bobPort, plays: nil, directory: directory)
        let storage = StorageService(contactsDirectory: directory.file("contacts"), historyFile: directory.file("h.sqlite"))
        let watcher = InboxWatcher()
        let dispatcher = CommandDispatcher(engine: bob, storage: storage, inbox: watcher.inbox)

        // The `incoming` notification, not the first snapshot: the snapshot is published while
        // the call still prepares its media, and an answer then is dropped by the engine
        // (`Call.answer` returns when `session` is nil) yet reported as done.
        let announced = Mutex<[EngineCallID]>([])
        let events = bob.events
        let listener = Task {
            for await event in events {
                if case .callEvent(let note) = event, case .incoming = note.kind { announced.withLock { $0.append(note.call) } }
            }
        }
        defer { listener.cancel() }
        _ = try await alice.dial("sip:bob@127.0.0.1:\(bobPort)")
        let deadline = ContinuousClock.now + .seconds(30)
        while announced.withLock({ $0.isEmpty }), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        let incomingID = try #require(announced.withLock { $0.first })
        let incoming = try #require(await Self.waitForCall(on: bob) { $0.id == incomingID })
        let id = TerminalUI.CallID(incoming.id.rawValue)
        dispatcher.dispatch(.answer(callID: id), traces: [])
        let answered = await Self.waitForCall(on: bob) { $0.state == .active }
        let bobCalls = await bob.calls()
        #expect(answered != nil, "bob: \(bobCalls) notices: \(watcher.notices)")

        let path = directory.file("heard.wav")
        dispatcher.dispatch(.setRecording(callID: id, recording: true, file: path), traces: [])
        #expect(await watcher.waitForNotice(containing: "recording to") == "recording to \(path)")
        #expect(await bob.calls().first?.recordingPath == path)
        try await Task.sleep(for: .milliseconds(1500))  // audio to record

        // The same file again, while it is being written: refused, the recording goes on.
        dispatcher.dispatch(.setRecording(callID: id, recording: true, file: path), traces: [])
        #expect(await watcher.waitForNotice(containing: "already exists") != nil)
        #expect(await bob.calls().first?.recordingPath == path)

        dispatcher.dispatch(.setRecording(callID: id, recording: false), traces: [])
        #expect(await watcher.waitForNotice(containing: "recording stopped") == "recording stopped: \(path)")
        let heard = AudioAnalysis.trimLeadingSilence(try WAVFile.read(path: path).mono(at: Self.rate))
        #expect(heard.count > Self.rate / 2, "only \(heard.count) samples recorded")
        #expect(AudioAnalysis.powerShare(at: 1000, in: Array(heard.prefix(Self.rate / 2)), sampleRate: Self.rate) > 0.8)

        // With no file named, the recordings directory is used, and the notice says where.
        dispatcher.dispatch(.setRecording(callID: id, recording: true), traces: [])
        let notice = try #require(await watcher.waitForNotice(containing: "recording to \(directory.file("recordings-bob"))/"))
        #expect(notice.hasSuffix("_alice@alice.test.wav"), "\(notice)")

        #expect(await bob.hangUp(incoming.id))
        // Ending the call completes the recording it was making.
        let defaultPath = String(notice.dropFirst("recording to ".count))
        let written = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < written, (try? WAVFile.read(path: defaultPath)) == nil {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect((try? WAVFile.read(path: defaultPath)) != nil, "\(defaultPath) is a WAV file once the call ended")
        await alice.shutdown()
        await bob.shutdown()
    }
}
