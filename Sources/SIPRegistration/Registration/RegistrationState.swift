import SIPSyntax

/// Where a registration stands, as the UI shows it.
public enum RegistrationState: Sendable, Hashable {
    case idle
    /// A REGISTER is outstanding and no binding is known to be usable (first registration,
    /// retry after failure, re-registration after a dead flow or a new local address).
    /// Routine refreshes keep `.registered`: the binding stays valid meanwhile.
    case registering
    case registered(RegistrationBinding)
    /// `retryAfter` nil: the machine will not retry by itself.
    case failed(RegistrationFailure, retryAfter: Duration?)
    case unregistering
    /// After `stop()` completed, or when there was nothing to remove.
    case unregistered
}

/// The public address the registrar saw us at (RFC 3581 §4: `received` and `rport` of the top Via).
public struct ObservedAddress: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// A binding the registrar accepted (RFC 3261 §10.3 step 8: the 200 lists the current bindings).
public struct RegistrationBinding: Sendable, Hashable {
    /// Seconds granted by the server.
    public var expires: Int
    /// When the refresh timer was set to fire.
    public var refreshAfter: Duration
    public var contactSent: SIPURI
    /// Our binding as the registrar lists it in the 200's Contact.
    public var contactSeen: SIPURI?
    /// From the top Via's `received`/`rport`, when present.
    public var publicAddress: ObservedAddress?
    /// The registrar said `Require: outbound` or `Supported: outbound` (RFC 5626 §4.2.1).
    public var outbound: Bool
    /// Service-Route (RFC 3608 §6): the route to preload on requests from this registration.
    public var serviceRoute: [SIPURI]

    public init(
        expires: Int, refreshAfter: Duration, contactSent: SIPURI, contactSeen: SIPURI? = nil,
        publicAddress: ObservedAddress? = nil, outbound: Bool = false, serviceRoute: [SIPURI] = []
    ) {
        self.expires = expires
        self.refreshAfter = refreshAfter
        self.contactSent = contactSent
        self.contactSeen = contactSeen
        self.publicAddress = publicAddress
        self.outbound = outbound
        self.serviceRoute = serviceRoute
    }
}

/// Why a registration failed.
public enum RegistrationFailure: Sendable, Hashable {
    /// 401/407 again after we answered a fresh challenge (not stale): wrong username or password.
    case rejectedCredentials(statusCode: Int)
    /// Challenged, but the account has no credentials.
    case noCredentials(statusCode: Int)
    /// A challenge we cannot answer (unknown algorithm, only unknown qop, realm mismatch…).
    case unsupportedChallenge(String)
    case forbidden(reason: String)
    case notFound(reason: String)
    /// 423 that cannot be satisfied (RFC 3261 §10.2.8): no or absurd Min-Expires, or repeated.
    case intervalTooBrief(minExpires: Int?)
    /// The transaction layer's local 408: no target answered.
    case timeout
    /// The transaction layer's local 503: the transport failed.
    case transportError(reason: String)
    /// 5xx/6xx from the server.
    case serverError(statusCode: Int, reason: String)
    case unexpected(statusCode: Int, reason: String)
}
