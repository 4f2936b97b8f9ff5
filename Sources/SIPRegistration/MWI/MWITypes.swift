import SIPAuth
import SIPSyntax

/// What one message-waiting subscription asks for (RFC 3842 §3, RFC 6665 §4.1).
public struct MWIParameters: Sendable {
    /// The account whose mailbox is watched: Request-URI, To and From of the SUBSCRIBE
    /// (RFC 3842 §3.6: subscribe to the user's own AOR).
    public var aor: SIPURI
    public var contact: SIPURI
    public var displayName: String?
    public var credentials: UserCredentials?
    /// RFC 3842 §3.4: one hour when the subscriber does not say.
    public var requestedExpires: Int
    public var userAgent: String
    public var extraHeaders: [(name: String, value: String)]
    public var backoff: RegistrationBackoff
    /// Preloaded on the initial SUBSCRIBE, e.g. the registration's Service-Route (RFC 3608 §6).
    public var initialRoute: [SIPURI]

    public init(
        aor: SIPURI, contact: SIPURI, displayName: String? = nil, credentials: UserCredentials? = nil,
        requestedExpires: Int = 3600, userAgent: String = "Dialtone",
        extraHeaders: [(name: String, value: String)] = [], backoff: RegistrationBackoff = RegistrationBackoff(),
        initialRoute: [SIPURI] = []
    ) {
        self.aor = aor
        self.contact = contact
        self.displayName = displayName
        self.credentials = credentials
        self.requestedExpires = requestedExpires
        self.userAgent = userAgent
        self.extraHeaders = extraHeaders
        self.backoff = backoff
        self.initialRoute = initialRoute
    }
}

public enum MWITimer: Sendable, Hashable {
    /// Refresh the subscription in its dialog before it expires (RFC 6665 §4.1.2.2).
    case refresh
    /// Subscribe anew after a failure or a termination that allows it.
    case retry
}

public enum MWIAction: Sendable {
    /// Send this SUBSCRIBE in a new client transaction (no Via: the transaction layer adds it).
    case send(SIPRequest)
    case startTimer(MWITimer, after: Duration)
    case cancelTimer(MWITimer)
    case stateChanged(MWIState)
    /// A NOTIFY brought new counts.
    case summary(MessageSummary)
}

public enum MWIState: Sendable, Hashable {
    case idle
    /// The initial SUBSCRIBE is outstanding.
    case subscribing
    /// RFC 6665 §4.1.3 `active`: notifications flow; `expires` seconds granted.
    case active(expires: Int)
    /// RFC 6665 §4.1.3 `pending`: the notifier has not authorized us yet.
    case pending(expires: Int)
    /// `retryAfter` nil: no more attempts.
    case failed(MWIFailure, retryAfter: Duration?)
    /// The server does not offer message-summary to us (489 Bad Event, 403, 404, 405, 501): no
    /// more attempts (RFC 6665 §4.1.2.1).
    case unsupported(statusCode: Int, reason: String)
    case unsubscribing
    /// Ended for good: by the notifier (`rejected`, `noresource`, `invariant`) or after `stop()`.
    case terminated(reason: String?)
}

public enum MWIFailure: Sendable, Hashable {
    case rejectedCredentials(statusCode: Int)
    case noCredentials(statusCode: Int)
    case unsupportedChallenge(String)
    case intervalTooBrief(minExpires: Int?)
    case timeout
    case transportError(reason: String)
    case serverError(statusCode: Int, reason: String)
    case unexpected(statusCode: Int, reason: String)
    /// The notifier ended the subscription with this reason (`probation`, `giveup`, or none).
    case terminatedByNotifier(reason: String?)
}
