/// How a call recording lays out the two directions.
public enum RecordingLayout: String, Sendable, Hashable, CaseIterable {
    /// One track: what we sent and what we heard, summed.
    case mixed
    /// Two channels: left is what we sent (after mute), right is what we heard.
    case stereo
}

/// Call recording (issue 6) at the device rate, streamed to a WAV file as the call goes
/// (`WAVStreamWriter`): a long call costs no memory and a crash loses at most the last second.
/// Lives on the call's event loop; `finish()` is called off it once the loop let go of it —
/// handed over, never shared, hence `@unchecked Sendable`.
final class CallRecorder: @unchecked Sendable {
    let writer: WAVStreamWriter
    let layout: RecordingLayout

    init(path: String, sampleRate: Int, layout: RecordingLayout) throws(CallMediaError) {
        writer = try WAVStreamWriter(path: path, sampleRate: sampleRate, channels: layout == .stereo ? 2 : 1)
        self.layout = layout
    }

    var path: String { writer.path }

    /// One 20 ms period: the frame sent (after mute) and the frame played.
    func add(sent: [Int16], heard: [Int16]) {
        let count = max(sent.count, heard.count)
        var frame = [Int16](repeating: 0, count: layout == .stereo ? 2 * count : count)
        for index in 0..<count {
            let ours = index < sent.count ? sent[index] : 0
            let theirs = index < heard.count ? heard[index] : 0
            switch layout {
            case .mixed:
                frame[index] = Int16(clamping: Int(ours) + Int(theirs))
            case .stereo:
                frame[2 * index] = ours
                frame[2 * index + 1] = theirs
            }
        }
        writer.append(frame)
    }

    /// Blocks until the file is complete; the reason when writing failed.
    func finish() -> String? {
        writer.finish()
    }
}
