import CallHistory
import Foundation
import MediaEngine
import SDP

/// The built-in echo test (issue 6): dialling the local contact `echo` needs no account and no
/// network. Two media sessions on loopback — ours with the user's microphone and speaker, and a
/// far end that plays back whatever it receives one second later — agree on a codec through the
/// same SDP offer/answer as a real call, so the user hears their own voice through the codec,
/// RTP, SRTP and jitter buffer exactly as a peer would.
actor EchoTestCall {
    /// What the user dials (the UI's dialer, `dialtone call echo`, the control socket).
    static let target = "echo"
    /// The name the call shows instead of an account.
    static let account = "local"
    static let remoteURI = "echo (local test)"
    /// Long enough to tell one's own voice from side tone, short enough to be a quick check.
    static let delayMilliseconds = 1000

    nonisolated let id: CallID
    private(set) var snapshot: CallSnapshot
    private let owner: CallOwner
    private var near: (any CallMediaSession)?
    private var far: (any CallMediaSession)?
    private var isFinished = false

    init(id: CallID, owner: CallOwner) {
        self.id = id
        self.owner = owner
        snapshot = CallSnapshot(id: id, account: Self.account, direction: .outgoing, remoteURI: Self.remoteURI, startedAt: Date())
    }

    /// Prepares both ends, negotiates, and starts the audio. A failure ends the call with the reason.
    func start(factory: any CallMediaFactory, request: CallMediaRequest) async {
        owner.emit(.call(snapshot))
        do {
            let near = try await factory.prepare(request)
            self.near = near
            var farRequest = request
            farRequest.audio = .echo(delayMilliseconds: Self.delayMilliseconds)
            let far = try await factory.prepare(farRequest)
            self.far = far
            var ourSide = LocalSDPSession(sessionID: UInt64.random(in: 1...UInt64(Int64.max)))
            var farSide = LocalSDPSession(sessionID: UInt64.random(in: 1...UInt64(Int64.max)))
            let offer = try ourSide.makeOffer(near.capabilities)
            let answer = try farSide.makeAnswer(to: offer, capabilities: far.capabilities)
            guard let farMedia = answer.media else { throw CallMediaError.unsupported("the echo test agreed no audio") }
            let nearMedia = try ourSide.processAnswer(answer.answer, toOffer: offer)
            try await far.apply(farMedia)
            try await near.apply(nearMedia)
            guard !isFinished else { return }
            let events = near.events
            Task { [weak self] in
                for await event in events { await self?.mediaEvent(event) }
            }
            snapshot.codec = "\(nearMedia.codec.encodingName)/\(nearMedia.codec.clockRate)"
            snapshot.encryption = Call.encryption(nearMedia.security).kind
            snapshot.answeredAt = Date()
            snapshot.state = .active
            owner.emit(.call(snapshot))
            notify(.answered(codec: snapshot.codec, encryption: snapshot.encryption))
        } catch {
            await finish(reason: "echo test failed: \(error)")
        }
    }

    func hangUp() async {
        await finish(reason: "hung up")
    }

    /// The near end's sound moves; the far end is the delay line and stays.
    func switchAudio(to audio: CallAudio) async -> String? {
        guard let near, !isFinished else { return nil }
        do throws(CallMediaError) {
            try await near.switchAudio(to: audio)
            return nil
        } catch {
            return error.description
        }
    }

    func setMuted(_ muted: Bool) async -> Bool {
        guard let near, !isFinished else { return false }
        await near.setMuted(muted)
        snapshot.isMuted = muted
        owner.emit(.call(snapshot))
        notify(.muted(muted))
        return true
    }

    /// Records what the user said and what came back (the near end's two directions).
    func startRecording(to path: String, layout: RecordingLayout) async throws(CallError) {
        guard let near, !isFinished else { throw .noSuchCall(id) }
        try await near.record(to: path, layout: layout)
        snapshot.recordingPath = path
        owner.emit(.call(snapshot))
        notify(.recording(path: path))
    }

    func stopRecording() async -> Bool {
        guard let near, !isFinished, snapshot.recordingPath != nil else { return false }
        await near.stopRecording()
        snapshot.recordingPath = nil
        owner.emit(.call(snapshot))
        notify(.recording(path: nil))
        return true
    }

    private func mediaEvent(_ event: CallMediaEvent) async {
        switch event {
        case .statistics(let statistics): notify(.stats(statistics))
        case .failed(let reason): await finish(reason: "media failed: \(reason)")
        case .dtmfReceived, .noMediaReceived, .mediaRestored: break
        }
    }

    private func finish(reason: String) async {
        guard !isFinished else { return }
        isFinished = true
        _ = await far?.stop()
        let summary = await near?.stop()
        if let statistics = summary?.statistics { notify(.stats(statistics)) }
        snapshot.state = .ended
        snapshot.endedAt = Date()
        snapshot.endReason = reason
        owner.emit(.call(snapshot))
        notify(.ended(code: nil, reason: reason, duration: snapshot.duration))
        await owner.ended(id, nil)
    }

    private func notify(_ kind: CallNotification.Kind) {
        owner.emit(.callEvent(CallNotification(call: id, account: Self.account, kind: kind)))
    }
}
