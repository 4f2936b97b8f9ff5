import SIPSyntax

extension Dialog {
    /// Methods whose 2xx or request carries a Contact that replaces the remote target
    /// (RFC 3261 §12.2; UPDATE: RFC 3311 §5.1).
    static let targetRefreshMethods: Set<SIPMethod> = [.invite, .update]
    /// Methods that carry our Contact.
    static let contactMethods: Set<SIPMethod> = [.invite, .update, .refer, .subscribe, .notify]

    /// A new request within the dialog (RFC 3261 §12.2.1.1): To/From/Call-ID from the dialog,
    /// the next local CSeq, and the Request-URI and Route from the route set and remote target.
    /// No Via: the transaction layer adds it with a new branch. ACK and CANCEL do not take a
    /// new CSeq; use `makeACK` and the session's CANCEL builder for those.
    public mutating func makeRequest(
        method: SIPMethod, body: [UInt8] = [], contentType: String? = nil, extraHeaders: [SIPHeaderField] = []
    ) -> SIPRequest {
        let next = (localSequence ?? 0) &+ 1
        localSequence = next
        return buildRequest(method: method, sequence: next, body: body, contentType: contentType, extraHeaders: extraHeaders)
    }

    /// The ACK for a 2xx to the INVITE with CSeq `inviteSequence` (§13.2.2.4): same CSeq number,
    /// method ACK, routed like any in-dialog request; credentials of the INVITE go in
    /// `extraHeaders`. It carries the answer when the 2xx carried the offer.
    public func makeACK(inviteSequence: UInt32, body: [UInt8] = [], contentType: String? = nil,
                        extraHeaders: [SIPHeaderField] = []) -> SIPRequest {
        buildRequest(method: .ack, sequence: inviteSequence, body: body, contentType: contentType, extraHeaders: extraHeaders)
    }

    private func buildRequest(method: SIPMethod, sequence: UInt32, body: [UInt8], contentType: String?,
                              extraHeaders: [SIPHeaderField]) -> SIPRequest {
        let (requestURI, routes) = RequestRouting.destination(remoteTarget: remoteTarget, routeSet: routeSet)
        var headers = SIPHeaders()
        for route in routes { headers.append(.route, route.serialized) }
        headers.append(.maxForwards, "70")
        headers.append(.from, localAddress.serialized)
        headers.append(.to, remoteAddress.serialized)
        headers.append(.callID, id.callID)
        headers.append(.cseq, SIPCSeq(sequence, method).serialized)
        if Self.contactMethods.contains(method) { headers.append(.contact, "<\(localContact)>") }
        for field in extraHeaders { headers.append(field.name, field.value) }
        headers.setBody(body, contentType: contentType)
        return SIPRequest(method: method, uri: requestURI, headers: headers, body: body)
    }
}

extension SIPHeaders {
    /// Content-Type (when there is a body) and Content-Length, always last, as every builder
    /// in this module writes them.
    mutating func setBody(_ body: [UInt8], contentType: String?) {
        if !body.isEmpty, let contentType { set(.contentType, contentType) }
        set(.contentLength, String(body.count))
    }
}
