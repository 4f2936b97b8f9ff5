import SIPSyntax

/// What a 2xx to a REGISTER says about our binding (RFC 3261 §10.2.4, RFC 5626 §4.2.1,
/// RFC 3608 §6, RFC 3581 §4). Malformed headers read as absent: a registrar's sloppiness must
/// not undo a registration it accepted.
struct RegisterResponseReading {
    let response: SIPResponse

    /// Our binding among the 200's Contacts: by `+sip.instance` when we sent one (RFC 5626
    /// §4.2.1 — the registrar may rewrite the URI, but not the instance), else by URI.
    func ourContact(sent: SIPURI, instanceID: String?) -> SIPAddress? {
        guard case .addresses(let listed)? = try? response.headers.contact else { return nil }
        if let instanceID {
            let urn = RegisterRequestBuilder.bareURN(instanceID).lowercased()
            if let match = listed.first(where: { address in
                (address.parameters.value("+sip.instance") ?? nil).map { RegisterRequestBuilder.bareURN($0).lowercased() } == urn
            }) {
                return match
            }
        }
        return listed.first { $0.uri.sipURI?.sameBinding(as: sent) ?? false }
    }

    /// RFC 3261 §10.2.4: the `expires` parameter of our Contact, else the Expires header, else
    /// what we asked for.
    func grantedExpires(ourContact: SIPAddress?, requested: Int) -> Int {
        if let value = ourContact.flatMap({ HeaderReading.deltaSeconds($0.parameters.value("expires") ?? nil) }) {
            return value
        }
        return HeaderReading.deltaSeconds(response.headers[.expires]) ?? requested
    }

    /// RFC 3581 §4: `received` (the source IP) and `rport` (the source port) of the top Via.
    /// nil when the registrar added neither, i.e. it did not tell us what it saw.
    var observedAddress: ObservedAddress? {
        guard let top = (try? response.headers.via)?.first else { return nil }
        let received = top.received
        let rport = top.rport ?? nil
        guard received != nil || rport != nil else { return nil }
        let host = received ?? top.host
        let hostText: String = switch host {
        case .ipv6(let address): address
        case .ipv4(let address), .hostname(let address): address
        }
        return ObservedAddress(host: hostText, port: Int(rport ?? top.port ?? 5060))
    }

    /// RFC 5626 §4.2.1: the registrar supports outbound if it says so in Require or Supported.
    var outbound: Bool {
        (HeaderReading.optionTags(response.headers, .require) + HeaderReading.optionTags(response.headers, .supported))
            .contains("outbound")
    }

    /// RFC 3608 §6: Service-Route URIs in order.
    var serviceRoute: [SIPURI] {
        let values = response.headers.values(SIPHeaderName("Service-Route"))
        return values.flatMap { value in
            ((try? SIPAddress.parseList(value, header: "Service-Route")) ?? []).compactMap(\.uri.sipURI)
        }
    }
}

extension ObservedAddress {
    /// Whether `contact` already advertises this address.
    func matches(_ contact: SIPURI) -> Bool {
        let contactHost: String = switch contact.host {
        case .ipv6(let address): address
        case .ipv4(let address), .hostname(let address): address
        }
        return contactHost.lowercased() == host.lowercased() && contact.effectivePort == port
    }

    /// `contact` moved to this address, everything else kept.
    func applied(to contact: SIPURI) -> SIPURI {
        var rewritten = contact
        rewritten.host = host.contains(":") ? .ipv6(host) : (host.allSatisfy { $0.isNumber || $0 == "." } ? .ipv4(host) : .hostname(host))
        rewritten.port = UInt16(exactly: port)
        return rewritten
    }
}
