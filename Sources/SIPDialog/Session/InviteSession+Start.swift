import SDP
import SIPSyntax

extension InviteSession {
    /// Places the call (RFC 3261 §13.2.1): an INVITE to `target` with our offer, or without one
    /// when `withOffer` is false (the 2xx then carries the offer and our ACK the answer).
    /// Headers in the target URI (`?Replaces=…` from a REFER) become request headers (§19.1.5).
    public mutating func start(target: URI, withOffer: Bool = true) -> [CallAction] {
        guard case .idle = phase else { return [] }
        role = .caller
        var offer: SessionDescription?
        if withOffer {
            do { offer = try media.makeOffer() } catch { return end(.mediaFailure("\(error)")) }
        }
        let invite = makeInitialInvite(target: target, offer: offer)
        phase = .outgoing(OutgoingCall(invite: invite, offer: offer))
        return [.send(invite)]
    }

    private mutating func makeInitialInvite(target: URI, offer: SessionDescription?) -> SIPRequest {
        var requestURI = target
        var uriHeaders: [Parameter] = []
        if case .sip(var sip) = target {
            uriHeaders = sip.headers
            sip.headers = []
            requestURI = .sip(sip)
        }
        let host = configuration.contact.sipURI?.host.description ?? "dialtone.invalid"
        var headers = SIPHeaders()
        headers.append(.maxForwards, "70")
        headers.append(.from, configuration.localAddress.withTag(random.token(hexDigits: 10)).serialized)
        headers.append(.to, SIPAddress(uri: requestURI).serialized)
        headers.append(.callID, random.token(hexDigits: 24) + "@" + host)
        headers.append(.cseq, SIPCSeq(1, .invite).serialized)
        headers.append(.contact, "<\(configuration.contact)>")
        headers.append(.allow, Self.allowedMethods)
        headers.append(.supported, supportedExtensions.joined(separator: ", "))
        if let policy = configuration.sessionTimer {
            headers.append(.sessionExpires, String(policy.interval))
            headers.append(.minSE, String(policy.minimum))
        }
        if let userAgent = configuration.userAgent { headers.append(.userAgent, userAgent) }
        for field in configuration.extraHeaders { headers.append(field.name, field.value) }
        for header in uriHeaders where !Self.forbiddenURIHeaders.contains(header.name.lowercased()) {
            guard let value = try? URIEscaping.unescape(header.value ?? "") else { continue }
            headers.append(SIPHeaderName(header.name), value)
        }
        let body = offer.map(SDPBody.bytes) ?? []
        headers.setBody(body, contentType: MediaNegotiator.contentType)
        return SIPRequest(method: .invite, uri: requestURI, headers: headers, body: body)
    }

    static let allowedMethods = "INVITE, ACK, CANCEL, BYE, UPDATE, INFO, REFER, NOTIFY, MESSAGE, OPTIONS, PRACK"

    /// Option tags we support (RFC 3261 §20.37): Replaces (RFC 3891), session timers
    /// (RFC 4028), reliable provisionals (RFC 3262).
    var supportedExtensions: [String] { ["replaces", "timer", "100rel"] }

    /// URI headers that must not be copied into a request (RFC 3261 §19.1.5: they would
    /// change the transaction or the body in ways the referrer should not control).
    static let forbiddenURIHeaders: Set<String> = [
        "via", "from", "to", "call-id", "cseq", "contact", "max-forwards", "route", "record-route",
        "content-length", "content-type", "body",
    ]
}
