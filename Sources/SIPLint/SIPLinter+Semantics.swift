import SIPSyntax

extension SIPLinter {
    /// Message-level rules: the stack's own validation (mandatory and single-valued headers,
    /// CSeq method, version) plus what only a strict checker insists on.
    mutating func checkSemantics(_ head: SIPMessageHead, _ message: SIPMessage) {
        for fault in SIPMessageValidator.faults(in: message) { add(fault, head) }
        if case .request(let request) = message {
            checkMaxForwards(request)
        }
        if !message.body.isEmpty, !message.headers.contains(.contentType) {
            error(line: head.endLine + lineOffset, column: 1, "body of \(message.body.count) bytes but no Content-Type (RFC 3261 §7.4.1, §20.15)")
        }
    }

    private mutating func add(_ fault: SIPValidationError, _ head: SIPMessageHead) {
        switch fault.kind {
        case .invalidHeader, .contentLengthExceedsBody:
            return  // reported with exact positions by the header inspection and body framing
        case .missingHeader(let name):
            error(line: head.endLine + lineOffset, column: 1, "missing mandatory \(name.name) header (RFC 3261 §8.1.1, RFC 4475 §3.3.1)")
        case .duplicateHeader(let name):
            let (line, column) = position(field: fault.fieldIndex ?? 0)
            error(line: line, column: column, "\(name.name) appears more than once but allows a single value (RFC 3261 §7.3.1, RFC 4475 §3.3.8–9)")
        case .cseqMethodMismatch(let request, let cseq):
            let index = fault.fieldIndex ?? 0
            let offset = head.headers[index].value.utf8.count - cseq.rawValue.utf8.count
            let (line, column) = position(field: index, valueOffset: max(0, offset))
            error(line: line, column: column, "CSeq method \(cseq) differs from the request method \(request) (RFC 3261 §8.1.1.5, RFC 4475 §3.1.2.17)")
        case .unsupportedVersion(let version):
            let line = startLineBytes, needle = Array(version.text.utf8)
            let at = line.indices.last { line[$0...].starts(with: needle) } ?? 0
            let column = at + 1
            error(line: 1 + lineOffset, column: column, "protocol version \(version.text) is not SIP/2.0 (RFC 3261 §7.1, RFC 4475 §3.1.2.16)")
        }
    }

    /// RFC 3261 §8.1.1 makes Max-Forwards mandatory, but RFC 2543 did not and RFC 4475 §3.4.1
    /// asks to accept such requests: a request whose top Via has an RFC 3261 branch claims
    /// RFC 3261 and so must carry it; an RFC 2543 one gets a warning.
    private mutating func checkMaxForwards(_ request: SIPRequest) {
        guard !request.headers.contains(.maxForwards), let head else { return }
        let topVia = (try? request.headers.via)?.first
        if topVia?.hasRFC3261Branch == true {
            error(line: head.endLine + lineOffset, column: 1, "missing mandatory Max-Forwards header (RFC 3261 §8.1.1): the RFC 3261 branch rules out an RFC 2543 sender")
        } else {
            warn(line: head.endLine + lineOffset, column: 1, "no Max-Forwards: accepted from an RFC 2543 element (RFC 4475 §3.4.1)")
        }
    }
}
