import MediaEngine

/// A line on the phone: a SIP call or the local echo test. The commands that mean the same
/// for both go through this, so the engine's commands do not ask which kind of line they hold.
protocol PhoneLine: Actor {
    nonisolated var id: CallID { get }
    var snapshot: CallSnapshot { get }
    func hangUp() async
    /// False once the line has ended.
    func setMuted(_ muted: Bool) async -> Bool
    /// Nil when moved (or when there is no media yet); else why the line keeps its old devices.
    func switchAudio(to audio: CallAudio) async -> String?
    /// Both directions to a WAV file at `path`, complete when recording stops or the line ends.
    func startRecording(to path: String, layout: RecordingLayout) async throws(CallError)
    /// False when nothing was being recorded.
    func stopRecording() async -> Bool
}

extension Call: PhoneLine {}
extension EchoTestCall: PhoneLine {}

extension PhoneEngine {
    /// The line with this id, whichever kind it is.
    func line(_ id: CallID) -> (any PhoneLine)? {
        callTable.calls[id] ?? echoCalls[id]
    }

    /// Every line: SIP calls in the order they began, then any echo test.
    var lines: [any PhoneLine] {
        callTable.order.compactMap { callTable.calls[$0] } + Array(echoCalls.values)
    }
}
