import DialtoneConfig
import MediaEngine
import PhoneEngine

/// The engine options every interactive or calling command runs with: real media (RTP/SRTP
/// with codecs, `MediaEngine.RTPCallMediaFactory`), each call on a media thread of its own, so
/// audio timing never waits behind signaling work. Each command makes one.
enum ProductEngineOptions {
    static func make(audio: CallAudio = .null) -> EngineOptions {
        EngineOptions(version: DialtoneVersion.current, mediaFactory: RTPCallMediaFactory(), audio: audio)
    }

    /// The interactive phone's options: calls on the configured sound devices, and the ringtone
    /// and call-waiting tone on theirs.
    static func interactive(_ audio: AudioSettings) -> EngineOptions {
        var options = make(audio: .device(playback: audio.playbackDevice, capture: audio.captureDevice))
        let ringtone: AlertSound?
        switch audio.ringtone {
        case .builtIn: ringtone = .ringtone
        case .off: ringtone = nil
        case .file(let path):
            // Checked readable at load time; a file that is not a usable WAV falls back to the built-in ring.
            ringtone = (try? WAVFile.read(path: path).mono(at: 48000)).map { .samples($0, pause: 2) } ?? .ringtone
        }
        guard ringtone != nil || audio.callWaitingTone else { return options }
        options.alerts = PulseAlertPlayer(configuration: .init(device: audio.ringtoneDevice ?? audio.playbackDevice))
        options.ringer = RingerRules(ringtone: ringtone, callWaitingTone: audio.callWaitingTone)
        return options
    }
}
