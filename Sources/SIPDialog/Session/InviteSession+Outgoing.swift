import SDP
import SIPSyntax

extension InviteSession {
    /// Responses while the INVITE is outstanding (RFC 3261 §13.2.2).
    mutating func receiveWhileOutgoing(_ response: SIPResponse, cseq: SIPCSeq, _ outgoing: OutgoingCall) -> [CallAction] {
        guard cseq.method == .invite, cseq.sequenceNumber == outgoing.sequence else { return [] }
        switch response.statusCode {
        case 100: return []
        case 101..<200: return receiveProvisional(response, outgoing)
        case 200..<300: return receiveSuccess(response, outgoing)
        case 300..<400: return followRedirect(response, outgoing)
        case 401, 407: return authenticate(response, outgoing)
        case 422: return retryWithLongerSessionInterval(response, outgoing)
        default: return receiveFailure(response, outgoing)
        }
    }

    /// 1xx (§13.2.2.1): with a To tag it creates or updates an early dialog; a reliable one is
    /// PRACKed (RFC 3262); SDP in it is the answer, so early media starts (RFC 3261 §13.2.1).
    private mutating func receiveProvisional(_ response: SIPResponse, _ outgoing: OutgoingCall) -> [CallAction] {
        var outgoing = outgoing
        var actions: [CallAction] = []
        outgoing.heardProvisional = true
        let tag = (try? response.headers.to)??.tag
        if let tag, !tag.isEmpty {
            if let index = outgoing.earlyDialogs.firstIndex(where: { $0.id.remoteTag == tag }) {
                try? outgoing.earlyDialogs[index].update(withResponse: response)
            } else if let dialog = try? Dialog(uacRequest: outgoing.invite, response: response, localContact: configuration.contact) {
                outgoing.earlyDialogs.append(dialog)
            }
            actions += acknowledgeReliably(response, tag: tag, &outgoing)
        }
        actions += earlyMediaOrRinging(response, tag: tag, &outgoing)
        if outgoing.cancel == .awaitingProvisional {
            outgoing.cancel = .sent
            actions.append(.sendCancel(outgoing.cancelRequest))
        }
        phase = .outgoing(outgoing)
        return actions
    }

    private mutating func earlyMediaOrRinging(_ response: SIPResponse, tag: String?, _ outgoing: inout OutgoingCall) -> [CallAction] {
        if let offer = outgoing.offer, let tag, !outgoing.earlyMediaTags.contains(tag),
           let answer = try? SDPBody.read(response.headers, response.body),
           let early = try? media.accept(answer: answer, to: offer) {
            outgoing.earlyMediaTags.insert(tag)
            return [.event(.earlyMedia(early))]
        }
        return response.statusCode == 180 ? [.event(.ringing)] : []
    }

    /// 3xx–6xx other than redirects and challenges: the attempt failed, unless targets from an
    /// earlier redirect remain to be tried (§8.1.3.4) or we asked for it with CANCEL.
    private mutating func receiveFailure(_ response: SIPResponse, _ outgoing: OutgoingCall) -> [CallAction] {
        if outgoing.cancel != .notRequested { return end(.cancelled) }
        if !outgoing.redirect.pending.isEmpty { return tryNextTarget(outgoing) }
        return end(.failed(CallFailure(statusCode: response.statusCode, reasonPhrase: response.reasonPhrase)))
    }

    /// Cancels the call before it is answered (RFC 3261 §9.1). Before any provisional the
    /// CANCEL waits for one; if a 2xx wins the race it is ACKed and the call released with BYE.
    public mutating func cancel() -> [CallAction] {
        guard case .outgoing(var outgoing) = phase, outgoing.cancel == .notRequested else { return [] }
        guard outgoing.heardProvisional else {
            outgoing.cancel = .awaitingProvisional
            phase = .outgoing(outgoing)
            return []
        }
        outgoing.cancel = .sent
        phase = .outgoing(outgoing)
        return [.sendCancel(outgoing.cancelRequest)]
    }
}
