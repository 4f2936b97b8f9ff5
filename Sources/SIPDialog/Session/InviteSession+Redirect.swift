import SIPSyntax

extension InviteSession {
    /// 3xx (RFC 3261 §8.1.3.4): queue the Contacts not tried yet in q order (highest first,
    /// ties in the order given) and try the first. More than `maxRedirects` redirections, or a
    /// redirect that only names targets already tried, ends the call: that is a loop.
    mutating func followRedirect(_ response: SIPResponse, _ outgoing: OutgoingCall) -> [CallAction] {
        var outgoing = outgoing
        if outgoing.cancel != .notRequested { return end(.cancelled) }
        guard outgoing.redirect.followed < configuration.maxRedirects else { return end(.redirectLimitReached) }
        outgoing.redirect.followed += 1
        let contacts: [SIPAddress]
        if case .addresses(let addresses)? = try? response.headers.contact { contacts = addresses } else { contacts = [] }
        guard !contacts.isEmpty || !outgoing.redirect.pending.isEmpty else {
            return end(.failed(CallFailure(statusCode: response.statusCode, reasonPhrase: response.reasonPhrase)))
        }
        let ordered = contacts.enumerated()
            .sorted { ($0.element.q ?? 1, -$0.offset) > ($1.element.q ?? 1, -$1.offset) }
            .map(\.element.uri)
        for target in ordered where !outgoing.redirect.tried.contains(target) && !outgoing.redirect.pending.contains(target) {
            outgoing.redirect.pending.append(target)
        }
        guard !outgoing.redirect.pending.isEmpty else { return end(.redirectLimitReached) }
        return tryNextTarget(outgoing)
    }

    /// Sends the INVITE to the next queued target (a new transaction, CSeq + 1).
    mutating func tryNextTarget(_ outgoing: OutgoingCall) -> [CallAction] {
        var outgoing = outgoing
        guard !outgoing.redirect.pending.isEmpty else { return end(.redirectLimitReached) }
        let target = outgoing.redirect.pending.removeFirst()
        outgoing.redirect.tried.append(target)
        outgoing.invite = outgoing.nextInvite(uri: target)
        outgoing.earlyDialogs = []
        outgoing.earlyMediaTags = []
        outgoing.heardProvisional = false
        phase = .outgoing(outgoing)
        return [.event(.redirected(to: target)), .send(outgoing.invite)]
    }
}
