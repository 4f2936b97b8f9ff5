import SIPAuth
import SIPSyntax

/// The subscriber side of a message-summary subscription (RFC 6665 §4.1, RFC 3842), without
/// I/O: inputs return actions, NOTIFYs also return the status code to answer with.
///
/// One SUBSCRIBE is outstanding at a time; `stop()` while one is out is acted on after its
/// response.
public struct MWISubscriptionMachine: Sendable {
    public internal(set) var state: MWIState = .idle
    /// The last summary received, kept when a later NOTIFY's body does not parse.
    public internal(set) var lastSummary: MessageSummary?
    public let parameters: MWIParameters

    let builder: SubscribeRequestBuilder
    var random: InjectedRandom
    var authorizer: DigestAuthorizer
    var identity: SubscribeRequestBuilder.Identity
    var cseq: UInt32 = 0
    var dialog: SubscriptionDialog?
    var outstanding: Outstanding?
    var stopRequested = false
    var failures = 0
    var expires: Int
    var triedMinExpires: Set<Int> = []

    struct Outstanding: Sendable {
        enum Purpose: Sendable, Hashable {
            /// Out of dialog: creates the subscription.
            case initial
            /// In dialog: extends it (RFC 6665 §4.1.2.2).
            case refresh
            /// In dialog with Expires 0 (RFC 6665 §4.1.2.3).
            case unsubscribe
        }
        var cseq: UInt32
        var purpose: Purpose
        var attempt: DigestAuthorizer.Attempt
    }

    public init(
        parameters: MWIParameters, random: some RandomNumberGenerator & Sendable,
        cnonceSource: any RandomSource = SystemRandomSource()
    ) {
        var random = InjectedRandom(random)
        self.parameters = parameters
        self.builder = SubscribeRequestBuilder(parameters: parameters)
        self.identity = .init(callID: random.token(byteCount: 16), localTag: random.token(byteCount: 8))
        self.random = random
        self.authorizer = DigestAuthorizer(credentials: parameters.credentials, cnonceSource: cnonceSource)
        self.expires = parameters.requestedExpires
    }

    /// The Call-ID of the current subscription attempt.
    public var callID: String { identity.callID }

    /// Subscribes (again, after a failure or termination).
    public mutating func start() -> [MWIAction] {
        switch state {
        case .idle, .terminated, .failed, .unsupported:
            guard outstanding == nil else { return [] }
            stopRequested = false
            return [.cancelTimer(.retry)] + subscribeAnew()
        case .subscribing, .active, .pending, .unsubscribing:
            return []
        }
    }

    public mutating func timerFired(_ timer: MWITimer) -> [MWIAction] {
        guard outstanding == nil else { return [] }
        switch (timer, state) {
        case (.refresh, .active), (.refresh, .pending):
            guard dialog != nil else { return subscribeAnew() }
            return send(.refresh, attempt: .init())
        case (.retry, .failed):
            return subscribeAnew()
        case (.refresh, _), (.retry, _):
            return []
        }
    }

    /// Ends the subscription: SUBSCRIBE with Expires 0 in its dialog (RFC 6665 §4.1.2.3).
    public mutating func stop() -> [MWIAction] {
        let cancel: [MWIAction] = [.cancelTimer(.refresh), .cancelTimer(.retry)]
        switch state {
        case .unsubscribing, .terminated, .idle, .unsupported:
            return []
        case .subscribing, .active, .pending, .failed:
            if outstanding != nil {
                stopRequested = true
                return cancel + setState(.unsubscribing)
            }
            guard dialog != nil else { return cancel + setState(.terminated(reason: nil)) }
            return cancel + setState(.unsubscribing) + send(.unsubscribe, attempt: .init())
        }
    }

    /// A new subscription: fresh Call-ID and tag, no dialog (RFC 6665 §4.1.2.4).
    mutating func subscribeAnew() -> [MWIAction] {
        identity = .init(callID: random.token(byteCount: 16), localTag: random.token(byteCount: 8))
        dialog = nil
        return setState(.subscribing) + send(.initial, attempt: .init())
    }

    mutating func send(_ purpose: Outstanding.Purpose, attempt: DigestAuthorizer.Attempt) -> [MWIAction] {
        cseq &+= 1
        let seconds = purpose == .unsubscribe ? 0 : expires
        var request = builder.request(
            identity: identity, cseq: cseq, expires: seconds, dialog: purpose == .initial ? nil : dialog)
        do {
            try authorizer.authorize(&request)
        } catch {
            return fail(.unsupportedChallenge(error.description), retry: false)
        }
        outstanding = Outstanding(cseq: cseq, purpose: purpose, attempt: attempt)
        return [.send(request)]
    }

    mutating func setState(_ new: MWIState) -> [MWIAction] {
        guard new != state else { return [] }
        state = new
        return [.stateChanged(new)]
    }

    /// Reports a failure; with `retry`, a new subscription after the RFC 5626 §4.5 back-off
    /// (or the server's retry-after, when it gave one).
    mutating func fail(_ failure: MWIFailure, retry: Bool, retryAfter seconds: Int? = nil) -> [MWIAction] {
        dialog = nil
        if stopRequested { return finishStopping() }
        var wait: Duration?
        if retry {
            failures += 1
            wait = seconds.map { Duration.seconds($0) } ?? parameters.backoff.wait(failures: failures, random: &random)
        }
        var actions: [MWIAction] = [.cancelTimer(.refresh)] + setState(.failed(failure, retryAfter: wait))
        if let wait { actions.append(.startTimer(.retry, after: wait)) }
        return actions
    }

    mutating func finishStopping(reason: String? = nil) -> [MWIAction] {
        stopRequested = false
        return [.cancelTimer(.refresh), .cancelTimer(.retry)] + setState(.terminated(reason: reason))
    }
}
