import SIPSyntax

/// Builds responses for a UAS (RFC 3261 §8.2.6.2): Via, From, Call-ID and CSeq copied, To
/// copied with our tag added when it has none, Record-Route copied for responses that create
/// or confirm a dialog (§12.1.1).
public enum ResponseBuilder {
    public static func response(
        to request: SIPRequest, status: Int, reason: String, toTag: String? = nil,
        contact: URI? = nil, copyRecordRoute: Bool = false,
        body: [UInt8] = [], contentType: String? = nil, extraHeaders: [SIPHeaderField] = []
    ) -> SIPResponse {
        var headers = SIPHeaders()
        for value in request.headers.values(.via) { headers.append(.via, value) }
        if copyRecordRoute {
            for value in request.headers.values(.recordRoute) { headers.append(.recordRoute, value) }
        }
        if let from = request.headers[.from] { headers.append(.from, from) }
        if let to = request.headers[.to] { headers.append(.to, toValue(to, tag: toTag)) }
        if let callID = request.headers[.callID] { headers.append(.callID, callID) }
        if let cseq = request.headers[.cseq] { headers.append(.cseq, cseq) }
        if let contact { headers.append(.contact, "<\(contact)>") }
        for field in extraHeaders { headers.append(field.name, field.value) }
        headers.setBody(body, contentType: contentType)
        return SIPResponse(statusCode: status, reasonPhrase: reason, headers: headers, body: body)
    }

    /// Adds our tag to the To value unless the request already carries one (§8.2.6.2); a To
    /// that does not parse is copied as is rather than rewritten into something else.
    private static func toValue(_ value: String, tag: String?) -> String {
        guard let tag, let address = try? SIPAddress.parse(value, header: "To"), address.tag == nil else { return value }
        return address.withTag(tag).serialized
    }
}

/// Which server transaction a response belongs to: the request's top Via branch, method and
/// CSeq number. The transaction layer looks the transaction up by these (RFC 3261 §17.2.3).
public struct RequestIdentity: Hashable, Sendable, CustomStringConvertible {
    public var method: SIPMethod
    public var sequenceNumber: UInt32
    /// The top Via branch; nil when the request had none (RFC 2543 peers).
    public var branch: String?

    public init(method: SIPMethod, sequenceNumber: UInt32, branch: String?) {
        self.method = method
        self.sequenceNumber = sequenceNumber
        self.branch = branch
    }

    /// The identity of `request`; a request without a readable CSeq gets number 0.
    public init(_ request: SIPRequest) {
        method = request.method
        sequenceNumber = (try? request.headers.cseq)?.sequenceNumber ?? 0
        branch = (try? request.headers.via)?.first?.branch
    }

    public var description: String { "\(method) \(sequenceNumber) \(branch ?? "-")" }
}
