import Foundation
import MediaEngine

/// Mute and recording: local media controls with no SIP signalling. Each change is published
/// as a snapshot (`isMuted`, `recordingPath`) and a `muted` / `recording` notification.
extension Call {
    /// Stops (or restarts) sending our microphone; the peer hears silence. False once ended.
    func setMuted(_ muted: Bool) async -> Bool {
        guard let media, !isFinished else { return false }
        await media.setMuted(muted)
        snapshot.isMuted = muted
        publish()
        notify(.muted(muted))
        return true
    }

    /// Records both directions to `path` (a WAV written as the call goes, complete when recording stops or the call ends).
    func startRecording(to path: String, layout: RecordingLayout) async throws(CallError) {
        guard let media, !isFinished else { throw .noSuchCall(id) }
        try await media.record(to: path, layout: layout)
        snapshot.recordingPath = path
        publish()
        notify(.recording(path: path))
    }

    func stopRecording() async -> Bool {
        guard let media, !isFinished, snapshot.recordingPath != nil else { return false }
        await media.stopRecording()
        snapshot.recordingPath = nil
        publish()
        notify(.recording(path: nil))
        return true
    }
}

extension CallMediaSession {
    /// `startRecording`, failing with the engine's error (the file could not be opened, …).
    func record(to path: String, layout: RecordingLayout) async throws(CallError) {
        do throws(CallMediaError) {
            try await startRecording(to: path, layout: layout)
        } catch {
            throw .recordingFailed(error.description)
        }
    }
}
