import Dispatch
import Synchronization

/// A bounded FIFO of 20 ms frames between a device thread and the media clock. When full, the
/// oldest frame goes: the delay can never grow past `capacity` frames, whatever the drift
/// between the two clocks. The lock is held only to move an array reference.
final class FrameQueue: Sendable {
    private struct State {
        var frames: [[Int16]] = []
        var dropped = 0
        var underruns = 0
    }

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
            if let frame = pop() { return frame }
            if arrivals.wait(timeout: deadline) == .timedOut { return pop() }
        }
    }

    func pop() -> [Int16]? {
        state.withLock { state in
            guard !state.frames.isEmpty else {
                state.underruns += 1
                return nil
            }
            return state.frames.removeFirst()
        }
    }

    var count: Int { state.withLock { $0.frames.count } }
    var dropped: Int { state.withLock { $0.dropped } }
}
