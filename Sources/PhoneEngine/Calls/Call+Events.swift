import CallHistory
import Foundation
import SDP
import SIPDialog
import SIPSyntax

extension Call {
    /// Turns a session event into media changes, a snapshot and a notification.
    func apply(_ event: CallEvent) async {
        switch event {
        case .incoming(let call):
            var remote = call.from
            remote.parameters = []
            snapshot.remoteURI = remote.uri.description
            snapshot.remoteDisplayName = call.from.displayName
            publish()
            notify(.incoming(from: snapshot.remoteURI, displayName: call.from.displayName))
            if let replaces = call.replaces {
                await owner.transferRequested(id, remote.uri, replaces)
            }
        case .ringing:
            move(to: .ringing)
            notify(.ringing)
        case .earlyMedia(let negotiated):
            await start(negotiated)
            move(to: .earlyMedia)
            notify(.earlyMedia)
        case .answered(let negotiated):
            if let negotiated { await start(negotiated) }
            snapshot.answeredAt = Date()
            move(to: .active)
            notify(.answered(codec: snapshot.codec, encryption: snapshot.encryption))
            if let referrer = referredBy { await owner.transferOutcome(referrer, 200, "OK") }
        case .redirected(let target):
            snapshot.remoteURI = target.description
            publish()
        case .heldByRemote, .resumedByRemote:
            snapshot.isRemoteHold = event == .heldByRemote
            if let negotiated = session?.negotiatedMedia { await start(negotiated) }
            publish()
            notify(.remoteHold(snapshot.isRemoteHold))
        case .held:
            if let negotiated = session?.negotiatedMedia { await start(negotiated) }
            move(to: .held)
            notify(.held)
        case .resumed:
            if let negotiated = session?.negotiatedMedia { await start(negotiated) }
            move(to: .active)
            notify(.resumed)
        case .mediaChanged(let negotiated):
            await start(negotiated)
            publish()
        case .reofferFailed(let code, let reason):
            owner.emit(.notice("call \(id): the re-offer was refused (\(code) \(reason))"))
        case .transferRequested(let target, let replaces, _):
            await owner.transferRequested(id, target, replaces)
        case .transferProgress(let code, let reason), .transferFailed(let code, let reason):
            notify(.transferProgress(statusCode: code, reasonPhrase: reason))
        case .dtmfReceived(let digit, _):
            notify(.dtmf(digit))
        case .ended(let reason):
            await finish(reason)
        }
    }

    /// Hands the agreed media to the media session (start, or change after a re-offer).
    private func start(_ negotiated: NegotiatedMedia) async {
        snapshot.codec = "\(negotiated.codec.encodingName)/\(negotiated.codec.clockRate)"
        snapshot.encryption = Self.encryption(negotiated.security).kind
        do throws(CallMediaErrorBox) {
            try await applyMedia(negotiated)
        } catch {
            owner.emit(.notice("call \(id): media: \(error.message)"))
        }
    }

    private func applyMedia(_ negotiated: NegotiatedMedia) async throws(CallMediaErrorBox) {
        guard let media else { return }
        do { try await media.apply(negotiated) } catch { throw CallMediaErrorBox(message: error.description) }
    }

    /// The call is over: media stopped, the record written, the last snapshot and `ended` sent,
    /// the engine told. Runs once.
    func finish(_ reason: CallEndReason) async {
        guard !isFinished else { return }
        isFinished = true
        for entry in timers.values { entry.timer.cancel() }
        timers.removeAll()
        let summary = await media?.stop()
        if let codec = summary?.codec, snapshot.codec == nil { snapshot.codec = codec }
        snapshot.state = .ended
        snapshot.endedAt = Date()
        snapshot.endCode = reason.statusCode
        snapshot.endReason = reason.reasonPhrase
        record(reason)
        if let referrer = referredBy, snapshot.answeredAt == nil {
            await owner.transferOutcome(referrer, reason.statusCode ?? 487, reason.reasonPhrase)
        }
        publish()
        notify(.ended(code: reason.statusCode, reason: reason.reasonPhrase, duration: snapshot.duration))
        await owner.ended(id, snapshot.sipCallID)
        inbox.finish()
    }

    /// The history record (CallHistory): the INVITE's final status is 200 for an answered call,
    /// else the status that ended the attempt.
    private func record(_ reason: CallEndReason) {
        guard let history else { return }
        let status: SIPStatus?
        if snapshot.answeredAt != nil {
            status = SIPStatus(code: 200, reasonPhrase: "OK")
        } else {
            status = reason.statusCode.map { SIPStatus(code: $0, reasonPhrase: reason.reasonPhrase) }
        }
        let encryption: CallEncryption = session?.negotiatedMedia.map { Self.encryption($0.security) } ?? .none
        let record = CallRecord(
            direction: snapshot.direction == .incoming ? .incoming : .outgoing, account: account,
            remote: RemoteParty(uri: snapshot.remoteURI, displayName: snapshot.remoteDisplayName),
            localURI: setup.account.aor.description, callID: snapshot.sipCallID ?? "",
            times: CallTimes(start: snapshot.startedAt, answer: snapshot.answeredAt, end: snapshot.endedAt ?? Date()),
            finalStatus: status, codec: snapshot.codec, encryption: encryption)
        do throws(CallHistoryError) {
            _ = try history.append(record)
        } catch {
            owner.emit(.notice("call \(id): the history record could not be written: \(error)"))
        }
    }

    static func encryption(_ security: MediaSecurity) -> CallEncryption {
        switch security {
        case .none: .none
        case .sdes(let keying): .srtpSDES(suite: keying.suite.description)
        case .dtls: .dtlsSRTP
        }
    }

    func move(to state: CallSnapshot.State) {
        snapshot.state = state
        publish()
    }

    func publish() {
        owner.emit(.call(snapshot))
    }

    func notify(_ kind: CallNotification.Kind) {
        owner.emit(.callEvent(CallNotification(call: id, account: account, kind: kind)))
    }
}

/// A media error as text (typed throws across the media protocol's boundary).
struct CallMediaErrorBox: Error {
    var message: String
}
