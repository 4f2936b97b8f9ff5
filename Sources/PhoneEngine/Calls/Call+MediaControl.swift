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
        do throws(CallMediaError) {
            try await media.startRecording(to: path, layout: layout)
        } catch {
            throw .recordingFailed(error.description)
        }
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
