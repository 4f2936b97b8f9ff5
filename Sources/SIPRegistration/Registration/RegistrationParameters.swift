import SIPAuth
import SIPSyntax

/// What one account registers, and how (RFC 3261 §10.2, RFC 5626 §4.2).
public struct RegistrationParameters: Sendable {
    /// The address-of-record: To and From of every REGISTER (RFC 3261 §10.2).
    public var aor: SIPURI
    /// The Request-URI: the registrar's domain, without user part (RFC 3261 §10.2).
    public var registrar: SIPURI
    /// Where we are reachable; the binding we ask for.
    public var contact: SIPURI
    public var displayName: String?
    /// nil: a challenge fails the registration with `.noCredentials`.
    public var credentials: UserCredentials?
    /// Seconds asked for in `Expires` and the Contact `expires` parameter.
    public var requestedExpires: Int
    /// `urn:uuid:…` for RFC 5626 outbound (`+sip.instance`, §4.1); nil registers without outbound.
    public var instanceID: String?
    /// RFC 5626 §4.2 `reg-id`: which of the instance's flows this registration is.
    public var regID: Int
    public var userAgent: String
    /// Added verbatim to every REGISTER, after the standard headers.
    public var extraHeaders: [(name: String, value: String)]
    public var backoff: RegistrationBackoff
    /// The methods we accept, for `Allow` (RFC 3261 §10.2: a REGISTER may list them).
    public var allow: [SIPMethod]
    /// Option tags for `Supported`; `path` and `outbound` are added when `instanceID` is set.
    public var supported: [String]

    public init(
        aor: SIPURI, registrar: SIPURI? = nil, contact: SIPURI, displayName: String? = nil,
        credentials: UserCredentials? = nil, requestedExpires: Int = 600, instanceID: String? = nil,
        regID: Int = 1, userAgent: String = "Dialtone", extraHeaders: [(name: String, value: String)] = [],
        backoff: RegistrationBackoff = RegistrationBackoff(),
        allow: [SIPMethod] = RegistrationParameters.defaultAllow, supported: [String] = ["replaces"]
    ) {
        self.aor = aor
        self.registrar = registrar ?? SIPURI(isSecure: aor.isSecure, host: aor.host, port: aor.port)
        self.contact = contact
        self.displayName = displayName
        self.credentials = credentials
        self.requestedExpires = requestedExpires
        self.instanceID = instanceID
        self.regID = regID
        self.userAgent = userAgent
        self.extraHeaders = extraHeaders
        self.backoff = backoff
        self.allow = allow
        self.supported = supported
    }

    public static let defaultAllow: [SIPMethod] = [
        .invite, .ack, .cancel, .bye, .options, .notify, .refer, .message, .info, .update, .prack,
    ]

    /// Whether this registration uses SIP outbound (RFC 5626 §4.2).
    public var usesOutbound: Bool { instanceID != nil }
}
