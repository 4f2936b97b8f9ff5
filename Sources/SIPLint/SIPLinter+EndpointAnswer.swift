import SIPSyntax

extension SIPLinter {
    typealias Answer = SIPLintReport.EndpointAnswer

    /// What a phone with `profile` answers, in the order RFC 3261 §8.2 inspects a request:
    /// version (505), method (501, which RFC 4475 §3.1.2.18 prefers even over a bad CSeq),
    /// syntax (400), URI scheme (416), Require (420), body type (415); plus 406 when an INVITE's
    /// Accept rules out the SDP answer (RFC 4475 §3.3.15). Nil for responses, ACK and requests
    /// it would simply process.
    func endpointAnswer(_ message: SIPMessage) -> Answer? {
        guard case .request(let request) = message, request.method != .ack else { return nil }
        if !request.version.isSIP20 {
            return Answer(statusCode: 505, reasonPhrase: "Version Not Supported", why: "the request speaks \(request.version.text), not SIP/2.0 (RFC 3261 §8.2.2)", headers: [])
        }
        if !profile.methods.contains(request.method) {
            let allow = SIPHeaderField(.allow, profile.methods.map(\.rawValue).joined(separator: ", "))
            return Answer(statusCode: 501, reasonPhrase: "Not Implemented", why: "the method \(request.method) is not one this phone implements (RFC 3261 §8.2.1, §21.5.2)", headers: [allow])
        }
        if let firstError = report.errors.first {
            return Answer(statusCode: 400, reasonPhrase: firstError.message, why: "the request is malformed (RFC 3261 §8.2, §21.4.1)", headers: [])
        }
        return capabilityAnswer(request)
    }

    private func capabilityAnswer(_ request: SIPRequest) -> Answer? {
        if !profile.uriSchemes.contains(request.uri.scheme) {
            return Answer(statusCode: 416, reasonPhrase: "Unsupported URI Scheme", why: "the Request-URI scheme '\(request.uri.scheme)' is not sip, sips or tel (RFC 3261 §8.2.2.1)", headers: [])
        }
        let required = (try? request.headers.require) ?? []
        let unsupported = required.filter { tag in !profile.optionTags.contains { $0.lowercased() == tag.lowercased() } }
        if !unsupported.isEmpty, request.method != .cancel {
            let header = SIPHeaderField(.unsupported, SIPScalarGrammar.serializeList(unsupported))
            return Answer(statusCode: 420, reasonPhrase: "Bad Extension", why: "Require names option tags this phone lacks: \(unsupported.joined(separator: ", ")) (RFC 3261 §8.2.2.3)", headers: [header])
        }
        if !request.body.isEmpty, let type = try? request.headers.contentType, !profile.contentTypes.contains(type.essence) {
            let accept = SIPHeaderField(.accept, profile.contentTypes.joined(separator: ", "))
            return Answer(statusCode: 415, reasonPhrase: "Unsupported Media Type", why: "the body type \(type.essence) is not one this phone reads (RFC 3261 §8.2.3)", headers: [accept])
        }
        if request.method == .invite, let accept = request.headers[.accept], !acceptsSDP(accept) {
            return Answer(statusCode: 406, reasonPhrase: "Not Acceptable", why: "Accept (\(accept)) rules out application/sdp, the only answer body this phone sends (RFC 3261 §21.4.7, RFC 4475 §3.3.15)", headers: [])
        }
        return nil
    }

    private func acceptsSDP(_ accept: String) -> Bool {
        SIPHeaders.splitList(accept).contains { range in
            let essence = range.split(separator: ";").first.map { $0.trimmingWhitespace().lowercased() } ?? ""
            return essence == "application/sdp" || essence == "application/*" || essence == "*/*"
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
