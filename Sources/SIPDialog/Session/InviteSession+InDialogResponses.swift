import SDP
import SIPSyntax

extension InviteSession {
    /// Responses to requests we sent on the confirmed dialog.
    mutating func receiveInDialog(_ response: SIPResponse, cseq: SIPCSeq, _ call: EstablishedCall) -> [CallAction] {
        var call = call
        // Only the caller sent the initial INVITE; as callee our own CSeq space starts at 1 too,
        // so a response to our first re-INVITE has the initial INVITE's number (RFC 3261 §12.2.1.1).
        if role == .caller && cseq.method == .invite && cseq.sequenceNumber == call.initialInviteSequence {
            return receiveLateInviteResponse(response, call)
        }
        if let reoffer = call.localReoffer, reoffer.sequence == cseq.sequenceNumber, reoffer.method == cseq.method {
            return receiveReofferResponse(response, reoffer, &call)
        }
        if cseq.method == .refer, call.referSequence == cseq.sequenceNumber, response.isFinal {
            call.referSequence = nil
            phase = .established(call)
            if response.isSuccess { return [] }
            return [.event(.transferFailed(statusCode: response.statusCode, reasonPhrase: response.reasonPhrase))]
        }
        return []
    }

    /// A 2xx to the initial INVITE after the call was answered (§13.2.2.4): a retransmission
    /// from our peer is ACKed again; one from another fork is ACKed and released with BYE.
    private mutating func receiveLateInviteResponse(_ response: SIPResponse, _ call: EstablishedCall) -> [CallAction] {
        guard response.isSuccess, let tag = (try? response.headers.to)??.tag else { return [] }
        if tag == call.dialog.id.remoteTag {
            return call.lastACK.map { [.sendACK($0)] } ?? []
        }
        guard let invite = forkSourceInvite(call),
              var fork = try? Dialog(uacRequest: invite, response: response, localContact: configuration.contact) else { return [] }
        let ack = fork.makeACK(inviteSequence: call.initialInviteSequence, extraHeaders: call.credentialHeaders)
        let bye = fork.makeRequest(method: .bye, extraHeaders: call.credentialHeaders)
        return [.sendACK(ack), .send(bye)]
    }

    /// The INVITE as the other fork saw it, rebuilt from our dialog (only the headers a new
    /// UAC dialog reads: From, To without tag, Call-ID, CSeq).
    private func forkSourceInvite(_ call: EstablishedCall) -> SIPRequest? {
        guard role == .caller else { return nil }
        var headers = SIPHeaders()
        var to = call.dialog.remoteAddress
        to.parameters.removeAll { $0.name.lowercased() == "tag" }
        headers.append(.from, call.dialog.localAddress.serialized)
        headers.append(.to, to.serialized)
        headers.append(.callID, call.dialog.id.callID)
        headers.append(.cseq, SIPCSeq(call.initialInviteSequence, .invite).serialized)
        return SIPRequest(method: .invite, uri: to.uri, headers: headers)
    }
}
