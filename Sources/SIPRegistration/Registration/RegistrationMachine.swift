import SIPAuth
import SIPSyntax

/// The client side of registration (RFC 3261 §10.2, RFC 5626 §4.2–4.5), without I/O: each input
/// returns the actions the driver performs (send, timers, state reports).
///
/// At most one REGISTER is outstanding (RFC 3261 §10.2: a UA must not send a new registration
/// until it has a final response to the previous one); inputs that would send while one is
/// outstanding are remembered in `pending` and acted on after its response.
public struct RegistrationMachine: Sendable {
    public internal(set) var state: RegistrationState = .idle
    /// The Contact currently registered or being registered (changes on NAT rewrite and
    /// `updateContact`).
    public internal(set) var contact: SIPURI
    public let parameters: RegistrationParameters

    let builder: RegisterRequestBuilder
    var random: InjectedRandom
    var authorizer: DigestAuthorizer
    var cseq: UInt32 = 0
    var outstanding: Outstanding?
    var pending: Pending?
    /// RFC 5626 §4.5 consecutive-failures; reset on success.
    var failures = 0
    /// What we ask for; raised by a 423's Min-Expires (RFC 3261 §10.2.8).
    var expires: Int
    var triedMinExpires: Set<Int> = []
    /// Observed public addresses already written into the Contact (at most one rewrite each).
    var rewrittenFor: Set<ObservedAddress> = []
    /// A Contact the registrar may still hold that must go (without outbound, RFC 3261 §10.2.2).
    var outdatedContact: SIPURI?
    /// The last binding the registrar accepted, assumed to exist until removed or replaced.
    var binding: RegistrationBinding?

    /// The REGISTER awaiting its final response.
    struct Outstanding: Sendable {
        enum Purpose: Sendable, Hashable { case register, unregister }
        var cseq: UInt32
        var purpose: Purpose
        var contact: SIPURI
        var removing: SIPURI?
        var attempt: DigestAuthorizer.Attempt
        /// Sent because of a NAT rewrite; its answer may not trigger another (no loops).
        var followsRewrite: Bool
    }

    /// Something asked for while a REGISTER was outstanding.
    enum Pending: Sendable, Hashable {
        /// `userAsked`: also re-send after a failure (the user or a new address wants it now);
        /// otherwise a failure's back-off wins.
        case reRegister(userAsked: Bool)
        case unregister
    }

    /// `random` supplies the Call-ID, From tag and timer jitter; `cnonceSource` the digest
    /// cnonces, which must stay unpredictable (RFC 7616 §5.11), hence the system CSPRNG by default.
    public init(
        parameters: RegistrationParameters, random: some RandomNumberGenerator & Sendable,
        cnonceSource: any RandomSource = SystemRandomSource()
    ) {
        var random = InjectedRandom(random)
        self.parameters = parameters
        self.contact = parameters.contact
        self.expires = parameters.requestedExpires
        self.builder = RegisterRequestBuilder(
            parameters: parameters, callID: random.token(byteCount: 16), fromTag: random.token(byteCount: 8))
        self.random = random
        self.authorizer = DigestAuthorizer(credentials: parameters.credentials, cnonceSource: cnonceSource)
    }

    /// The Call-ID shared by every REGISTER of this machine.
    public var callID: String { builder.callID }

    /// Sends the first REGISTER (or registers again after `stop()` or a failure).
    public mutating func start() -> [RegistrationAction] {
        switch state {
        case .idle, .unregistered:
            guard outstanding == nil else { return [] }
            return setState(.registering) + sendRegister()
        case .failed:
            guard outstanding == nil else { return [] }
            return [.cancelTimer(.retry)] + setState(.registering) + sendRegister()
        case .unregistering:
            pending = .reRegister(userAsked: true)
            return []
        case .registering, .registered:
            return []
        }
    }

    public mutating func timerFired(_ timer: RegistrationTimer) -> [RegistrationAction] {
        switch (timer, state) {
        case (.refresh, .registered):
            guard outstanding == nil else { return remember(.reRegister(userAsked: false)) }
            return sendRegister()
        case (.retry, .failed):
            guard outstanding == nil else { return remember(.reRegister(userAsked: false)) }
            return setState(.registering) + sendRegister()
        case (.refresh, _), (.retry, _):
            return []  // a timer the driver could not cancel in time
        }
    }

    /// RFC 5626 §4.4.1: when keep-alives show the flow is dead, register again at once over a
    /// new flow. Failures of that REGISTER back off as usual.
    public mutating func flowFailed() -> [RegistrationAction] {
        guard case .registered = state else {
            if case .registering = state, outstanding != nil { return remember(.reRegister(userAsked: false)) }
            return []
        }
        guard outstanding == nil else { return remember(.reRegister(userAsked: false)) }
        return [.cancelTimer(.refresh)] + setState(.registering) + sendRegister()
    }

    /// The user asked to register again now.
    public mutating func refreshNow() -> [RegistrationAction] {
        switch state {
        case .idle, .unregistered:
            return start()
        case .unregistering:
            return []
        case .registering, .registered, .failed:
            guard outstanding == nil else { return remember(.reRegister(userAsked: true)) }
            if case .failed = state { return [.cancelTimer(.retry)] + setState(.registering) + sendRegister() }
            return [.cancelTimer(.refresh)] + sendRegister()
        }
    }

    /// The local address changed: register the new Contact (and, without outbound, remove the
    /// old one in the same request, RFC 3261 §10.2.2; with outbound the reg-id replaces it,
    /// RFC 5626 §4.2.1).
    public mutating func updateContact(_ newContact: SIPURI) -> [RegistrationAction] {
        guard newContact != contact else { return [] }
        if let bound = binding?.contactSent, !parameters.usesOutbound, bound != newContact { outdatedContact = bound }
        contact = newContact
        rewrittenFor = []  // a new local address means a new NAT mapping
        switch state {
        case .idle, .unregistered, .unregistering:
            return []
        case .registering, .registered, .failed:
            guard outstanding == nil else { return remember(.reRegister(userAsked: true)) }
            return [.cancelTimer(.refresh), .cancelTimer(.retry)] + setState(.registering) + sendRegister()
        }
    }

    /// Removes our binding (Expires 0 for our Contact only — never `*`, which would remove the
    /// user's other devices too, RFC 3261 §10.2.2), then reports `.unregistered`.
    public mutating func stop() -> [RegistrationAction] {
        switch state {
        case .unregistering, .unregistered:
            return []
        case .idle, .registering, .registered, .failed:
            let cancel: [RegistrationAction] = [.cancelTimer(.refresh), .cancelTimer(.retry)]
            if outstanding != nil {
                pending = .unregister
                return cancel + setState(.unregistering)
            }
            guard binding != nil else { return cancel + setState(.unregistered) }
            return cancel + setState(.unregistering) + sendUnregister()
        }
    }

    mutating func setState(_ new: RegistrationState) -> [RegistrationAction] {
        guard new != state else { return [] }
        state = new
        return [.stateChanged(new)]
    }

    /// Keeps the strongest wish: an un-REGISTER beats a re-REGISTER, a user's request a timer's.
    mutating func remember(_ wish: Pending) -> [RegistrationAction] {
        switch (pending, wish) {
        case (.unregister?, _), (.reRegister(userAsked: true)?, .reRegister(userAsked: false)):
            break
        default:
            pending = wish
        }
        return []
    }
}
