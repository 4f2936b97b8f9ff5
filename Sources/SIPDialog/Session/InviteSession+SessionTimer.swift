import SIPSyntax

extension InviteSession {
    /// Starts (or restarts, or stops) the session timer from the Session-Expires of the 2xx that
    /// concluded an INVITE/UPDATE (RFC 4028 §7.2, §9). `weAreUAC` says which side of that
    /// transaction we were: `refresher=uac` then means us.
    mutating func startSessionTimer(negotiatedBy response: SIPResponse, weAreUAC: Bool,
                                    _ call: inout EstablishedCall) -> [CallAction] {
        let stop: [CallAction] = [.cancelTimer(.sessionRefresh), .cancelTimer(.sessionExpiry)]
        guard let value = response.headers[.sessionExpires], let expires = SessionExpires.parse(value),
              expires.interval > 0 else {
            call.sessionTimer = nil
            return stop
        }
        let weRefresh = ((expires.refresher ?? .uac) == .uac) == weAreUAC
        call.sessionTimer = ActiveSessionTimer(interval: expires.interval, weRefresh: weRefresh)
        let interval = Duration.seconds(Int64(expires.interval))
        if weRefresh {
            return stop + [.startTimer(.sessionRefresh, after: interval / 2)]
        }
        // §10: BYE at the interval minus the smaller of 32 s and a third of it.
        let margin = min(Duration.seconds(32), interval / 3)
        return stop + [.startTimer(.sessionExpiry, after: interval - margin)]
    }

    /// Session-Expires (and Require: timer) for our 2xx to an INVITE/UPDATE carrying one
    /// (RFC 4028 §9): the interval as asked, the refresher as asked or the UAC when it supports
    /// timers, else us.
    func sessionTimerAnswerHeaders(for request: SIPRequest) -> [SIPHeaderField] {
        guard let value = request.headers[.sessionExpires], var expires = SessionExpires.parse(value) else { return [] }
        let uacSupports = ((try? request.headers.supported) ?? []).contains { $0.lowercased() == "timer" }
        if expires.refresher == nil { expires.refresher = uacSupports ? .uac : .uas }
        var headers = [SIPHeaderField(.sessionExpires, expires.serialized)]
        if uacSupports { headers.append(SIPHeaderField(.require, "timer")) }
        return headers
    }

    /// 422 for a Session-Expires below our Min-SE (RFC 4028 §8), 400 for one that does not parse.
    func sessionIntervalRefusal(_ request: SIPRequest) -> CallAction? {
        guard let value = request.headers[.sessionExpires] else { return nil }
        guard let expires = SessionExpires.parse(value) else {
            return rejecting(request, 400, "Bad Session-Expires")
        }
        let minimum = configuration.sessionTimer?.minimum ?? 90
        guard expires.interval < minimum else { return nil }
        return rejecting(request, 422, "Session Interval Too Small", extraHeaders: [SIPHeaderField(.minSE, String(minimum))])
    }

    /// Session-Expires for our re-INVITE: keep the running interval and refresher role.
    func sessionTimerRequestHeaders(_ call: EstablishedCall) -> [SIPHeaderField] {
        if let timer = call.sessionTimer {
            let refresher: SessionExpires.Refresher = timer.weRefresh ? .uac : .uas
            return [SIPHeaderField(.sessionExpires, SessionExpires(interval: timer.interval, refresher: refresher).serialized)]
        }
        guard let policy = configuration.sessionTimer else { return [] }
        return [SIPHeaderField(.sessionExpires, String(policy.interval))]
    }

    /// 422 to our INVITE (RFC 4028 §7.4): retry once with the server's Min-SE if it is larger.
    mutating func retryWithLongerSessionInterval(_ response: SIPResponse, _ outgoing: OutgoingCall) -> [CallAction] {
        var outgoing = outgoing
        let failure = CallEndReason.failed(CallFailure(statusCode: response.statusCode, reasonPhrase: response.reasonPhrase))
        let asked = outgoing.invite.headers[.sessionExpires].flatMap(SessionExpires.parse)?.interval ?? 0
        guard outgoing.cancel == .notRequested,
              let minimum = response.headers[.minSE].flatMap(SessionExpires.parse)?.interval, minimum > asked else {
            return end(failure)
        }
        outgoing.invite = outgoing.nextInvite()
        outgoing.invite.headers.set(.sessionExpires, String(minimum))
        outgoing.invite.headers.set(.minSE, String(minimum))
        phase = .outgoing(outgoing)
        return [.send(outgoing.invite)]
    }

    /// Half the interval passed and we are the refresher: re-INVITE with the same description.
    mutating func refreshSession(_ call: inout EstablishedCall) -> [CallAction] {
        guard call.sessionTimer?.weRefresh == true else { return [] }
        let actions = sendReoffer(.sessionRefresh, &call)
        phase = .established(call)
        return actions
    }

    /// No refresh arrived in time (RFC 4028 §10): end the call with BYE.
    mutating func sessionExpired(_ call: inout EstablishedCall) -> [CallAction] {
        guard call.sessionTimer != nil else { return [] }
        let bye = call.dialog.makeRequest(method: .bye, extraHeaders: call.credentialHeaders)
        return [.send(bye)] + end(.sessionExpired)
    }
}
