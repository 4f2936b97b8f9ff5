import SIPSyntax

extension InviteSession {
    /// A request from the peer, passed up by a server transaction (or an ACK for a 2xx).
    public mutating func receive(_ request: SIPRequest) -> [CallAction] {
        switch phase {
        case .idle:
            guard request.method == .invite else { return [rejecting(request, 481, "Call/Transaction Does Not Exist")] }
            return receiveInitialInvite(request)
        case .incoming(let incoming):
            return receiveWhileIncoming(request, incoming)
        case .established(let call):
            guard call.dialog.matches(request: request) else {
                return request.method == .ack ? [] : [rejecting(request, 481, "Call/Transaction Does Not Exist")]
            }
            return receiveInDialog(request, call)
        case .outgoing:
            // Requests in an early dialog (early UPDATE, INFO) are not supported before the
            // answer; a callee must not send BYE there (RFC 3261 §15). 481 ends them quickly.
            return request.method == .ack ? [] : [rejecting(request, 481, "Call/Transaction Does Not Exist")]
        case .ended:
            return request.method == .ack ? [] : [rejecting(request, 481, "Call/Transaction Does Not Exist")]
        }
    }

    /// A response to a request we sent, from a client transaction (a timeout arrives as a
    /// local 408, a transport failure as a local 503).
    public mutating func receive(_ response: SIPResponse) -> [CallAction] {
        guard let cseq = try? response.headers.cseq else { return [] }
        switch phase {
        case .outgoing(let outgoing):
            return receiveWhileOutgoing(response, cseq: cseq, outgoing)
        case .established(let call):
            return receiveInDialog(response, cseq: cseq, call)
        case .ended, .idle, .incoming:
            return []
        }
    }

    /// A timer the session asked for has fired.
    public mutating func timerFired(_ timer: CallTimer) -> [CallAction] {
        if case .incoming(var incoming) = phase {
            switch timer {
            case .provisionalRetransmission: return retransmitProvisional(&incoming)
            case .provisionalTimeout: return provisionalTimedOut(&incoming)
            case .answerRetransmission, .answerTimeout, .glareRetry, .sessionRefresh, .sessionExpiry: return []
            }
        }
        guard case .established(var call) = phase else { return [] }
        switch timer {
        case .answerRetransmission: return retransmitAnswer(&call)
        case .answerTimeout: return answerTimedOut(call)
        case .glareRetry: return retryAfterGlare(&call)
        case .sessionRefresh: return refreshSession(&call)
        case .sessionExpiry: return sessionExpired(&call)
        case .provisionalRetransmission, .provisionalTimeout: return []  // the INVITE is answered
        }
    }

    /// A response to `request` from us as UAS, outside any dialog state change.
    func rejecting(_ request: SIPRequest, _ status: Int, _ reason: String,
                   extraHeaders: [SIPHeaderField] = []) -> CallAction {
        .respond(ResponseBuilder.response(to: request, status: status, reason: reason, extraHeaders: extraHeaders),
                 to: RequestIdentity(request))
    }
}
