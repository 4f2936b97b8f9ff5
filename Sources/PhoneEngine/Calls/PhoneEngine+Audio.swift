import MediaEngine

/// Where the sound goes: chosen at start (`EngineOptions.audio`), changed at run time — the
/// user plugs in a headset mid-call. Calls in progress move to the new devices without any
/// signalling (the RTP session, its keys and numbering carry on); later calls start on them.
extension PhoneEngine {
    /// The audio new calls get.
    var callAudio: CallAudio { audioOverride ?? options.audio }

    /// Moves every call in progress to `audio` and makes it the default for new calls. Returns
    /// the calls that could not move, with the reason (e.g. an unknown device name): those keep
    /// their old devices.
    @discardableResult
    public func switchAudio(to audio: CallAudio) async -> [CallID: String] {
        audioOverride = audio
        var failures: [CallID: String] = [:]
        for line in lines {
            if let failure = await line.switchAudio(to: audio) { failures[line.id] = failure }
        }
        return failures
    }
}

extension Call {
    /// Nil when moved (or when there is no media yet: it will start on the new devices).
    func switchAudio(to audio: CallAudio) async -> String? {
        guard let media, !isFinished else { return nil }
        do throws(CallMediaError) {
            try await media.switchAudio(to: audio)
            return nil
        } catch {
            owner.emit(.notice("call \(id): audio stays on the old device: \(error)"))
            return error.description
        }
    }
}
