import SIPSyntax

/// Builds the SUBSCRIBE requests of one message-summary subscription (RFC 6665 §4.1.2,
/// RFC 3842 §3.6): `Event: message-summary`, `Accept: application/simple-message-summary`.
struct SubscribeRequestBuilder: Sendable {
    static let eventPackage = "message-summary"
    static let contentType = "application/simple-message-summary"

    let parameters: MWIParameters

    /// The identity of one subscription attempt: a new one gets a new Call-ID and tag
    /// (RFC 6665 §4.1.2.4: a new subscription is a new dialog).
    struct Identity: Sendable, Hashable {
        var callID: String
        var localTag: String
    }

    /// The initial SUBSCRIBE (out of dialog) or a refresh/removal in `dialog`.
    func request(identity: Identity, cseq: UInt32, expires: Int, dialog: SubscriptionDialog?) -> SIPRequest {
        var headers = SIPHeaders()
        let uri: URI
        if let dialog {
            let target = dialog.requestTarget
            uri = target.uri
            for route in target.routes { headers.append(.route, route) }
        } else {
            uri = .sip(parameters.aor)
            for route in parameters.initialRoute { headers.append(.route, "<\(route)>") }
        }
        headers.append(.maxForwards, "70")
        let toParameters = dialog.map { [Parameter("tag", $0.remoteTag)] } ?? []
        headers.append(.to, SIPAddress(displayName: parameters.displayName, uri: .sip(parameters.aor), parameters: toParameters).serialized)
        headers.append(.from, SIPAddress(
            displayName: parameters.displayName, uri: .sip(parameters.aor), parameters: [Parameter("tag", identity.localTag)]).serialized)
        headers.append(.callID, identity.callID)
        headers.append(.cseq, SIPCSeq(cseq, .subscribe).serialized)
        headers.append(.contact, "<\(parameters.contact)>")
        headers.append(.event, Self.eventPackage)
        headers.append(SIPHeaderName("Accept"), Self.contentType)
        headers.append(.expires, String(expires))
        headers.append(.userAgent, parameters.userAgent)
        for extra in parameters.extraHeaders { headers.append(SIPHeaderName(extra.name), extra.value) }
        headers.append(.contentLength, "0")
        return SIPRequest(method: .subscribe, uri: uri, headers: headers)
    }
}
