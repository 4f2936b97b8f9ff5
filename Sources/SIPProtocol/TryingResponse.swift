import SIPSyntax

/// The 100 (Trying) an INVITE server transaction sends on its own when the TU stays silent for
/// 200 ms (RFC 3261 §17.2.1), so that the client stops retransmitting the INVITE (§17.1.1.2: any
/// provisional response stops Timer A).
enum TryingResponse {
    /// A 100 built as RFC 3261 §8.2.6 prescribes: Via (all values, in order), From, To, Call-ID
    /// and CSeq copied from the request, and Timestamp copied too (§8.2.6.1). No To tag is added:
    /// a 100 may omit it (§8.2.6.2), and this one must not fix a tag the TU has not chosen.
    static func make(for request: SIPRequest) -> SIPResponse {
        var headers = SIPHeaders()
        for via in request.headers.values(.via) { headers.append(.via, via) }
        for name in [SIPHeaderName.from, .to, .callID, .cseq, .timestamp] {
            if let value = request.headers[name] { headers.append(name, value) }
        }
        headers.append(.contentLength, "0")
        return SIPResponse(statusCode: 100, reasonPhrase: "Trying", version: request.version, headers: headers)
    }
}
