import SIPAuth
import SIPSyntax

extension RegistrationMachine {
    /// Sends a REGISTER for `contact` with the next CSeq (RFC 3261 §10.2: same Call-ID, CSeq + 1
    /// per request), with credentials for every challenge learned so far.
    mutating func sendRegister(
        attempt: DigestAuthorizer.Attempt = .init(), followsRewrite: Bool = false
    ) -> [RegistrationAction] {
        let removing = parameters.usesOutbound ? nil : outdatedContact
        return send(Outstanding(
            cseq: 0, purpose: .register, contact: contact, removing: removing, attempt: attempt,
            followsRewrite: followsRewrite))
    }

    /// Sends the un-REGISTER: Expires 0 for the binding the registrar holds (and an outdated one).
    mutating func sendUnregister(attempt: DigestAuthorizer.Attempt = .init()) -> [RegistrationAction] {
        let target = binding?.contactSent ?? contact
        let removing = parameters.usesOutbound || outdatedContact == target ? nil : outdatedContact
        return send(Outstanding(
            cseq: 0, purpose: .unregister, contact: target, removing: removing, attempt: attempt, followsRewrite: false))
    }

    private mutating func send(_ planned: Outstanding) -> [RegistrationAction] {
        var next = planned
        cseq &+= 1
        next.cseq = cseq
        let seconds = next.purpose == .register ? expires : 0
        var request = builder.request(cseq: cseq, contact: next.contact, expires: seconds, removing: next.removing)
        do {
            try authorizer.authorize(&request)
        } catch {
            return fail(.unsupportedChallenge(error.description), retry: false, purpose: next.purpose)
        }
        outstanding = next
        return [.send(request)]
    }

    /// Reports a failure and, when `retry`, schedules the RFC 5626 §4.5 back-off; a server's
    /// Retry-After (RFC 3261 §20.33) lengthens the wait, never beyond max-time.
    mutating func fail(
        _ failure: RegistrationFailure, retry: Bool, retryAfter hint: Int? = nil,
        purpose: Outstanding.Purpose = .register
    ) -> [RegistrationAction] {
        if purpose == .unregister || pending == .unregister { return finishUnregistering(afterFailure: true) }
        var wait: Duration?
        if retry {
            failures += 1
            var backoff = parameters.backoff.wait(failures: failures, random: &random)
            if let hint { backoff = min(parameters.backoff.maxTime, max(backoff, .seconds(hint))) }
            wait = backoff
        }
        var actions = setState(.failed(failure, retryAfter: wait))
        if let wait { actions.append(.startTimer(.retry, after: wait)) }
        if case .reRegister(userAsked: true)? = pending {
            pending = nil
            actions += [.cancelTimer(.retry)] + setState(.registering) + sendRegister()
        } else {
            pending = nil
        }
        return actions
    }

    /// After the un-REGISTER's answer (or when the REGISTER before it failed): nothing more to
    /// remove. A `start()` that came meanwhile registers again.
    mutating func finishUnregistering(afterFailure: Bool = false) -> [RegistrationAction] {
        if afterFailure, pending == .unregister, binding != nil {
            // The REGISTER before stop() failed, but an older binding may still be on the server.
            pending = nil
            return sendUnregister()
        }
        binding = nil
        outdatedContact = nil
        let restart = pending.map { $0 != .unregister } ?? false
        pending = nil
        var actions = setState(.unregistered)
        if restart { actions += start() }
        return actions
    }
}
