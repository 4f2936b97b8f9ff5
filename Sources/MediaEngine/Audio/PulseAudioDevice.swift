import CPulse
import Foundation
import Synchronization

/// Capture and playback through the sound server (PulseAudio, or PipeWire's pulse server)
/// with libpulse-simple. Each direction has its own thread doing blocking reads or writes
/// of 20 ms, so the server's clock paces them and nothing ever blocks the media clock: the
/// two meet in `FrameQueue`s of a few frames.
public final class PulseAudioDevice: AudioDevice {
    public struct Configuration: Sendable, Hashable {
        /// `nil`: the default server (`$PULSE_SERVER`, then the user's socket).
        public var server: String?
        /// Sink and source names; `nil` follows the server's default device.
        public var playbackDevice: String?
        public var captureDevice: String?
        public var sampleRate: Int
        public var applicationName: String
        /// Frames the server buffers for playback beyond the one being written (delay vs underruns).
        public var playbackBufferFrames: Int

        public init(server: String? = nil, playbackDevice: String? = nil, captureDevice: String? = nil,
                    sampleRate: Int = 48000, applicationName: String = "Dialtone", playbackBufferFrames: Int = 2) {
            self.server = server
            self.playbackDevice = playbackDevice
            self.captureDevice = captureDevice
            self.sampleRate = sampleRate
            self.applicationName = applicationName
            self.playbackBufferFrames = max(playbackBufferFrames, 1)
        }
    }

    public let configuration: Configuration
    public var sampleRate: Int { configuration.sampleRate }
    private let captured = FrameQueue(capacity: 4)
    private let toPlay = FrameQueue(capacity: 4)
    private let running = RunFlag()
    private let finished = DispatchGroup()

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    deinit { stop() }

    /// Connects both streams now (so a missing server or device fails the call set-up), then
    /// starts their threads.
    public func start() throws(CallMediaError) {
        let playback = try PulseStream(configuration, direction: PA_STREAM_PLAYBACK)
        let capture = try PulseStream(configuration, direction: PA_STREAM_RECORD)
        running.set(true)
        let frameBytes = sampleRate / 50 * 2
        playback.prime(frames: configuration.playbackBufferFrames + 1, frameSamples: frameBytes / 2)
        launch("pulse-capture") { [captured, running] in
            var frame = [Int16](repeating: 0, count: frameBytes / 2)
            while running.isSet {
                guard capture.read(into: &frame) else { break }
                captured.push(frame)
            }
            capture.close()
        }
        launch("pulse-playback") { [toPlay, running] in
            let silence = [Int16](repeating: 0, count: frameBytes / 2)
            while running.isSet {
                // Waiting a little longer than a frame for the media clock keeps the stream fed in
                // step with it; only a real gap is padded with silence, which keeps the stream clocked.
                guard playback.write(toPlay.pop(waitingUpTo: .milliseconds(25)) ?? silence) else { break }
            }
            playback.drain()
            playback.close()
        }
    }

    private func launch(_ name: String, _ body: @escaping @Sendable () -> Void) {
        finished.enter()
        let thread = Thread { [finished] in
            body()
            finished.leave()
        }
        thread.name = name
        thread.qualityOfService = .userInteractive
        thread.start()
    }

    public func capture() -> [Int16]? { captured.pop() }

    public func play(_ frame: [Int16]) { toPlay.push(frame) }

    public func stop() {
        guard running.exchange(false) else { return }
        // Each thread wakes within one 20 ms block and sees the flag.
        _ = finished.wait(timeout: .now() + 2)
    }
}

/// One pa_simple stream, used by exactly one thread at a time.
final class PulseStream: @unchecked Sendable {
    private let handle: OpaquePointer

    init(_ configuration: PulseAudioDevice.Configuration, direction: pa_stream_direction_t, role: String? = nil) throws(CallMediaError) {
        var spec = pa_sample_spec(format: PA_SAMPLE_S16LE, rate: UInt32(configuration.sampleRate), channels: 1)
        // TOOLCHAIN.md §4: without explicit attributes a record stream gets ~2 s fragments.
        let frame = UInt32(pa_usec_to_bytes(20_000, &spec))
        let isPlayback = direction == PA_STREAM_PLAYBACK
        var attributes = pa_buffer_attr(
            maxlength: .max, tlength: isPlayback ? frame * UInt32(configuration.playbackBufferFrames) : .max,
            prebuf: isPlayback ? frame : .max, minreq: isPlayback ? frame : .max, fragsize: isPlayback ? .max : frame)
        let device = isPlayback ? configuration.playbackDevice : configuration.captureDevice
        var error: Int32 = 0
        let stream = pa_simple_new(
            configuration.server, configuration.applicationName, direction, device,
            role ?? (isPlayback ? "call playback" : "call capture"), &spec, nil, &attributes, &error)
        guard let stream else {
            let what = isPlayback ? "playback" : "capture"
            throw .audioDevice("\(what) on \(device ?? "default device"): \(String(cString: pa_strerror(error)))")
        }
        handle = stream
    }

    func read(into frame: inout [Int16]) -> Bool {
        var error: Int32 = 0
        let result = frame.withUnsafeMutableBytes { pa_simple_read(handle, $0.baseAddress, $0.count, &error) }
        return result == 0
    }

    func write(_ frame: [Int16]) -> Bool {
        var error: Int32 = 0
        let result = frame.withUnsafeBytes { pa_simple_write(handle, $0.baseAddress, $0.count, &error) }
        return result == 0
    }

    /// Writes silence until a write blocks, i.e. until the sink really consumes the stream.
    /// An idle sink may sleep for its whole previous latency (a null sink: 0.8–2 s, measured)
    /// before it first asks for data; without this the call's first second of audio piles up
    /// in the 4-frame queue and is dropped — the "only ~140 ms reach the monitor" of the
    /// issue note. Called from `start()`, off the media clock.
    func prime(frames: Int, frameSamples: Int) {
        let silence = [Int16](repeating: 0, count: frameSamples)
        for _ in 0..<frames {
            guard write(silence) else { return }
        }
    }

    func drain() {
        var error: Int32 = 0
        _ = pa_simple_drain(handle, &error)
    }

    /// The server-side latency of this stream, in microseconds.
    func latency() -> UInt64 {
        var error: Int32 = 0
        return pa_simple_get_latency(handle, &error)
    }

    func close() {
        pa_simple_free(handle)
    }
}

/// A flag the device threads poll between 20 ms blocks.
final class RunFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set(_ newValue: Bool) { value.store(newValue, ordering: .releasing) }
    func exchange(_ newValue: Bool) -> Bool { value.exchange(newValue, ordering: .acquiringAndReleasing) }
}
