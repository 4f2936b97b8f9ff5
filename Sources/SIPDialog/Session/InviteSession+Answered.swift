import SDP
import SIPSyntax

extension InviteSession {
    /// 2xx to the INVITE (§13.2.2.4): ACK it, agree the media, and confirm the dialog. When
    /// CANCEL lost the race, or the 2xx is unusable, ACK then BYE: a 2xx always ACKed.
    mutating func receiveSuccess(_ response: SIPResponse, _ outgoing: OutgoingCall) -> [CallAction] {
        guard var dialog = confirmedDialog(response, outgoing) else {
            return end(.protocolError("2xx without a To tag"))
        }
        let hadContact = (try? response.headers.firstContactURI()) != nil
        var ackBody: [UInt8] = []
        var answered: Result<NegotiatedMedia?, CallEndReason>
        if let offer = outgoing.offer {
            answered = acceptAnswer(in: response, to: offer, tag: dialog.id.remoteTag, outgoing)
        } else {
            answered = answerOfferIn2xx(response, ackBody: &ackBody)
        }
        let ack = dialog.makeACK(inviteSequence: outgoing.sequence, body: ackBody,
                                 contentType: MediaNegotiator.contentType, extraHeaders: outgoing.credentialHeaders)
        if !hadContact { answered = .failure(.protocolError("2xx without Contact")) }
        if outgoing.cancel != .notRequested { answered = .failure(.cancelled) }
        switch answered {
        case .failure(let reason):
            let bye = dialog.makeRequest(method: .bye, extraHeaders: outgoing.credentialHeaders)
            return [.sendACK(ack), .send(bye)] + end(reason)
        case .success(let negotiated):
            var call = EstablishedCall(dialog: dialog, initialInviteSequence: outgoing.sequence,
                                       credentialHeaders: outgoing.credentialHeaders)
            call.lastACK = ack
            var actions: [CallAction] = [.sendACK(ack), .event(.answered(negotiated))]
            actions += startSessionTimer(negotiatedBy: response, weAreUAC: true, &call)
            phase = .established(call)
            return actions
        }
    }

    /// The dialog the 2xx confirms: its early dialog, or a new one. A 2xx without Contact
    /// still gets a dialog aimed at the Request-URI so that it can be ACKed and released.
    private func confirmedDialog(_ response: SIPResponse, _ outgoing: OutgoingCall) -> Dialog? {
        let tag = (try? response.headers.to)??.tag
        if let tag, var early = outgoing.earlyDialogs.first(where: { $0.id.remoteTag == tag }) {
            if (try? early.update(withResponse: response)) != nil { return early }
        }
        var patched = response
        if (try? response.headers.firstContactURI()) == nil {
            patched.headers.set(.contact, "<\(outgoing.invite.uri)>")
        }
        return try? Dialog(uacRequest: outgoing.invite, response: patched, localContact: configuration.contact)
    }

    /// Our offer went out in the INVITE: the answer is in the 2xx, or was in a reliable 1xx
    /// of the same dialog (RFC 3262 §5) that we already applied.
    private mutating func acceptAnswer(in response: SIPResponse, to offer: SessionDescription, tag: String,
                                       _ outgoing: OutgoingCall) -> Result<NegotiatedMedia?, CallEndReason> {
        let answer: SessionDescription?
        do { answer = try SDPBody.read(response.headers, response.body) } catch { return .failure(.mediaFailure(error.description)) }
        guard let answer else {
            if outgoing.earlyMediaTags.contains(tag) { return .success(media.current) }
            return .failure(.mediaFailure("the 2xx carries no SDP answer"))
        }
        do { return .success(try media.accept(answer: answer, to: offer)) } catch {
            return .failure(.mediaFailure("\(error)"))
        }
    }

    /// Offerless INVITE: the 2xx carries the offer and our ACK the answer (§13.2.2.4).
    private mutating func answerOfferIn2xx(_ response: SIPResponse, ackBody: inout [UInt8]) -> Result<NegotiatedMedia?, CallEndReason> {
        let offer: SessionDescription?
        do { offer = try SDPBody.read(response.headers, response.body) } catch { return .failure(.mediaFailure(error.description)) }
        guard let offer else { return .failure(.mediaFailure("neither the INVITE nor its 2xx carries an offer")) }
        do {
            let result = try media.answer(offer)
            ackBody = SDPBody.bytes(result.answer)
            return .success(result.media)
        } catch {
            return .failure(.mediaFailure("\(error)"))
        }
    }
}
