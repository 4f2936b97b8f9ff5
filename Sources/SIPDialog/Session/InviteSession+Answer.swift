import SDP
import SIPSyntax

extension InviteSession {
    /// Answers the incoming call (§13.3.1.4): 200 with our answer to the caller's offer, or
    /// with our offer when the INVITE had none (the ACK then brings the answer). An offer we
    /// cannot accept gets 488. `media` replaces the configured capabilities when the media
    /// layer has bound its sockets since.
    ///
    /// With a reliable provisional outstanding (RFC 3262) the 2xx waits for its PRACK. §3 only
    /// requires that for provisionals with SDP; waiting for any keeps the 2xx from overtaking
    /// the PRACK's 200, which strict UACs (sipp among them) take for a message out of order.
    public mutating func answer(media capabilities: LocalMediaCapabilities? = nil) -> [CallAction] {
        guard case .incoming(var incoming) = phase else { return [] }
        if incoming.reliable?.outstanding != nil {
            incoming.reliable?.heldAnswer = .init(capabilities: capabilities)
            phase = .incoming(incoming)
            return []
        }
        if let capabilities { media.capabilities = capabilities }
        var body: SessionDescription?
        var answered: NegotiatedMedia?
        var offerAwaitingAnswer: SessionDescription?
        switch incoming.early {
        case .answered(let sent, let agreed):
            (body, answered) = (sent, agreed)  // RFC 3262 §5: the 2xx repeats the answer unchanged
        case .agreed(let agreed):
            answered = agreed  // offer and answer went in the reliable 183 and its PRACK
        case .none:
            do {
                if let offer = incoming.offer {
                    let result = try media.answer(offer)
                    (body, answered) = (result.answer, result.media)
                } else {
                    body = try media.makeOffer()
                    offerAwaitingAnswer = body
                }
            } catch {
                return reject(statusCode: 488, reasonPhrase: "Not Acceptable Here")
            }
        }
        var call = EstablishedCall(dialog: incoming.dialog, initialInviteSequence: incoming.sequence)
        let timerHeaders = sessionTimerAnswerHeaders(for: incoming.invite)
        let ok = incoming.response(200, "OK", contact: configuration.contact, body: body.map(SDPBody.bytes) ?? [],
                                   extraHeaders: timerHeaders + [SIPHeaderField(.allow, Self.allowedMethods)])
        var actions = awaitACK(for: ok, request: incoming.identity, sequence: incoming.sequence,
                               offer: offerAwaitingAnswer, isInitial: true, &call)
        if offerAwaitingAnswer == nil { actions.append(.event(.answered(answered))) }
        actions += startSessionTimer(negotiatedBy: ok, weAreUAC: false, &call)
        phase = .established(call)
        return actions
    }

    /// Sends a 2xx to an INVITE and arms its retransmission and ACK timeout (§13.3.1.4).
    mutating func awaitACK(for response: SIPResponse, request: RequestIdentity, sequence: UInt32,
                           offer: SessionDescription?, isInitial: Bool, _ call: inout EstablishedCall) -> [CallAction] {
        let t1 = configuration.timers.t1
        call.unacknowledgedAnswer = UnacknowledgedAnswer(
            response: response, request: request, sequence: sequence, interval: t1,
            offerAwaitingAnswer: offer, isInitial: isInitial)
        return [.respond(response, to: request), .startTimer(.answerRetransmission, after: t1),
                .startTimer(.answerTimeout, after: t1 * 64)]
    }

    /// Timer fired: send the 2xx again and double the interval up to T2.
    mutating func retransmitAnswer(_ call: inout EstablishedCall) -> [CallAction] {
        guard var pending = call.unacknowledgedAnswer else { return [] }
        pending.interval = min(pending.interval * 2, configuration.timers.t2)
        call.unacknowledgedAnswer = pending
        phase = .established(call)
        return [.respond(pending.response, to: pending.request), .startTimer(.answerRetransmission, after: pending.interval)]
    }

    /// No ACK within 64·T1 (§13.3.1.4): the dialog is confirmed, then ended with BYE. A hang-up
    /// that was waiting for the ACK ends the call as the user asked.
    mutating func answerTimedOut(_ call: EstablishedCall) -> [CallAction] {
        guard call.unacknowledgedAnswer != nil else { return [] }
        var call = call
        let bye = call.dialog.makeRequest(method: .bye)
        return [.send(bye)] + end(call.hangUpAfterACK ?? .ackTimeout)
    }

    /// The ACK came after we hung up: now the BYE may go (§15).
    private mutating func hangUpWaitingForACK(_ call: inout EstablishedCall) -> [CallAction]? {
        guard let reason = call.hangUpAfterACK else { return nil }
        let bye = call.dialog.makeRequest(method: .bye, extraHeaders: call.credentialHeaders)
        return [.send(bye)] + end(reason)
    }

    /// The ACK for our 2xx: stop retransmitting; an offerless INVITE's answer arrives here.
    mutating func receiveACK(_ request: SIPRequest, _ call: inout EstablishedCall) -> [CallAction] {
        guard let pending = call.unacknowledgedAnswer,
              (try? request.headers.cseq)?.sequenceNumber == pending.sequence else { return [] }
        call.unacknowledgedAnswer = nil
        var actions: [CallAction] = [.cancelTimer(.answerRetransmission), .cancelTimer(.answerTimeout)]
        if let hangUp = hangUpWaitingForACK(&call) { return actions + hangUp }
        guard let offer = pending.offerAwaitingAnswer else {
            actions += sendQueuedReoffer(&call)
            phase = .established(call)
            return actions
        }
        let previous = media.current
        do {
            guard let answer = try SDPBody.read(request.headers, request.body) else {
                throw DialogError.malformedBody("the ACK carries no answer to our offer")
            }
            let agreed = try media.accept(answer: answer, to: offer)
            actions += pending.isInitial ? [.event(.answered(agreed))]
                : MediaNegotiator.changeEvents(from: previous, to: agreed).map { .event($0) }
            actions += sendQueuedReoffer(&call)
            phase = .established(call)
            return actions
        } catch {
            let bye = call.dialog.makeRequest(method: .bye, extraHeaders: call.credentialHeaders)
            return actions + [.send(bye)] + end(.mediaFailure("\(error)"))
        }
    }
}
