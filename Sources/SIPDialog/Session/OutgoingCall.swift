import SDP
import SIPSyntax

/// The UAC side before a 2xx (RFC 3261 §13.2): the INVITE on the wire, the early dialogs that
/// forked responses created, and the progress of CANCEL, redirects and challenges.
struct OutgoingCall: Sendable {
    /// The INVITE last sent (a redirect or challenge sends a new one with the next CSeq).
    var invite: SIPRequest
    /// Our offer in it; nil for an offerless INVITE (the 2xx then offers, the ACK answers).
    var offer: SessionDescription?
    /// One per To tag seen in a 1xx (RFC 3261 §12.1.2, §13.2.2.4: forking).
    var earlyDialogs: [Dialog] = []
    /// Tags whose early SDP was already used (a preview is taken once, RFC 3261 §13.2.1).
    var earlyMediaTags: Set<String> = []
    /// Whether any provisional arrived: CANCEL may only be sent after one (§9.1).
    var heardProvisional = false
    var cancel: CancelProgress = .notRequested
    var redirect: RedirectState
    /// Realms answered with credentials; a second challenge for one means the password is wrong.
    var answeredRealms: Set<String> = []
    /// Authorization / Proxy-Authorization sent with the INVITE, copied into ACK and later
    /// requests (RFC 3261 §22.2, §13.2.2.4).
    var credentialHeaders: [SIPHeaderField] = []
    /// The highest RSeq acknowledged with PRACK, per To tag (RFC 3262 §4).
    var acknowledgedRSeq: [String: UInt32] = [:]

    var sequence: UInt32 { (try? invite.headers.cseq)?.sequenceNumber ?? 0 }

    init(invite: SIPRequest, offer: SessionDescription?) {
        self.invite = invite
        self.offer = offer
        self.redirect = RedirectState(tried: [invite.uri])
    }

    /// The same INVITE with the next CSeq (§8.1.3.4, §22.2: the retry is a new transaction
    /// with the same Call-ID, From and To).
    func nextInvite(uri: URI? = nil) -> SIPRequest {
        var next = invite
        if let uri { next.uri = uri }
        next.headers.set(.cseq, SIPCSeq(sequence &+ 1, .invite).serialized)
        next.headers.remove(.authorization)
        next.headers.remove(.proxyAuthorization)
        // Keep Content-Type/Length last, credentials before them.
        let contentLength = next.headers[.contentLength] ?? "0"
        next.headers.remove(.contentLength)
        for field in credentialHeaders { next.headers.append(field.name, field.value) }
        next.headers.append(.contentLength, contentLength)
        return next
    }

    /// The CANCEL for the current INVITE (RFC 3261 §9.1): same Request-URI, Call-ID, To, From,
    /// Route and CSeq number; the transaction layer gives it the INVITE's Via.
    var cancelRequest: SIPRequest {
        var headers = SIPHeaders()
        for route in invite.headers.values(.route) { headers.append(.route, route) }
        headers.append(.maxForwards, "70")
        for name in [SIPHeaderName.from, .to, .callID] {
            if let value = invite.headers[name] { headers.append(name, value) }
        }
        headers.append(.cseq, SIPCSeq(sequence, .cancel).serialized)
        headers.append(.contentLength, "0")
        return SIPRequest(method: .cancel, uri: invite.uri, headers: headers)
    }
}

/// CANCEL may only be sent once a provisional arrived (RFC 3261 §9.1).
enum CancelProgress: Hashable, Sendable {
    case notRequested
    /// The user cancelled before any 1xx: send it when one arrives.
    case awaitingProvisional
    case sent
}

/// 3xx handling (RFC 3261 §8.1.3.4): targets tried, targets left in q order, redirects taken.
struct RedirectState: Hashable, Sendable {
    var tried: [URI]
    var pending: [URI] = []
    var followed = 0
}
