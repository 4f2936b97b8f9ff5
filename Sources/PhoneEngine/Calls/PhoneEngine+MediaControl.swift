import Foundation

/// Mute and record: commands shared by the UI, the control socket and scripts.
extension PhoneEngine {
    /// Mutes or unmutes our microphone on a call (also the echo test).
    public func setMuted(_ id: CallID, _ muted: Bool) async -> Bool {
        await line(id)?.setMuted(muted) ?? false
    }

    /// Starts recording a call to `path`, or to a new file under
    /// `$XDG_DATA_HOME/dialtone/recordings/` named by date and remote party. Returns the path.
    public func startRecording(_ id: CallID, to path: String? = nil) async throws(CallError) -> String {
        guard let call = line(id) else { throw .noSuchCall(id) }
        let file: String
        if let path, !path.isEmpty {
            file = path
        } else {
            let directory = options.recordingsDirectory ?? RecordingLocation.directory(environment: ProcessInfo.processInfo.environment)
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .recordingFailed("cannot create \(directory): \(error.localizedDescription)")
            }
            let remote = await call.snapshot.remoteURI
            file = directory + "/" + RecordingLocation.fileName(remoteURI: remote, date: Date())
        }
        try await call.startRecording(to: file, layout: configuration.audio.recordsStereo ? .stereo : .mixed)
        return file
    }

    /// Stops recording a call; the WAV file is complete when this returns.
    public func stopRecording(_ id: CallID) async -> Bool {
        await line(id)?.stopRecording() ?? false
    }
}
