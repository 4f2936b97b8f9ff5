/// Call recording (issue 6): what we sent and what we heard, mixed into one mono track at the
/// device rate, written as WAV when the recording stops.
final class CallRecorder {
    let path: String
    let sampleRate: Int
    private var samples: [Int16] = []

    init(path: String, sampleRate: Int) {
        self.path = path
        self.sampleRate = sampleRate
    }

    /// One 20 ms period: the frame sent (after mute) and the frame played.
    func add(sent: [Int16], heard: [Int16]) {
        let count = max(sent.count, heard.count)
        for index in 0..<count {
            let a = index < sent.count ? Int(sent[index]) : 0
            let b = index < heard.count ? Int(heard[index]) : 0
            samples.append(Int16(clamping: a + b))
        }
    }

    /// The recording so far, to be written off the event loop.
    func take() -> (path: String, file: WAVFile) {
        (path, WAVFile(sampleRate: sampleRate, samples: samples))
    }
}
