import Synchronization

/// The far end of the built-in echo test: what it is given to play comes back as its capture
/// after a fixed delay, so the caller hears their own voice a second later — through the codec,
/// the RTP session and the jitter buffer, as a real peer would hear it.
///
/// The media clock calls `capture` then `play` once per 20 ms frame, so a queue primed with
/// `delayFrames` frames of silence returns each played frame exactly `delayFrames` ticks later.
/// The queue is bounded (twice the delay): if the clock ever skips captures, the delay cannot
/// grow.
public final class DelayLineAudioDevice: AudioDevice {
    public let sampleRate: Int
    public let delayFrames: Int
    private let frames: Mutex<[[Int16]]>

    public init(sampleRate: Int, delayMilliseconds: Int) {
        self.sampleRate = sampleRate
        delayFrames = max(delayMilliseconds / 20, 0)
        frames = Mutex(Array(repeating: [Int16](repeating: 0, count: sampleRate / 50), count: delayFrames))
    }

    public func start() throws(CallMediaError) {}

    public func capture() -> [Int16]? {
        frames.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    public func play(_ frame: [Int16]) {
        frames.withLock { queue in
            queue.append(frame)
            if queue.count > max(2 * delayFrames, 1) { queue.removeFirst() }
        }
    }

    public func stop() {
        frames.withLock { $0.removeAll() }
    }
}
