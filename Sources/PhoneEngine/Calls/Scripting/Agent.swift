import DialtoneConfig
import Foundation
import MediaEngine

/// `dialtone agent`: stays registered and handles calls unattended (answering machines, test
/// endpoints, door phones). Incoming calls are answered after the auto-answer delay (or left
/// for the control socket), refused with 486 beyond the call limit; SIGINT/SIGTERM hang up,
/// un-register and end the run.
public enum Agent {
    public struct Settings: Sendable {
        /// Answer incoming calls after this long; nil leaves them to the control socket.
        public var autoAnswer: Duration?
        /// At most this many calls at once; more are refused with 486 Busy Here.
        public var maxCalls: Int?
        /// The Unix-domain socket for JSON-line commands, if any.
        public var controlPath: String?
        public var audio: CallAudio
        /// Record every answered call to a WAV file here (`--record-dir`).
        public var recordDirectory: String?

        public init(autoAnswer: Duration? = nil, maxCalls: Int? = nil, controlPath: String? = nil, audio: CallAudio = .null,
                    recordDirectory: String? = nil) {
            self.autoAnswer = autoAnswer
            self.maxCalls = maxCalls
            self.controlPath = controlPath
            self.audio = audio
            self.recordDirectory = recordDirectory
        }
    }

    /// Runs until `stop` is requested; the exit status (0 after a clean stop).
    public static func run(
        _ settings: Settings, configuration: DialtoneConfiguration, options: EngineOptions,
        output: @escaping @Sendable (EngineEvent) -> Void, stop: StopRequest
    ) async -> Int32 {
        var engineOptions = options
        engineOptions.audio = settings.audio
        if let directory = settings.recordDirectory { engineOptions.recordingsDirectory = directory }
        let engine = PhoneEngine(configuration: configuration, options: engineOptions)
        let control: ControlServer?
        do {
            _ = try await engine.start()
            control = try settings.controlPath.map { path in try ControlServer(path: path, engine: engine) }
        } catch {
            output(.notice("agent: cannot start: \(error)"))
            await engine.shutdown()
            return 1
        }
        let events = engine.events
        let relay = Task {
            for await event in events {
                output(event)
                control?.broadcast(event)
                guard case .callEvent(let notification) = event else { continue }
                switch notification.kind {
                case .incoming:
                    Task { await incoming(notification.call, engine: engine, settings: settings) }
                case .answered where settings.recordDirectory != nil:
                    Task { await record(notification.call, engine: engine, output: output) }
                default:
                    break
                }
            }
        }
        await stop.wait()
        await control?.close()
        await engine.shutdown()
        relay.cancel()
        return 0
    }

    /// `--record-dir`: every answered call, from its answer to its end (a file named by date
    /// and remote party, written as the call goes).
    private static func record(_ id: CallID, engine: PhoneEngine, output: @Sendable (EngineEvent) -> Void) async {
        do throws(CallError) {
            _ = try await engine.startRecording(id)
        } catch {
            output(.notice("agent: cannot record call \(id): \(error)"))
        }
    }

    private static func incoming(_ id: CallID, engine: PhoneEngine, settings: Settings) async {
        let active = await engine.calls().filter { !$0.isEnded }.count
        if let limit = settings.maxCalls, active > limit {
            _ = await engine.reject(id)
            return
        }
        guard let delay = settings.autoAnswer else { return }
        if delay > .zero { try? await Task.sleep(for: delay) }
        _ = await engine.answer(id)
    }
}
