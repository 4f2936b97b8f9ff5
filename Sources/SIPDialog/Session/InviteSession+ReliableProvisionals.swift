import SDP
import SIPSyntax

/// The UAS side of RFC 3262: reliable 180/183 with `Require: 100rel` and `RSeq`, their
/// retransmission until PRACK, the 504 when no PRACK comes, and offer/answer in them (§5).
extension InviteSession {
    /// Sends `kind` reliably now, or queues it behind the one outstanding (§3: "the UAS MUST
    /// NOT send a second reliable provisional response until the first is acknowledged").
    mutating func sendReliably(_ kind: ReliableProvisionals.Kind, _ incoming: inout IncomingInvite) -> [CallAction] {
        guard var reliable = incoming.reliable else { return [] }
        if reliable.outstanding != nil {
            reliable.waiting.append(kind)
            incoming.reliable = reliable
            return []
        }
        var early = EarlyDescription()
        let status: (Int, String)
        switch kind {
        case .ringing:
            status = (180, "Ringing")
        case .sessionProgress:
            status = (183, "Session Progress")
            do { early = try earlyDescription(&incoming) } catch {
                return rejectIncoming(&incoming, 488, "Not Acceptable Here")
            }
        }
        let rseq = reliable.nextRSeq
        reliable.nextRSeq = rseq == UInt32.max ? 1 : rseq + 1
        let response = incoming.response(
            status.0, status.1, contact: configuration.contact, body: early.body,
            extraHeaders: [SIPHeaderField(.require, "100rel"), SIPHeaderField(.rseq, String(rseq))])
        let t1 = configuration.timers.t1
        reliable.outstanding = .init(response: response, rseq: rseq, interval: t1, offer: early.offer)
        incoming.reliable = reliable
        return [.respond(response, to: incoming.identity), .startTimer(.provisionalRetransmission, after: t1),
                .startTimer(.provisionalTimeout, after: t1 * 64)] + early.events.map { .event($0) }
    }

    /// The SDP of a 183: what it carries and what it reports.
    struct EarlyDescription {
        var body: [UInt8] = []
        /// Our offer, when the INVITE had none (reliable provisionals only, §5).
        var offer: SessionDescription?
        var events: [CallEvent] = []
    }

    /// Our answer to the INVITE's offer (recorded for the 2xx to repeat), or our offer when it
    /// had none.
    mutating func earlyDescription(_ incoming: inout IncomingInvite) throws(NegotiationError) -> EarlyDescription {
        guard let callerOffer = incoming.offer else {
            let ours = try media.makeOffer()
            return EarlyDescription(body: SDPBody.bytes(ours), offer: ours)
        }
        let result = try media.answer(callerOffer)
        incoming.early = .answered(result.answer, result.media)
        return EarlyDescription(body: SDPBody.bytes(result.answer), events: result.media.map { [.earlyMedia($0)] } ?? [])
    }

    /// Timer fired: the provisional again, the wait doubled (§3 names no upper bound).
    mutating func retransmitProvisional(_ incoming: inout IncomingInvite) -> [CallAction] {
        guard var outstanding = incoming.reliable?.outstanding else { return [] }
        outstanding.interval = outstanding.interval * 2
        incoming.reliable?.outstanding = outstanding
        phase = .incoming(incoming)
        return [.respond(outstanding.response, to: incoming.identity),
                .startTimer(.provisionalRetransmission, after: outstanding.interval)]
    }

    /// No PRACK within 64·T1: "the UAS SHOULD reject the original request with a 5xx" (§3).
    mutating func provisionalTimedOut(_ incoming: inout IncomingInvite) -> [CallAction] {
        guard incoming.reliable?.outstanding != nil else { return [] }
        return rejectIncoming(&incoming, 504, "Server Time-out")
    }

    /// A PRACK in the early dialog (§3, §7.2): its RAck must name the outstanding provisional
    /// (RSeq, the INVITE's CSeq number and method), else 481. A match stops the
    /// retransmissions, takes the answer to an offer we made in the provisional (§5), and lets
    /// the next queued provisional or the held 2xx go.
    mutating func receivePRACK(_ request: SIPRequest, _ incoming: IncomingInvite) -> [CallAction] {
        var incoming = incoming
        guard var reliable = incoming.reliable, let outstanding = reliable.outstanding,
              let rack = (try? request.headers.rack) ?? nil,
              rack == SIPRAck(responseNumber: outstanding.rseq, cseqNumber: incoming.sequence, method: .invite) else {
            return [rejecting(request, 481, "Call/Transaction Does Not Exist")]
        }
        do { try incoming.dialog.receive(request) } catch { return [refusal(of: request, for: error)] }
        let peerSDP: SessionDescription?
        do { peerSDP = try SDPBody.read(request.headers, request.body) } catch { return [refusal(of: request, for: error)] }
        // An offer of the peer's own in the PRACK is not supported: refuse it and keep
        // waiting for a PRACK without one (the provisional stays unacknowledged).
        if outstanding.offer == nil, peerSDP != nil { return [rejecting(request, 488, "Not Acceptable Here")] }
        reliable.outstanding = nil
        incoming.reliable = reliable
        var actions: [CallAction] = [.cancelTimer(.provisionalRetransmission), .cancelTimer(.provisionalTimeout),
                                     rejecting(request, 200, "OK")]
        if let offer = outstanding.offer {
            do {
                guard let answer = peerSDP else { throw DialogError.malformedBody("the PRACK carries no answer to our offer") }
                let agreed = try media.accept(answer: answer, to: offer)
                incoming.early = .agreed(agreed)
                actions.append(.event(.earlyMedia(agreed)))
            } catch {
                let refused = incoming.response(488, "Not Acceptable Here", contact: nil)
                phase = .incoming(incoming)
                return actions + [.respond(refused, to: incoming.identity)] + end(.mediaFailure("\(error)"))
            }
        }
        phase = .incoming(incoming)
        return actions + continueAfterPRACK(&incoming)
    }

    /// After a PRACK: the next queued provisional, else the answer that waited for it.
    private mutating func continueAfterPRACK(_ incoming: inout IncomingInvite) -> [CallAction] {
        guard var reliable = incoming.reliable else { return [] }
        if let held = reliable.heldAnswer {
            reliable.heldAnswer = nil
            reliable.waiting = []
            incoming.reliable = reliable
            phase = .incoming(incoming)
            return answer(media: held.capabilities)
        }
        guard !reliable.waiting.isEmpty else { return [] }
        let next = reliable.waiting.removeFirst()
        incoming.reliable = reliable
        let actions = sendReliably(next, &incoming)
        if case .incoming = phase { phase = .incoming(incoming) }
        return actions
    }

    /// A final non-2xx to the INVITE that ends the attempt (failed negotiation, no PRACK).
    mutating func rejectIncoming(_ incoming: inout IncomingInvite, _ status: Int, _ reason: String) -> [CallAction] {
        let response = incoming.response(status, reason, contact: nil)
        return [.respond(response, to: incoming.identity)]
            + end(.rejectedLocally(statusCode: status, reasonPhrase: reason))
    }
}
