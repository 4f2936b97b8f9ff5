import SIPSyntax

/// Responses a UAS or a stateless transport builds from a request (RFC 3261 §8.2.6.2): Via,
/// From, Call-ID and CSeq copied, To copied with a tag added when absent.
public enum ResponseFactory {
    /// A response to `request` with `statusCode` and `reasonPhrase`, no body.
    public static func response(
        to request: SIPRequest, statusCode: Int, reasonPhrase: String, toTag: String?,
        server: String? = nil
    ) -> SIPResponse {
        var headers = SIPHeaders()
        for field in request.headers where field.name == .via { headers.append(.via, field.value) }
        for name in [SIPHeaderName.from, .to, .callID, .cseq] {
            guard var value = request.headers[name] else { continue }
            if name == .to, let toTag, !hasTag(value) { value += ";tag=\(toTag)" }
            headers.append(name, value)
        }
        if let server { headers.append(.server, server) }
        headers.append(.contentLength, "0")
        return SIPResponse(statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers)
    }

    /// The stateless 400 (or 505) for a request that failed validation, its reason phrase
    /// naming the fault (RFC 3261 §21.4.1). Whatever of Via/From/To/Call-ID/CSeq is present is
    /// copied as written, so the client can still match it; it goes back on the arrival flow.
    static func rejection(of request: SIPRequest, fault: SIPValidationError, server: String?) -> SIPResponse {
        response(
            to: request, statusCode: fault.statusCode, reasonPhrase: sanitized(fault.reasonPhrase),
            toTag: nil, server: server)
    }

    /// Reason-Phrase = *(reserved / unreserved / escaped / UTF8-NONASCII / UTF8-CONT / SP / HTAB):
    /// no CR or LF may leak from an error text into the status line.
    static func sanitized(_ phrase: String) -> String {
        let scalars = phrase.unicodeScalars.map { $0 == "\r" || $0 == "\n" ? " " : $0 }
        return String(String.UnicodeScalarView(scalars.prefix(200)))
    }

    private static func hasTag(_ value: String) -> Bool {
        (try? SIPAddress.parse(value, header: "To"))?.tag != nil
    }
}
