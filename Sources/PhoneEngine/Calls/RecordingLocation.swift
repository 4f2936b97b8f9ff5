import Foundation

/// Where call recordings go when the user names no file: `$XDG_DATA_HOME/dialtone/recordings/`
/// (XDG Base Directory: `~/.local/share` when unset), one WAV per recording named by date and
/// remote party. Pure: the environment and the date are passed in.
public enum RecordingLocation {
    /// The recordings directory for `environment`.
    public static func directory(environment: [String: String]) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            // The spec says a relative XDG_DATA_HOME is invalid and must be ignored.
            dataHome = (environment["HOME"] ?? "/tmp") + "/.local/share"
        }
        return dataHome + "/dialtone/recordings"
    }

    /// `2026-11-23_08-30-05_bob@example.com.wav`. The remote party comes from the network, so
    /// only a safe set of characters survives (no `/`, no `..` path, no control characters).
    public static func fileName(remoteURI: String, date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        let stamp = "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))_\(two(c.hour))-\(two(c.minute))-\(two(c.second))"
        return "\(stamp)_\(safeName(remoteURI)).wav"
    }

    /// The remote URI without scheme and parameters, reduced to `[A-Za-z0-9@._+-]`, at most 64
    /// characters, never starting with a dot.
    static func safeName(_ remoteURI: String) -> String {
        var text = Substring(remoteURI)
        for scheme in ["sips:", "sip:", "tel:"] where text.lowercased().hasPrefix(scheme) {
            text = text.dropFirst(scheme.count)
        }
        if let cut = text.firstIndex(where: { $0 == ";" || $0 == "?" || $0 == ">" }) { text = text[..<cut] }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@._+-")
        var name = String(text.prefix(64).map { allowed.contains($0) ? $0 : "_" })
        while name.hasPrefix(".") { name.removeFirst() }
        return name.isEmpty ? "call" : name
    }
}
