import SIPAuth
import SIPSyntax

extension MWISubscriptionMachine {
    /// A final response to the outstanding SUBSCRIBE.
    public mutating func responseReceived(_ response: SIPResponse, origin: ResponseOrigin = .server) -> [MWIAction] {
        guard let current = outstanding, response.isFinal else { return [] }
        if let number = HeaderReading.cseqNumber(response.headers), number != current.cseq { return [] }
        outstanding = nil
        if current.purpose == .unsubscribe, !(origin == .server && [401, 407].contains(response.statusCode)) {
            return finishStopping()
        }
        switch origin {
        case .localTimeout: return fail(.timeout, retry: true)
        case .localTransportError(let reason): return fail(.transportError(reason: reason), retry: true)
        case .server: break
        }
        let reason = response.reasonPhrase
        switch response.statusCode {
        case 200..<300:
            return accepted(response, current)
        case 401, 407:
            return challenged(response, current)
        case 423:
            return intervalTooBrief(response, current)
        case 481 where current.purpose == .refresh:
            // RFC 6665 §4.1.2.2: the notifier no longer knows the subscription; start a new one.
            return stopRequested ? finishStopping() : subscribeAnew()
        case 403, 404, 405, 489, 501:
            // The server does not offer this package to us; asking again will not change that.
            dialog = nil
            if stopRequested { return finishStopping() }
            return [.cancelTimer(.refresh), .cancelTimer(.retry)]
                + setState(.unsupported(statusCode: response.statusCode, reason: reason))
        case 500..<700:
            return fail(.serverError(statusCode: response.statusCode, reason: reason), retry: true,
                        retryAfter: HeaderReading.retryAfter(response.headers))
        default:
            return fail(.unexpected(statusCode: response.statusCode, reason: reason), retry: true)
        }
    }

    /// RFC 6665 §4.1.2.1: the 2xx's Expires is what the notifier granted (it may shorten it).
    private mutating func accepted(_ response: SIPResponse, _ current: Outstanding) -> [MWIAction] {
        failures = 0
        triedMinExpires = []
        if dialog == nil {
            guard let established = SubscriptionDialog.fromResponse(response) else {
                return fail(.unexpected(statusCode: response.statusCode, reason: "2xx without To tag or Contact"), retry: true)
            }
            dialog = established
        }
        if stopRequested { return send(.unsubscribe, attempt: .init()) }
        let granted = HeaderReading.deltaSeconds(response.headers[.expires]) ?? expires
        guard granted > 0 else { return finishStopping(reason: "expired") }
        let newState: MWIState = switch state {
        case .pending: .pending(expires: granted)
        default: .active(expires: granted)
        }
        return setState(newState) + [.startTimer(.refresh, after: RefreshSchedule.refreshAfter(granted: granted, random: &random))]
    }

    private mutating func challenged(_ response: SIPResponse, _ current: Outstanding) -> [MWIAction] {
        var attempt = current.attempt
        let status = response.statusCode
        switch authorizer.accept(challengeIn: response, attempt: &attempt) {
        case .retry: return send(current.purpose, attempt: attempt)
        case .noCredentials: return fail(.noCredentials(statusCode: status), retry: false)
        case .rejected: return fail(.rejectedCredentials(statusCode: status), retry: true)
        case .unsupported(let why): return fail(.unsupportedChallenge(why), retry: false)
        }
    }

    /// RFC 6665 §4.1.2.1 / RFC 3261 §10.2.8 (same rule): retry with Min-Expires once per value.
    private mutating func intervalTooBrief(_ response: SIPResponse, _ current: Outstanding) -> [MWIAction] {
        let minimum = HeaderReading.deltaSeconds(response.headers[.minExpires])
        guard let minimum, minimum <= 1 << 31, minimum > expires, !triedMinExpires.contains(minimum) else {
            return fail(.intervalTooBrief(minExpires: minimum), retry: true)
        }
        triedMinExpires.insert(minimum)
        expires = minimum
        return send(current.purpose, attempt: current.attempt)
    }
}
