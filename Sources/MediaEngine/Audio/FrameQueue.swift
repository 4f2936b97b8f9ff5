import Dispatch
import Synchronization

/// A bounded FIFO of 20 ms frames between a device thread and the media clock. When full, the
/// oldest frame goes: the delay can never grow past `capacity` frames, whatever the drift
/// between the two clocks. The lock is held only to move an array reference.
///
/// Capacity bounds the delay but does not remove a *standing* queue: frames that piled up once
/// (a burst from the sound server at start, a scheduling hiccup) would otherwise stay, each
/// adding 20 ms to every word for the rest of the call. So the queue watches its depth after
/// each pop over a window of `trimWindow` pops; if a frame was waiting every single time, one
/// frame is dropped. A queue that really needs its slack (it runs empty now and then) keeps it.
final class FrameQueue: Sendable {
    private struct State {
        var frames: [[Int16]] = []
        var dropped = 0
        var underruns = 0
        var trimmed = 0
        var popsInWindow = 0
        var smallestDepth = Int.max
    }

    /// One second of 20 ms pops.
    static let trimWindow = 50

    let capacity: Int
    private let state = Mutex(State())
    /// Signalled once per push, so a device thread can sleep until a frame arrives.
    private let arrivals = DispatchSemaphore(value: 0)

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    func push(_ frame: [Int16]) {
        state.withLock { state in
            state.frames.append(frame)
            if state.frames.count > capacity {
                state.frames.removeFirst()
                state.dropped += 1
            }
        }
        arrivals.signal()
    }

    /// Blocks the calling (device) thread up to `timeout` for a frame. Frames taken by `pop()`
    /// leave their signal behind, so a wake-up may find the queue empty: wait again until
    /// the deadline rather than return early (which would play silence in the middle of speech).
    func pop(waitingUpTo timeout: DispatchTimeInterval) -> [Int16]? {
        let deadline = DispatchTime.now() + timeout
        while true {
            if let frame = take(emptyMeansNoSlack: false) { return frame }
            if arrivals.wait(timeout: deadline) == .timedOut { return pop() }
        }
    }

    /// The next frame, or nil (an underrun: the queue needed more slack than it had).
    func pop() -> [Int16]? {
        take(emptyMeansNoSlack: true)
    }

    /// A waiting consumer finding the queue empty is only early, not short of slack.
    private func take(emptyMeansNoSlack: Bool) -> [Int16]? {
        state.withLock { state in
            guard !state.frames.isEmpty else {
                if emptyMeansNoSlack {
                    state.underruns += 1
                    state.smallestDepth = 0
                }
                return nil
            }
            let frame = state.frames.removeFirst()
            state.smallestDepth = min(state.smallestDepth, state.frames.count)
            state.popsInWindow += 1
            if state.popsInWindow >= Self.trimWindow {
                if state.smallestDepth >= 1, !state.frames.isEmpty {
                    state.frames.removeFirst()
                    state.trimmed += 1
                }
                state.popsInWindow = 0
                state.smallestDepth = Int.max
            }
            return frame
        }
    }

    var count: Int { state.withLock { $0.frames.count } }
    var dropped: Int { state.withLock { $0.dropped } }
    /// Frames dropped to remove a standing queue.
    var trimmed: Int { state.withLock { $0.trimmed } }
}
