import SDP
import SIPSyntax

extension InviteSession {
    /// Puts the call on hold with a re-INVITE offering `a=sendonly` (`a=inactive` when the peer
    /// holds us already), RFC 3264 §8.4; the `o=` version rises with the change.
    public mutating func hold() -> [CallAction] { changeHold(to: true) }

    /// Takes the call off hold: a re-INVITE offering `a=sendrecv` again.
    public mutating func resume() -> [CallAction] { changeHold(to: false) }

    private mutating func changeHold(to holding: Bool) -> [CallAction] {
        guard case .established(var call) = phase, media.isHolding != holding else { return [] }
        media.isHolding = holding
        let actions = sendReoffer(holding ? .hold : .resume, &call)
        phase = .established(call)
        return actions
    }

    /// Sends a re-INVITE with a new offer (§14.1). While another INVITE transaction is in
    /// progress either way the re-offer waits its turn (§14.1 forbids overlapping ones) and
    /// goes out when that one completes; during a 491 back-off it goes out when it ends.
    mutating func sendReoffer(_ purpose: ReofferPurpose, _ call: inout EstablishedCall) -> [CallAction] {
        if call.glareRetry != nil {
            call.glareRetry = purpose
            return []
        }
        guard call.localReoffer == nil, call.unacknowledgedAnswer == nil else {
            call.queuedReoffer = purpose
            return []
        }
        let offer: SessionDescription
        do { offer = try media.makeOffer() } catch { return [.event(.reofferFailed(statusCode: 0, reasonPhrase: "\(error)"))] }
        let request = call.dialog.makeRequest(
            method: .invite, body: SDPBody.bytes(offer), contentType: MediaNegotiator.contentType,
            extraHeaders: call.credentialHeaders + sessionTimerRequestHeaders(call))
        call.localReoffer = LocalReoffer(method: .invite, sequence: call.dialog.localSequence ?? 0, offer: offer, purpose: purpose)
        return [.send(request)]
    }

    /// The final response to our re-INVITE/UPDATE (§14.1).
    mutating func receiveReofferResponse(_ response: SIPResponse, _ reoffer: LocalReoffer,
                                         _ call: inout EstablishedCall) -> [CallAction] {
        guard response.isFinal else { return [] }
        call.localReoffer = nil
        var actions: [CallAction] = []
        if reoffer.method == .invite && response.isSuccess {
            actions.append(.sendACK(call.dialog.makeACK(inviteSequence: reoffer.sequence, extraHeaders: call.credentialHeaders)))
        }
        switch response.statusCode {
        case 200..<300:
            try? call.dialog.receiveTargetRefreshResponse(response)
            actions += applyReofferAnswer(response, reoffer, &call)
        case 491:
            call.glareRetry = call.queuedReoffer ?? reoffer.purpose
            call.queuedReoffer = nil
            actions.append(.startTimer(.glareRetry, after: glareWait()))
        case 408, 481:
            let bye = call.dialog.makeRequest(method: .bye, extraHeaders: call.credentialHeaders)
            return actions + [.send(bye)] + end(.failed(CallFailure(statusCode: response.statusCode, reasonPhrase: response.reasonPhrase)))
        default:
            if reoffer.purpose == .hold || reoffer.purpose == .resume { media.isHolding.toggle() }
            actions.append(.event(.reofferFailed(statusCode: response.statusCode, reasonPhrase: response.reasonPhrase)))
        }
        if case .ended = phase { return actions }
        actions += sendQueuedReoffer(&call)
        phase = .established(call)
        return actions
    }

    /// Sends the re-offer that waited for the INVITE transaction that just completed.
    mutating func sendQueuedReoffer(_ call: inout EstablishedCall) -> [CallAction] {
        guard let purpose = call.queuedReoffer, call.glareRetry == nil else { return [] }
        call.queuedReoffer = nil
        return sendReoffer(purpose, &call)
    }

    private mutating func applyReofferAnswer(_ response: SIPResponse, _ reoffer: LocalReoffer,
                                             _ call: inout EstablishedCall) -> [CallAction] {
        let previous = media.current
        let agreed: NegotiatedMedia
        do {
            guard let answer = try SDPBody.read(response.headers, response.body) else {
                throw DialogError.malformedBody("the 2xx to our re-INVITE carries no answer")
            }
            agreed = try media.accept(answer: answer, to: reoffer.offer)
        } catch {
            let bye = call.dialog.makeRequest(method: .bye, extraHeaders: call.credentialHeaders)
            return [.send(bye)] + end(.mediaFailure("\(error)"))
        }
        var events: [CallEvent] = []
        switch reoffer.purpose {
        case .hold: events.append(.held)
        case .resume: events.append(.resumed)
        case .sessionRefresh: break
        }
        events += MediaNegotiator.changeEvents(from: previous, to: agreed)
        return events.map { .event($0) } + startSessionTimer(negotiatedBy: response, weAreUAC: true, &call)
    }

    /// The random wait before retrying after 491 (RFC 3261 §14.1): 2.1–4 s when we own the
    /// Call-ID (we sent the initial INVITE), 0–2 s otherwise, so the two sides do not collide
    /// again.
    mutating func glareWait() -> Duration {
        role == .caller ? random.duration(in: .milliseconds(2100)...(.seconds(4)))
            : random.duration(in: .zero...(.seconds(2)))
    }

    /// The 491 back-off ended: send the postponed re-offer — or, when the peer's own re-INVITE
    /// arrived during the back-off and is not yet acknowledged, queue it behind that one
    /// (`sendReoffer` does); dropping it there would lose the user's hold or resume for good.
    mutating func retryAfterGlare(_ call: inout EstablishedCall) -> [CallAction] {
        guard let purpose = call.glareRetry else { return [] }
        call.glareRetry = nil
        let actions = sendReoffer(purpose, &call)
        phase = .established(call)
        return actions
    }
}
