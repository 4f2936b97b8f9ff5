import SIPAuth
import SIPSyntax

extension RegistrationMachine {
    /// A final response to the outstanding REGISTER. Provisional responses and responses
    /// whose CSeq is not the outstanding one (late answers to an earlier request) are ignored.
    public mutating func responseReceived(
        _ response: SIPResponse, origin: ResponseOrigin = .server
    ) -> [RegistrationAction] {
        guard let current = outstanding, response.isFinal else { return [] }
        if let number = HeaderReading.cseqNumber(response.headers), number != current.cseq { return [] }
        outstanding = nil
        switch origin {
        case .localTimeout:
            return fail(.timeout, retry: true, purpose: current.purpose)
        case .localTransportError(let reason):
            return fail(.transportError(reason: reason), retry: true, purpose: current.purpose)
        case .server:
            break
        }
        let reason = response.reasonPhrase
        switch response.statusCode {
        case 200..<300:
            return current.purpose == .unregister ? finishUnregistering() : succeeded(response, current)
        case 401, 407:
            return challenged(response, current)
        case 423 where current.purpose == .register:
            return intervalTooBrief(response, current)
        case 403:
            return fail(.forbidden(reason: reason), retry: true, purpose: current.purpose)
        case 404:
            return fail(.notFound(reason: reason), retry: true, purpose: current.purpose)
        case 500..<700:
            let failure = RegistrationFailure.serverError(statusCode: response.statusCode, reason: reason)
            return fail(failure, retry: true, retryAfter: HeaderReading.retryAfter(response.headers), purpose: current.purpose)
        default:
            let failure = RegistrationFailure.unexpected(statusCode: response.statusCode, reason: reason)
            return fail(failure, retry: true, purpose: current.purpose)
        }
    }

    /// RFC 3261 §22.2: answer the challenge with a new REGISTER (same Call-ID, CSeq + 1).
    private mutating func challenged(_ response: SIPResponse, _ current: Outstanding) -> [RegistrationAction] {
        var attempt = current.attempt
        let status = response.statusCode
        switch authorizer.accept(challengeIn: response, attempt: &attempt) {
        case .retry:
            return current.purpose == .unregister ? sendUnregister(attempt: attempt) : sendRegister(attempt: attempt)
        case .noCredentials:
            return fail(.noCredentials(statusCode: status), retry: false, purpose: current.purpose)
        case .rejected:
            // The user may fix the account on the server, so keep trying, slowly.
            return fail(.rejectedCredentials(statusCode: status), retry: true, purpose: current.purpose)
        case .unsupported(let why):
            return fail(.unsupportedChallenge(why), retry: false, purpose: current.purpose)
        }
    }

    /// RFC 3261 §10.2.8: retry with Min-Expires, once per distinct value. No usable value (absent,
    /// above 2^31, not above what we asked) means we cannot satisfy the registrar.
    private mutating func intervalTooBrief(_ response: SIPResponse, _ current: Outstanding) -> [RegistrationAction] {
        let minimum = HeaderReading.deltaSeconds(response.headers[.minExpires])
        guard let minimum, minimum <= 1 << 31, minimum > expires, !triedMinExpires.contains(minimum) else {
            return fail(.intervalTooBrief(minExpires: minimum), retry: true)
        }
        triedMinExpires.insert(minimum)
        expires = minimum
        return sendRegister(attempt: current.attempt)
    }

    private mutating func succeeded(_ response: SIPResponse, _ current: Outstanding) -> [RegistrationAction] {
        failures = 0
        triedMinExpires = []
        if outdatedContact != nil, outdatedContact == current.removing { outdatedContact = nil }
        let reading = RegisterResponseReading(response: response)
        let observed = reading.observedAddress
        if pending != .unregister, !current.followsRewrite, let observed, shouldRewrite(for: observed, contact: current.contact) {
            return rewriteContact(to: observed, current)
        }
        let ours = reading.ourContact(sent: current.contact, instanceID: parameters.instanceID)
        let granted = reading.grantedExpires(ourContact: ours, requested: expires)
        guard granted > 0 else {
            return fail(.unexpected(statusCode: response.statusCode, reason: "registrar kept no binding for our Contact"), retry: true)
        }
        let refreshAfter = RefreshSchedule.refreshAfter(granted: granted, random: &random)
        let accepted = RegistrationBinding(
            expires: granted, refreshAfter: refreshAfter, contactSent: current.contact, contactSeen: ours?.uri.sipURI,
            publicAddress: observed, outbound: parameters.usesOutbound && reading.outbound,
            serviceRoute: reading.serviceRoute)
        binding = accepted
        return afterSuccess(accepted)
    }

    private mutating func afterSuccess(_ accepted: RegistrationBinding) -> [RegistrationAction] {
        switch pending {
        case .unregister?:
            pending = nil
            return sendUnregister()
        case .reRegister?:
            // Asked for while this REGISTER was out (new address, dead flow, user): send it now.
            pending = nil
            if contact != accepted.contactSent, !parameters.usesOutbound { outdatedContact = accepted.contactSent }
            let registering: RegistrationState = contact == accepted.contactSent ? .registered(accepted) : .registering
            return setState(registering) + sendRegister()
        case nil:
            return setState(.registered(accepted)) + [.startTimer(.refresh, after: accepted.refreshAfter)]
        }
    }

    /// RFC 3581 §4 / RFC 5626 §5: rewrite only over UDP. Over UDP the `received`/`rport` mapping
    /// is the one the NAT keeps open for our listening socket, so the registrar (and anyone it
    /// forwards to) can reach us there while keep-alives hold it open. Over TCP/TLS the mapping
    /// belongs to an outgoing connection's ephemeral port where nothing accepts new
    /// connections; requests reach us over the connection itself (RFC 5626 §5.3, RFC 5923), so
    /// advertising that address would only make the binding wrong. The address is still
    /// recorded in the binding. At most once per distinct address, and never in answer to a
    /// REGISTER that was itself a rewrite, so a NAT that keeps changing ports cannot loop us.
    private func shouldRewrite(for observed: ObservedAddress, contact: SIPURI) -> Bool {
        let transport = contact.transportParameter ?? "udp"
        return transport == "udp" && !contact.isSecure && !observed.matches(contact) && !rewrittenFor.contains(observed)
    }

    private mutating func rewriteContact(to observed: ObservedAddress, _ current: Outstanding) -> [RegistrationAction] {
        rewrittenFor.insert(observed)
        let old = current.contact
        let new = observed.applied(to: old)
        if !parameters.usesOutbound { outdatedContact = old }
        contact = new
        if case .reRegister? = pending { pending = nil }
        // The registrar holds the old Contact until this REGISTER replaces it; stop() removes it.
        binding = RegistrationBinding(expires: expires, refreshAfter: .zero, contactSent: old, publicAddress: observed)
        return [.contactRewritten(from: old, to: new)] + sendRegister(followsRewrite: true)
    }
}
