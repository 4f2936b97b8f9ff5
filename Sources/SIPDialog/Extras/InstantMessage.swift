import SIPSyntax

/// SIP MESSAGE (RFC 3428): a page-mode instant message outside any dialog.
public enum InstantMessage {
    /// A MESSAGE from `from` to `to` (RFC 3428 §4): a fresh From tag and Call-ID from `random`,
    /// no Contact (§5 forbids it); the transaction layer adds Via.
    public static func makeRequest(
        to: URI, from: SIPAddress, text: String, contentType: String = "text/plain;charset=UTF-8",
        random: inout some CallRandomSource, extraHeaders: [SIPHeaderField] = []
    ) -> SIPRequest {
        let body = Array(text.utf8)
        var headers = SIPHeaders()
        headers.append(.maxForwards, "70")
        headers.append(.from, from.withTag(random.token(hexDigits: 10)).serialized)
        headers.append(.to, SIPAddress(uri: to).serialized)
        headers.append(.callID, random.token(hexDigits: 24) + "@" + (from.uri.sipURI?.host.description ?? "dialtone.invalid"))
        headers.append(.cseq, SIPCSeq(1, .message).serialized)
        for field in extraHeaders { headers.append(field.name, field.value) }
        headers.setBody(body, contentType: contentType)
        return SIPRequest(method: .message, uri: to, headers: headers, body: body)
    }

    /// A MESSAGE we received: the response to send and, when it is readable, the message.
    /// RFC 3428 §7: 200 when accepted; text types only here (415 otherwise, with Accept), and
    /// a body that is not UTF-8 gets 400.
    public static func receive(_ request: SIPRequest) -> (response: SIPResponse, message: ReceivedMessage?) {
        guard request.method == .message, let from = try? request.headers.from else {
            return (ResponseBuilder.response(to: request, status: 400, reason: "Bad Request"), nil)
        }
        let type = (try? request.headers.contentType) ?? SIPMediaType(type: "text", subtype: "plain")
        guard type.type.lowercased() == "text" else {
            return (ResponseBuilder.response(to: request, status: 415, reason: "Unsupported Media Type",
                                             extraHeaders: [SIPHeaderField(.accept, "text/plain")]), nil)
        }
        guard let text = String(validating: request.body, as: UTF8.self) else {
            return (ResponseBuilder.response(to: request, status: 400, reason: "Body Is Not UTF-8"), nil)
        }
        let message = ReceivedMessage(from: from, text: text, contentType: type.essence)
        return (ResponseBuilder.response(to: request, status: 200, reason: "OK", toTag: nil), message)
    }
}

/// A page-mode message from a peer.
public struct ReceivedMessage: Hashable, Sendable {
    public var from: SIPAddress
    public var text: String
    /// e.g. `text/plain`, in lower case without parameters.
    public var contentType: String
}
