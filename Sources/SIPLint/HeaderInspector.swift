import SIPSyntax

/// Parses one header value with the grammar the stack uses for it and lists its parts.
/// Headers the stack does not interpret get no parts; Date, Warning and Retry-After are only
/// checked (strict mode) since nothing reads them.
enum HeaderInspector {
    typealias Part = SIPLintReport.Part

    /// The parts of the value, or the grammar error in `mode`.
    static func inspect(_ name: SIPHeaderName, _ value: String, mode: SIPParsingMode) throws(SIPParseError) -> [Part] {
        switch name {
        case .via:
            let vias = try SIPVia.parseList(value, mode: mode)
            return vias.enumerated().flatMap { viaParts($1, prefix: vias.count > 1 ? "[\($0 + 1)] " : "") }
        case .from, .to, .referTo, .replyTo:
            return addressParts(try SIPAddress.parse(value, header: name.name, mode: mode), prefix: "")
        case .contact: return contactParts(try SIPContactValue.parse(value, mode: mode))
        case .route, .recordRoute:
            let list = try SIPAddress.parseList(value, header: name.name, nameAddrOnly: true, mode: mode)
            return list.enumerated().flatMap { addressParts($1, prefix: list.count > 1 ? "[\($0 + 1)] " : "") }
        case .cseq:
            let cseq = try SIPCSeq.parse(value, mode: mode)
            return [Part("number", "\(cseq.sequenceNumber)"), Part("method", cseq.method.rawValue)]
        case .rack:
            let rack = try SIPRAck.parse(value, mode: mode)
            return [Part("response number", "\(rack.responseNumber)"), Part("CSeq number", "\(rack.cseqNumber)"), Part("method", rack.method.rawValue)]
        default:
            return try scalarParts(name, value, mode: mode)
        }
    }

    private static func scalarParts(_ name: SIPHeaderName, _ value: String, mode: SIPParsingMode) throws(SIPParseError) -> [Part] {
        switch name {
        case .callID: return [Part("id", try SIPScalarGrammar.callID(value, mode: mode))]
        case .maxForwards: return [Part("hops", "\(try SIPScalarGrammar.maxForwards(value, mode: mode))")]
        case .contentLength: return [Part("bytes", "\(try SIPScalarGrammar.contentLength(value, mode: mode))")]
        case .expires, .minExpires: return [Part("seconds", "\(try SIPScalarGrammar.deltaSeconds(value, header: name.name, mode: mode))")]
        case .rseq: return [Part("response number", "\(try SIPScalarGrammar.rseq(value, mode: mode))")]
        case .contentType:
            let type = try SIPMediaType.parse(value, mode: mode)
            return [Part("type", type.type), Part("subtype", type.subtype)] + type.parameters.map { Part($0.name, $0.value ?? "") }
        case .require, .proxyRequire, .unsupported:
            return try SIPScalarGrammar.optionTags(value, header: name.name, mode: mode).map { Part("option", $0) }
        case .supported:
            return try SIPScalarGrammar.optionTags(value, header: name.name, allowEmpty: true, mode: mode).map { Part("option", $0) }
        case .allow: return try SIPScalarGrammar.methods(value, mode: mode).map { Part("method", $0.rawValue) }
        case .event:
            let event = try SIPEventHeader.parse(value, mode: mode)
            return [Part("package", event.eventType)] + event.parameters.map { Part($0.name, $0.value ?? "") }
        case .subscriptionState:
            let state = try SIPSubscriptionState.parse(value, mode: mode)
            return [Part("state", state.state.text)] + state.parameters.map { Part($0.name, $0.value ?? "") }
        default:
            if mode == .strict { try checkOnly(name, value) }
            return []
        }
    }

    private static func checkOnly(_ name: SIPHeaderName, _ value: String) throws(SIPParseError) {
        switch name {
        case .date: try SIPDiagnosticGrammar.checkDate(value)
        case .warning: try SIPDiagnosticGrammar.checkWarning(value)
        case .retryAfter: try SIPDiagnosticGrammar.checkRetryAfter(value)
        default: return
        }
    }

    static func viaParts(_ via: SIPVia, prefix: String) -> [Part] {
        var parts = [
            Part(prefix + "protocol", "\(via.protocolName)/\(via.protocolVersion)"),
            Part(prefix + "transport", via.transport),
            Part(prefix + "host", hostText(via.host)),
        ]
        if let port = via.port { parts.append(Part(prefix + "port", "\(port)")) }
        for parameter in via.parameters { parts.append(Part(prefix + parameter.name, parameter.value ?? "(no value)")) }
        return parts
    }

    static func addressParts(_ address: SIPAddress, prefix: String) -> [Part] {
        var parts: [Part] = []
        if let name = address.displayName { parts.append(Part(prefix + "display name", name)) }
        parts.append(Part(prefix + "URI", address.uri.description))
        parts += URIParts.parts(address.uri).map { Part(prefix + "  " + $0.label, $0.value) }
        for parameter in address.parameters { parts.append(Part(prefix + parameter.name, parameter.value ?? "(no value)")) }
        return parts
    }

    private static func contactParts(_ contact: SIPContactValue) -> [Part] {
        switch contact {
        case .wildcard: return [Part("contact", "* (all bindings)")]
        case .addresses(let list):
            return list.enumerated().flatMap { addressParts($1, prefix: list.count > 1 ? "[\($0 + 1)] " : "") }
        }
    }

    static func hostText(_ host: Host) -> String {
        switch host {
        case .hostname(let name): name
        case .ipv4(let address): address + " (IPv4)"
        case .ipv6(let address): "[\(address)] (IPv6)"
        }
    }
}
