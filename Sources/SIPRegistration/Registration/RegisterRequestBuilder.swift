import SIPSyntax

/// Builds the REGISTER requests of one registration (RFC 3261 §10.2): the Request-URI is the
/// registrar, To and From are the AOR, and Call-ID and From tag stay the same for every
/// REGISTER of this machine (§10.2: "SHOULD use the same Call-ID for all registrations
/// during a single boot cycle"), so the registrar can order them by CSeq.
struct RegisterRequestBuilder: Sendable {
    let parameters: RegistrationParameters
    let callID: String
    let fromTag: String

    /// One REGISTER. `expires` 0 removes `contact`; `removing` adds a second Contact with
    /// `expires=0` so an outdated binding goes in the same request (RFC 3261 §10.2.2).
    func request(cseq: UInt32, contact: SIPURI, expires: Int, removing outdated: SIPURI? = nil) -> SIPRequest {
        var headers = SIPHeaders()
        headers.append(.maxForwards, "70")
        headers.append(.to, SIPAddress(displayName: parameters.displayName, uri: .sip(parameters.aor)).serialized)
        headers.append(.from, SIPAddress(
            displayName: parameters.displayName, uri: .sip(parameters.aor), parameters: [Parameter("tag", fromTag)]).serialized)
        headers.append(.callID, callID)
        headers.append(.cseq, SIPCSeq(cseq, .register).serialized)
        var contacts = [contactValue(contact, expires: expires)]
        if let outdated { contacts.append(SIPAddress(uri: .sip(outdated), parameters: [Parameter("expires", "0")]).serialized) }
        headers.append(.contact, contacts.joined(separator: ", "))
        headers.append(.expires, String(expires))
        if !parameters.allow.isEmpty {
            headers.append(.allow, parameters.allow.map(\.rawValue).joined(separator: ", "))
        }
        let supported = supportedTags()
        if !supported.isEmpty { headers.append(.supported, supported.joined(separator: ", ")) }
        headers.append(.userAgent, parameters.userAgent)
        for extra in parameters.extraHeaders { headers.append(SIPHeaderName(extra.name), extra.value) }
        headers.append(.contentLength, "0")
        return SIPRequest(method: .register, uri: .sip(parameters.registrar), headers: headers)
    }

    /// `<contact>;reg-id=N;+sip.instance="<urn:…>";expires=S`. RFC 5626 §5.2 / RFC 5627 §4.1:
    /// the instance is a quoted string holding the URN in angle brackets.
    func contactValue(_ contact: SIPURI, expires: Int) -> String {
        var parameters: [Parameter] = []
        if let instance = self.parameters.instanceID {
            parameters.append(Parameter("reg-id", String(self.parameters.regID)))
            parameters.append(Parameter("+sip.instance", "\"<\(Self.bareURN(instance))>\""))
        }
        parameters.append(Parameter("expires", String(expires)))
        return SIPAddress(uri: .sip(contact), parameters: parameters).serialized
    }

    /// RFC 5626 §4.2.1: a UA that registers with an instance supports `outbound` and `path`.
    func supportedTags() -> [String] {
        var tags = parameters.supported
        if parameters.usesOutbound {
            for tag in ["path", "outbound"] where !tags.contains(where: { $0.lowercased() == tag }) { tags.append(tag) }
        }
        return tags
    }

    /// The URN without quotes or angle brackets, however it was configured.
    static func bareURN(_ text: String) -> String {
        var value = Substring(text)
        while let first = value.first, first == "\"" || first == "<" { value = value.dropFirst() }
        while let last = value.last, last == "\"" || last == ">" { value = value.dropLast() }
        return String(value)
    }
}
