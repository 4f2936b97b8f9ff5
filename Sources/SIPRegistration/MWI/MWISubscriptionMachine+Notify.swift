import SIPSyntax

extension MWISubscriptionMachine {
    /// A NOTIFY that the driver matched to this subscription's Call-ID (or any NOTIFY; the
    /// machine checks). Returns the status to answer with and the actions.
    ///
    /// 481 outside the subscription's dialog (RFC 6665 §4.1.3), 489 for another event package,
    /// 400 for a missing Subscription-State or a body that does not parse (the old counts stay),
    /// 500 for a CSeq lower than one already seen (RFC 3261 §12.2.2).
    public mutating func notifyReceived(_ request: SIPRequest) -> (responseStatus: Int, actions: [MWIAction]) {
        guard request.method == .notify else { return (405, []) }
        guard request.headers[.callID] == identity.callID, (try? request.headers.to)?.tag == identity.localTag,
              let remoteTag = (try? request.headers.from)?.tag else { return (481, []) }
        if let dialog, dialog.remoteTag != remoteTag { return (481, []) }
        guard let event = try? request.headers.event, event.package.lowercased() == SubscribeRequestBuilder.eventPackage else {
            return (489, [])
        }
        guard let subscriptionState = try? request.headers.subscriptionState else { return (400, []) }
        guard let cseq = HeaderReading.cseqNumber(request.headers) else { return (400, []) }
        if let last = dialog?.remoteCSeq, cseq <= last { return (500, []) }
        var summary: MessageSummary?
        if !request.body.isEmpty {
            guard let parsed = try? MessageSummary.parse(request.body) else { return (400, []) }
            summary = parsed
        }
        if dialog == nil {
            // RFC 6665 §4.1.2.4: a NOTIFY may overtake the 2xx; it establishes the dialog.
            guard outstanding?.purpose == .initial, let established = SubscriptionDialog.fromNotify(request) else { return (481, []) }
            dialog = established
        }
        dialog?.remoteCSeq = cseq
        var actions: [MWIAction] = []
        if let summary {
            lastSummary = summary
            actions.append(.summary(summary))
        }
        actions += apply(subscriptionState)
        return (200, actions)
    }

    /// RFC 6665 §4.1.3: what Subscription-State says about the subscription.
    private mutating func apply(_ subscriptionState: SIPSubscriptionState) -> [MWIAction] {
        switch state {
        case .unsubscribing, .terminated, .unsupported, .idle:
            return []  // we are ending it anyway (or it is over); just acknowledge
        case .subscribing, .active, .pending, .failed:
            break
        }
        let granted = subscriptionState.expires.map { Int($0) }
        switch subscriptionState.state {
        case .active, .pending:
            let seconds = granted ?? currentExpires
            let newState: MWIState = subscriptionState.state == .active ? .active(expires: seconds) : .pending(expires: seconds)
            var actions = setState(newState)
            // A shorter expiry than the 2xx granted moves the refresh earlier.
            if let granted, outstanding == nil, granted < currentExpires || currentExpires == 0 {
                actions.append(.startTimer(.refresh, after: RefreshSchedule.refreshAfter(granted: max(granted, 1), random: &random)))
            }
            return actions
        case .terminated:
            return terminated(reason: subscriptionState.reason?.lowercased(), retryAfter: subscriptionState.retryAfter.map { Int($0) })
        case .other:
            return []  // an extension substate (RFC 6665 §8.2.3) tells us nothing to act on
        }
    }

    private var currentExpires: Int {
        switch state {
        case .active(let expires), .pending(let expires): expires
        default: 0
        }
    }

    /// RFC 6665 §4.1.3: deactivated/timeout → subscribe again now; probation/giveup → after
    /// retry-after; rejected/noresource/invariant → do not; anything else → back off and retry.
    private mutating func terminated(reason: String?, retryAfter: Int?) -> [MWIAction] {
        dialog = nil
        outstanding = nil  // a refresh in flight belonged to the ended subscription
        let cancel: [MWIAction] = [.cancelTimer(.refresh)]
        switch reason {
        case "deactivated", "timeout":
            return cancel + subscribeAnew()
        case "rejected", "noresource", "invariant":
            return cancel + [.cancelTimer(.retry)] + setState(.terminated(reason: reason))
        default:
            failures += 1
            let wait = retryAfter.map { Duration.seconds($0) } ?? parameters.backoff.wait(failures: failures, random: &random)
            return cancel + setState(.failed(.terminatedByNotifier(reason: reason), retryAfter: wait)) + [.startTimer(.retry, after: wait)]
        }
    }
}
