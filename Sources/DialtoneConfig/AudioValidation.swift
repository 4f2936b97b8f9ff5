import TOMLKit

/// The `[audio]` table. Device names are not checked against the sound server here (it may not
/// be running yet); a wrong name fails the call's audio with the server's own message.
extension ConfigValidator {
    static let audioKeys = ["playback_device", "capture_device", "ringtone_device", "ringtone", "call_waiting_tone", "recording"]

    mutating func audio(_ table: TOMLTable?) -> AudioSettings {
        var settings = AudioSettings()
        guard let table else { return settings }
        let path = ConfigKeyPath.root.appending("audio")
        rejectUnknownKeys(in: table, at: path, known: Self.audioKeys)
        settings.playbackDevice = deviceName(table, "playback_device", at: path)
        settings.captureDevice = deviceName(table, "capture_device", at: path)
        settings.ringtoneDevice = deviceName(table, "ringtone_device", at: path)
        if let written = singleLineString(table, "ringtone", at: path) {
            switch written {
            case "builtin", "": settings.ringtone = .builtIn
            case "off": settings.ringtone = .off
            default:
                if let file = readableFile(table, "ringtone", at: path) {
                    if file.lowercased().hasSuffix(".wav") {
                        settings.ringtone = .file(file)
                    } else {
                        report("must be \"builtin\", \"off\" or a .wav file", at: path.appending("ringtone"))
                    }
                }
            }
        }
        settings.callWaitingTone = bool(table, "call_waiting_tone", at: path) ?? true
        switch singleLineString(table, "recording", at: path) {
        case nil, "mixed": break
        case "stereo": settings.recordsStereo = true
        case .some: report("must be \"mixed\" or \"stereo\"", at: path.appending("recording"))
        }
        return settings
    }

    private mutating func deviceName(_ table: TOMLTable, _ key: String, at path: ConfigKeyPath) -> String? {
        guard let name = singleLineString(table, key, at: path) else { return nil }
        if name.isEmpty {
            report("must not be empty (leave it out to follow the default device)", at: path.appending(key))
            return nil
        }
        return name
    }
}
