import SIPSyntax

extension InviteSession {
    /// Blind transfer (RFC 3515): asks the peer to call `target`. Progress arrives as
    /// `.transferProgress`; a 2xx in the sipfrag ends our call as `.transferred`.
    public mutating func transfer(to target: SIPURI) -> [CallAction] {
        sendRefer(ReferTarget.referTo(target))
    }

    /// Attended transfer (RFC 5589 §7): asks the peer to call `target` with a Replaces naming
    /// our consultation dialog `consultation` with that target, so the target swaps calls.
    /// The tags are the target's view of that dialog (RFC 3891 §3, RFC 5589 §7.1 example):
    /// to-tag is its local tag, i.e. our remote tag, and from-tag is ours.
    public mutating func transfer(to target: SIPURI, replacing consultation: DialogID) -> [CallAction] {
        let replaces = ReplacesHeader(callID: consultation.callID, toTag: consultation.remoteTag, fromTag: consultation.localTag)
        return sendRefer(ReferTarget.referTo(target, replacing: replaces))
    }

    private mutating func sendRefer(_ referTo: String) -> [CallAction] {
        guard case .established(var call) = phase else { return [] }
        let refer = call.dialog.makeRequest(
            method: .refer,
            extraHeaders: call.credentialHeaders + [
                SIPHeaderField(.referTo, referTo),
                SIPHeaderField(.referredBy, SIPAddress(uri: configuration.localAddress.uri).serialized),
            ])
        call.referSequence = call.dialog.localSequence
        phase = .established(call)
        return [.send(refer)]
    }

    /// REFER from the peer (RFC 3515 §2.4.2): 202, the first NOTIFY (100 Trying), and
    /// `.transferRequested` for the application to place the call. Without exactly one
    /// usable Refer-To: 400.
    mutating func receiveRefer(_ request: SIPRequest, _ call: inout EstablishedCall) -> [CallAction] {
        let values = request.headers.values(.referTo)
        guard values.count == 1, let parsed = try? ReferTarget.parse(values[0]) else {
            return [rejecting(request, 400, values.isEmpty ? "Missing Refer-To" : "Bad Refer-To")]
        }
        let sequence = (try? request.headers.cseq)?.sequenceNumber ?? 0
        call.incomingRefer = IncomingRefer(sequence: sequence)
        let accepted = ResponseBuilder.response(to: request, status: 202, reason: "Accepted", contact: configuration.contact)
        let notify = makeReferNotify(SipfragStatus(statusCode: 100, reasonPhrase: "Trying"), &call)
        phase = .established(call)
        return [.respond(accepted, to: RequestIdentity(request)), .send(notify),
                .event(.transferRequested(target: parsed.target, replaces: parsed.replaces,
                                          referredBy: request.headers[.referredBy]))]
    }

    /// Reports how the call placed for the peer's REFER is going (RFC 3515 §2.4.4); a final
    /// status ends the implicit subscription.
    public mutating func notifyTransferProgress(statusCode: Int, reasonPhrase: String) -> [CallAction] {
        guard case .established(var call) = phase, let refer = call.incomingRefer, !refer.isTerminated,
              (100...699).contains(statusCode) else { return [] }
        let notify = makeReferNotify(SipfragStatus(statusCode: statusCode, reasonPhrase: reasonPhrase), &call)
        phase = .established(call)
        return [.send(notify)]
    }

    private func makeReferNotify(_ status: SipfragStatus, _ call: inout EstablishedCall) -> SIPRequest {
        guard var refer = call.incomingRefer else { return call.dialog.makeRequest(method: .notify) }
        let final = status.statusCode >= 200
        refer.isTerminated = final
        call.incomingRefer = refer
        return call.dialog.makeRequest(
            method: .notify, body: status.body, contentType: SipfragStatus.contentType,
            extraHeaders: [
                SIPHeaderField(.event, "refer;id=\(refer.sequence)"),
                SIPHeaderField(.subscriptionState, final ? "terminated;reason=noresource" : "active;expires=60"),
            ])
    }

    /// NOTIFY for our REFER (RFC 3515 §2.4.5): the sipfrag status line is reported; a 2xx
    /// means the transfer succeeded and our leg ends with BYE. A body that is no status line
    /// gets 400 and changes nothing.
    mutating func receiveNotify(_ request: SIPRequest, _ call: inout EstablishedCall) -> [CallAction] {
        guard let event = try? request.headers.event, event.package.lowercased() == "refer" else {
            return [rejecting(request, 489, "Bad Event")]
        }
        let status: SipfragStatus
        do { status = try SipfragStatus.parse(request.body) } catch {
            return [rejecting(request, 400, "Bad sipfrag body")]
        }
        var actions: [CallAction] = [rejecting(request, 200, "OK"),
                                     .event(.transferProgress(statusCode: status.statusCode, reasonPhrase: status.reasonPhrase))]
        if (200..<300).contains(status.statusCode) {
            let bye = call.dialog.makeRequest(method: .bye, extraHeaders: call.credentialHeaders)
            actions.append(.send(bye))
            return actions + end(.transferred)
        }
        phase = .established(call)
        return actions
    }
}
