import CPulse
import Foundation
import Synchronization

/// Plays one `AlertSound` at a time, looping until stopped. The engine's ringer drives it.
public protocol AlertPlayer: AnyObject, Sendable {
    /// Starts `sound` (replacing any other) — or stops when `sound` is nil. Never blocks.
    func play(_ sound: AlertSound?)
}

/// An `AlertPlayer` on the sound server: its own playback stream on the chosen sink (the
/// ringtone may go to the speakers while calls use a headset), fed by a thread of its own that
/// opens the stream when a sound starts and closes it when it stops, so no stream sits open
/// between calls.
public final class PulseAlertPlayer: AlertPlayer {
    public struct Configuration: Sendable, Hashable {
        public var server: String?
        /// Sink name; nil: the default sink.
        public var device: String?
        public var sampleRate: Int

        public init(server: String? = nil, device: String? = nil, sampleRate: Int = 48000) {
            self.server = server
            self.device = device
            self.sampleRate = sampleRate
        }
    }

    public let configuration: Configuration
    /// The sound wanted now and a generation number, so a thread knows when it is outdated.
    private let wanted = Mutex<(sound: AlertSound?, generation: Int)>((nil, 0))
    /// Called with the reason when the stream cannot be opened (no server, unknown sink).
    private let onError: @Sendable (String) -> Void

    public init(configuration: Configuration = Configuration(), onError: @escaping @Sendable (String) -> Void = { _ in }) {
        self.configuration = configuration
        self.onError = onError
    }

    deinit { play(nil) }

    public func play(_ sound: AlertSound?) {
        let generation = wanted.withLock { state -> Int? in
            guard state.sound != sound else { return nil }
            state = (sound, state.generation + 1)
            return state.generation
        }
        guard let generation, let sound else { return }
        let thread = Thread { [self] in run(sound, generation: generation) }
        thread.name = "dialtone-alert"
        thread.start()
    }

    private func isCurrent(_ generation: Int) -> Bool {
        wanted.withLock { $0.generation == generation }
    }

    /// Streams `sound` until a newer `play` call supersedes it. pa_simple_write blocks for about
    /// one frame once the server's small buffer is full, which paces the loop.
    private func run(_ sound: AlertSound, generation: Int) {
        let pulse = PulseAudioDevice.Configuration(
            server: configuration.server, playbackDevice: configuration.device, sampleRate: configuration.sampleRate,
            applicationName: "Dialtone", playbackBufferFrames: 4)
        let stream: PulseStream
        do {
            stream = try PulseStream(pulse, direction: PA_STREAM_PLAYBACK, role: "alert ringtone")
        } catch {
            onError(error.description)
            return
        }
        var index = 0
        while isCurrent(generation) {
            guard stream.write(sound.frame(index, sampleRate: configuration.sampleRate)) else { break }
            index += 1
        }
        stream.close()
    }
}
