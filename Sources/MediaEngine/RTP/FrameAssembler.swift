/// Cuts a stream of PCM blocks of slightly varying length (a resampler's output) into frames
/// of exactly `frameSamples`, so the encoder always gets whole 20 ms frames.
struct FrameAssembler {
    let frameSamples: Int
    private var pending: [Int16] = []

    init(frameSamples: Int) {
        self.frameSamples = frameSamples
        pending.reserveCapacity(frameSamples * 3)
    }

    /// Appends `block` and returns the next whole frame; zero-padded while the resampler's
    /// filter is still filling (the first frame or two of a call). Never holds more than two frames.
    mutating func frame(after block: [Int16]) -> [Int16] {
        // Device and codec at one rate: each block is a whole frame, passed on without a copy.
        if pending.isEmpty && block.count == frameSamples { return block }
        pending += block
        if pending.count < frameSamples { pending = [Int16](repeating: 0, count: frameSamples - pending.count) + pending }
        let frame = Array(pending[0..<frameSamples])
        pending.removeFirst(frameSamples)
        if pending.count > frameSamples { pending.removeFirst(pending.count - frameSamples) }
        return frame
    }
}
