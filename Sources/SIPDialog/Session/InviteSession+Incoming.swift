import SDP
import SIPSyntax

extension InviteSession {
    /// The INVITE that starts an incoming call (RFC 3261 §13.3.1): checked, given our tag, and
    /// reported as `.incoming`. A malformed one is refused with the status its error names and
    /// ends the session quietly: there never was a call to show.
    mutating func receiveInitialInvite(_ request: SIPRequest) -> [CallAction] {
        role = .callee
        do throws(DialogError) {
            let dialog = try Dialog(uasRequest: request, localTag: random.token(hexDigits: 10), localContact: configuration.contact)
            try checkRequiredExtensions(request)
            if let refusal = sessionIntervalRefusal(request) { phase = .ended(.protocolError("Session interval too small")); return [refusal] }
            let offer = try SDPBody.read(request.headers, request.body)
            var replaces: ReplacesHeader?
            if let value = request.headers[.replaces] {
                do { replaces = try ReplacesHeader.parse(value) } catch { throw .malformedBody(error.description) }
            }
            var incoming = IncomingInvite(invite: request, dialog: dialog, offer: offer)
            if ReliableProvisionals.isRequired(by: request) { incoming.reliable = ReliableProvisionals(random: &random) }
            phase = .incoming(incoming)
            let call = IncomingCall(from: dialog.remoteAddress, to: dialog.localAddress, requestURI: request.uri,
                                    offer: offer, replaces: replaces)
            return [.event(.incoming(call))]
        } catch {
            phase = .ended(.protocolError(error.description))
            return [refusal(of: request, for: error)]
        }
    }

    /// The response for a request we cannot accept because of `error`.
    func refusal(of request: SIPRequest, for error: DialogError) -> CallAction {
        var extra: [SIPHeaderField] = []
        switch error {
        case .unsupportedBody: extra.append(SIPHeaderField(.accept, MediaNegotiator.contentType))
        case .unsupportedExtension(let tags): extra.append(SIPHeaderField(.unsupported, tags.joined(separator: ", ")))
        case .sequenceOutOfOrder: extra.append(SIPHeaderField(.retryAfter, "1"))
        case .missingHeader, .malformedHeader, .missingContact, .missingToTag, .malformedBody: break
        }
        return rejecting(request, error.statusCode, error.reasonPhrase, extraHeaders: extra)
    }

    /// Require with an option tag we cannot honour as UAS gets 420 (§8.2.2.3). `100rel` makes
    /// our provisionals reliable (RFC 3262).
    private func checkRequiredExtensions(_ request: SIPRequest) throws(DialogError) {
        let required: [String]
        do { required = try request.headers.require } catch { throw .malformedHeader(error) }
        let unsupported = required.filter { !["timer", "replaces", "100rel"].contains($0.lowercased()) }
        if !unsupported.isEmpty { throw .unsupportedExtension(unsupported) }
    }

    /// Requests from the peer before we answer: CANCEL (§9.2) or a BYE from the caller
    /// (§15 allows it on early dialogs) end the attempt with 487 to the INVITE.
    mutating func receiveWhileIncoming(_ request: SIPRequest, _ incoming: IncomingInvite) -> [CallAction] {
        switch request.method {
        case .cancel:
            let terminated = incoming.response(487, "Request Terminated", contact: nil)
            return [rejecting(request, 200, "OK"), .respond(terminated, to: incoming.identity)] + end(.cancelledByCaller)
        case .bye where incoming.dialog.matches(request: request):
            let terminated = incoming.response(487, "Request Terminated", contact: nil)
            return [rejecting(request, 200, "OK"), .respond(terminated, to: incoming.identity)] + end(.remoteHangUp)
        case .prack where incoming.dialog.matches(request: request):
            return receivePRACK(request, incoming)
        case .ack, .invite:
            return []  // retransmissions are the transaction layer's; nothing to do
        default:
            return [rejecting(request, 481, "Call/Transaction Does Not Exist")]
        }
    }

    /// Alerts the caller: 180 Ringing in the early dialog (§13.3.1.1), reliably when the
    /// caller required 100rel (RFC 3262 §3).
    public mutating func ring() -> [CallAction] {
        guard case .incoming(var incoming) = phase else { return [] }
        guard incoming.reliable != nil else {
            return [.respond(incoming.response(180, "Ringing", contact: configuration.contact), to: incoming.identity)]
        }
        return sendingReliably(.ringing, &incoming)
    }

    /// Early media: 183 Session Progress with SDP before the answer. With 100rel it is sent
    /// reliably and carries our answer, or our offer when the INVITE had none (the PRACK then
    /// answers, RFC 3262 §5). Without 100rel it carries our answer, and only when the INVITE
    /// had an offer: an unreliable provisional cannot carry an offer (RFC 3261 §13.3.1).
    /// Once only: the 2xx repeats what it settled. `media` replaces the capabilities.
    public mutating func sendEarlyMedia(media capabilities: LocalMediaCapabilities? = nil) -> [CallAction] {
        guard case .incoming(var incoming) = phase, case .none = incoming.early,
              !(incoming.reliable?.waiting.contains(.sessionProgress) ?? false),
              incoming.reliable?.outstanding?.offer == nil else { return [] }
        if let capabilities { media.capabilities = capabilities }
        if incoming.reliable != nil { return sendingReliably(.sessionProgress, &incoming) }
        guard incoming.offer != nil else { return [] }
        do {
            let early = try earlyDescription(&incoming)
            let progress = incoming.response(183, "Session Progress", contact: configuration.contact, body: early.body)
            phase = .incoming(incoming)
            return [.respond(progress, to: incoming.identity)] + early.events.map { .event($0) }
        } catch {
            return rejectIncoming(&incoming, 488, "Not Acceptable Here")
        }
    }

    /// `sendReliably`, keeping the phase unless it ended the call.
    private mutating func sendingReliably(_ kind: ReliableProvisionals.Kind, _ incoming: inout IncomingInvite) -> [CallAction] {
        let actions = sendReliably(kind, &incoming)
        if case .incoming = phase { phase = .incoming(incoming) }
        return actions
    }

    /// Refuses the incoming call (486 Busy Here, 603 Decline, 480, …; §13.3.1.3).
    public mutating func reject(statusCode: Int = 486, reasonPhrase: String = "Busy Here") -> [CallAction] {
        guard case .incoming(let incoming) = phase, (300...699).contains(statusCode) else { return [] }
        let response = incoming.response(statusCode, reasonPhrase, contact: nil)
        return [.respond(response, to: incoming.identity)] + end(.rejectedLocally(statusCode: statusCode, reasonPhrase: reasonPhrase))
    }
}
