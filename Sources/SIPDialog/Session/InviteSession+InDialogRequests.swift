import SDP
import SIPSyntax

extension InviteSession {
    /// A request from the peer on the confirmed dialog (RFC 3261 §12.2.2, §14.2, §15).
    mutating func receiveInDialog(_ request: SIPRequest, _ call: EstablishedCall) -> [CallAction] {
        var call = call
        do { try call.dialog.receive(request) } catch { return [refusal(of: request, for: error)] }
        phase = .established(call)
        switch request.method {
        case .ack: return receiveACK(request, &call)
        case .bye: return [rejecting(request, 200, "OK")] + end(.remoteHangUp)
        case .invite, .update: return receiveReoffer(request, &call)
        case .info: return receiveInfo(request)
        case .refer: return receiveRefer(request, &call)
        case .notify: return receiveNotify(request, &call)
        case .options, .prack, .cancel, .message: return [rejecting(request, 200, "OK")]
        default:
            return [rejecting(request, 405, "Method Not Allowed", extraHeaders: [SIPHeaderField(.allow, Self.allowedMethods)])]
        }
    }

    /// A re-INVITE or UPDATE from the peer (§14.2, RFC 3311 §5.2): answer its offer (a new
    /// address, codec or hold), or offer ourselves when it has none (re-INVITE only). While our
    /// own offer is out the peer gets 491 (glare); a second INVITE before our 2xx to the first
    /// was ACKed gets 500 with Retry-After (§14.2).
    mutating func receiveReoffer(_ request: SIPRequest, _ call: inout EstablishedCall) -> [CallAction] {
        if call.localReoffer != nil { return [rejecting(request, 491, "Request Pending")] }
        if call.unacknowledgedAnswer != nil {
            return [rejecting(request, 500, "Server Internal Error", extraHeaders: [SIPHeaderField(.retryAfter, "1")])]
        }
        if let refusal = sessionIntervalRefusal(request) { return [refusal] }
        let offer: SessionDescription?
        do { offer = try SDPBody.read(request.headers, request.body) } catch { return [refusal(of: request, for: error)] }
        let previous = media.current
        var body: SessionDescription
        var events: [CallEvent] = []
        do {
            if let offer {
                let result = try media.answer(offer)
                body = result.answer
                events = MediaNegotiator.changeEvents(from: previous, to: result.media)
            } else if request.method == .invite {
                body = try media.makeOffer()
            } else {
                // An UPDATE without an offer only refreshes the session (RFC 4028 §9).
                let ok = ResponseBuilder.response(to: request, status: 200, reason: "OK", contact: configuration.contact,
                                                  extraHeaders: sessionTimerAnswerHeaders(for: request))
                let actions = [CallAction.respond(ok, to: RequestIdentity(request))]
                    + startSessionTimer(negotiatedBy: ok, weAreUAC: false, &call)
                phase = .established(call)
                return actions
            }
        } catch {
            return [rejecting(request, 488, "Not Acceptable Here")]
        }
        let ok = ResponseBuilder.response(
            to: request, status: 200, reason: "OK", contact: configuration.contact, body: SDPBody.bytes(body),
            contentType: MediaNegotiator.contentType, extraHeaders: sessionTimerAnswerHeaders(for: request))
        var actions: [CallAction]
        if request.method == .invite {
            actions = awaitACK(for: ok, request: RequestIdentity(request), sequence: call.dialog.remoteSequence ?? 0,
                               offer: offer == nil ? body : nil, isInitial: false, &call)
        } else {
            actions = [.respond(ok, to: RequestIdentity(request))]
        }
        actions += events.map { .event($0) }
        actions += startSessionTimer(negotiatedBy: ok, weAreUAC: false, &call)
        phase = .established(call)
        return actions
    }

    /// Hangs up: BYE on a confirmed call (§15.1.1), CANCEL before an answer, 603 Decline on
    /// an unanswered incoming call.
    /// `reason` is what the record says when an established call ends: the user hung up, or
    /// the engine did for them (no RTP).
    ///
    /// §15: "The callee's UA MUST NOT send a BYE on a confirmed dialog until it has received an
    /// ACK for its 2xx response or until the server transaction times out." Hung up sooner, the
    /// BYE goes when that ACK arrives (a round trip later, as a rule) or when it is given up on;
    /// our 2xx is still retransmitted meanwhile.
    public mutating func hangUp(reason: CallEndReason = .localHangUp) -> [CallAction] {
        switch phase {
        case .established(var call) where call.unacknowledgedAnswer?.isInitial == true:
            if call.hangUpAfterACK == nil { call.hangUpAfterACK = reason }
            phase = .established(call)
            return []
        case .established(var call):
            let bye = call.dialog.makeRequest(method: .bye, extraHeaders: call.credentialHeaders)
            return [.send(bye)] + end(reason)
        case .outgoing: return cancel()
        case .incoming: return reject(statusCode: 603, reasonPhrase: "Decline")
        case .idle, .ended: return []
        }
    }
}
