/// The checks the stack applies to every received message before transactions see it
/// (RFC 3261 §8.2, §16.3, §18.3), liberal where RFC 4475 allows: a missing Max-Forwards is
/// accepted (RFC 2543 peers, RFC 4475 §3.4.1; a proxy treats it as absent, §16.3), an RFC 2543
/// Via without branch or a bare magic-cookie branch passes (§3.2.1), Max-Forwards 0 passes (§3.3.11).
public enum SIPMessageValidator {
    /// Throws the first fault found.
    public static func validate(_ message: SIPMessage) throws(SIPValidationError) {
        if let fault = faults(in: message).first { throw fault }
    }

    /// Every fault, in a fixed order: version, presence, uniqueness, syntax, consistency.
    public static func faults(in message: SIPMessage) -> [SIPValidationError] {
        var faults: [SIPValidationError] = []
        let headers = message.headers
        var requestMethod: SIPMethod?
        switch message {
        case .request(let request):
            requestMethod = request.method
            if !request.version.isSIP20 { faults.append(SIPValidationError(.unsupportedVersion(request.version))) }
        case .response(let response):
            if !response.version.isSIP20 { faults.append(SIPValidationError(.unsupportedVersion(response.version))) }
        }
        for name in mandatory where !headers.contains(name) {
            faults.append(SIPValidationError(.missingHeader(name)))
        }
        for name in singleValued {
            let indices = headers.indices.filter { headers[$0].name == name }
            if indices.count > 1 { faults.append(SIPValidationError(.duplicateHeader(name), fieldIndex: indices[1])) }
        }
        faults += syntaxFaults(headers)
        faults += consistencyFaults(headers, requestMethod: requestMethod, bodyLength: message.body.count)
        return faults
    }

    static let mandatory: [SIPHeaderName] = [.to, .from, .cseq, .callID, .via]
    static let singleValued: [SIPHeaderName] = [.to, .from, .cseq, .callID, .maxForwards, .contentLength]

    private static func syntaxFaults(_ headers: SIPHeaders) -> [SIPValidationError] {
        var faults: [SIPValidationError] = []
        for (index, field) in headers.enumerated() {
            let check: ((String) throws(SIPParseError) -> Void)? = switch field.name {
            case .via: { v throws(SIPParseError) in _ = try SIPVia.parseList(v) }
            case .to: { v throws(SIPParseError) in _ = try SIPAddress.parse(v, header: "To") }
            case .from: { v throws(SIPParseError) in _ = try SIPAddress.parse(v, header: "From") }
            case .cseq: { v throws(SIPParseError) in _ = try SIPCSeq.parse(v) }
            case .callID: { v throws(SIPParseError) in _ = try SIPScalarGrammar.callID(v) }
            case .maxForwards: { v throws(SIPParseError) in _ = try SIPScalarGrammar.maxForwards(v) }
            case .contentLength: { v throws(SIPParseError) in _ = try SIPScalarGrammar.contentLength(v) }
            default: nil
            }
            guard let check else { continue }
            do throws(SIPParseError) {
                try check(field.value)
            } catch {
                faults.append(SIPValidationError(.invalidHeader(field.name, error), fieldIndex: index))
            }
        }
        return faults
    }

    private static func consistencyFaults(_ headers: SIPHeaders, requestMethod: SIPMethod?, bodyLength: Int) -> [SIPValidationError] {
        var faults: [SIPValidationError] = []
        if let requestMethod, let index = headers.firstIndex(where: { $0.name == .cseq }),
           let cseq = try? SIPCSeq.parse(headers[index].value), cseq.method != requestMethod {
            faults.append(SIPValidationError(.cseqMethodMismatch(request: requestMethod, cseq: cseq.method), fieldIndex: index))
        }
        if let index = headers.firstIndex(where: { $0.name == .contentLength }),
           let declared = try? SIPScalarGrammar.contentLength(headers[index].value), declared > bodyLength {
            faults.append(SIPValidationError(.contentLengthExceedsBody(declared: declared, bodyLength: bodyLength), fieldIndex: index))
        }
        return faults
    }
}
