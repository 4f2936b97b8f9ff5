/// Where a call's sound comes from and goes to, in 20 ms frames of mono PCM at the device's
/// rate. Implementations: PulseAudio, WAV files, null.
///
/// The call's media clock (the RTP session's event loop) pulls one captured frame and pushes
/// one frame to play every 20 ms; neither call blocks. A device with its own clock (a sound
/// card) sits behind a `FrameQueue` serviced by its own threads, so the two clocks meet in a
/// bounded queue and drift shows up as an occasional dropped or repeated frame, never as a
/// growing delay.
public protocol AudioDevice: AnyObject, Sendable {
    var sampleRate: Int { get }
    func start() throws(CallMediaError)
    /// The next captured frame, or nil when there is none (the caller sends silence).
    func capture() -> [Int16]?
    /// Queues one frame for playback.
    func play(_ frame: [Int16])
    /// Stops and releases the device (idempotent). Returns after its threads have finished.
    func stop()
}

extension AudioDevice {
    /// Samples in one 20 ms frame.
    public var frameSamples: Int { sampleRate / 50 }
}

/// Silence in, sound out dropped: headless signalling tests and `CallAudio.null`.
public final class NullAudioDevice: AudioDevice {
    public let sampleRate: Int
    public init(sampleRate: Int = 8000) { self.sampleRate = sampleRate }
    public func start() throws(CallMediaError) {}
    public func capture() -> [Int16]? { nil }
    public func play(_ frame: [Int16]) {}
    public func stop() {}
}
