/// The `[audio]` table: which sound-server devices calls and alerts use.
public struct AudioSettings: Sendable, Hashable {
    /// Where the ringtone comes from.
    public enum Ringtone: Sendable, Hashable {
        /// The built-in dual-tone ring.
        case builtIn
        /// No ringtone (the UI still shows the call, and may ring the terminal bell).
        case off
        /// A WAV file (absolute path), played in a loop.
        case file(String)
    }

    /// Sink and source names as the sound server lists them (`pactl list short sinks`); nil
    /// follows the server's default device, including when it changes.
    public var playbackDevice: String?
    public var captureDevice: String?
    /// Where the ringtone plays: e.g. the speakers while calls use a headset. Nil: the playback device.
    public var ringtoneDevice: String?
    public var ringtone: Ringtone = .builtIn
    /// A short tone when a second call arrives during a conversation.
    public var callWaitingTone = true
    /// Call recordings: both directions mixed into one track (false) or stereo, ours left and
    /// theirs right (true).
    public var recordsStereo = false

    public init() {}
}
