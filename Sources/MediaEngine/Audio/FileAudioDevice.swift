import Synchronization

/// A WAV file as the microphone (then silence) and optionally a WAV file that receives what
/// is played: `--play`/`--record` and the tests. It has no clock of its own; it follows the
/// media clock, one frame per call.
public final class FileAudioDevice: AudioDevice {
    public let sampleRate: Int
    public let playPath: String?
    public let recordPath: String?

    private struct State {
        var source: [Int16] = []
        var position = 0
        /// What is played, streamed to `recordPath` as it comes.
        var recording: WAVStreamWriter?
        var started = false
    }

    private let state = Mutex(State())

    public init(play: String?, record: String?, sampleRate: Int = 48000) {
        self.playPath = play
        self.recordPath = record
        self.sampleRate = sampleRate
    }

    /// Reads and converts the play file now, so a bad file fails the call's set-up, not its audio.
    public func start() throws(CallMediaError) {
        var source: [Int16] = []
        if let playPath {
            do {
                source = try WAVFile.read(path: playPath).mono(at: sampleRate)
            } catch let error as CallMediaError {
                throw error
            } catch {
                throw .file(path: playPath, reason: "\(error)")
            }
        }
        let recording = try recordPath.map { path throws(CallMediaError) in try WAVStreamWriter(path: path, sampleRate: sampleRate) }
        state.withLock {
            $0.source = source
            $0.position = 0
            $0.recording = recording
            $0.started = true
        }
    }

    public func capture() -> [Int16]? {
        state.withLock { state in
            guard state.position < state.source.count else { return nil }
            let end = min(state.position + frameSamples, state.source.count)
            var frame = Array(state.source[state.position..<end])
            frame += [Int16](repeating: 0, count: frameSamples - frame.count)
            state.position = end
            return frame
        }
    }

    /// True once the whole play file has been captured.
    public var finishedPlaying: Bool {
        state.withLock { $0.position >= $0.source.count }
    }

    public func play(_ frame: [Int16]) {
        state.withLock { $0.recording?.append(frame) }
    }

    /// Completes the recording (once).
    public func stop() {
        let recording: WAVStreamWriter? = state.withLock { state in
            guard state.started else { return nil }
            state.started = false
            defer { state.recording = nil }
            return state.recording
        }
        recording?.finish()
    }
}
