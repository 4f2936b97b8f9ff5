import SDP
import SIPSyntax

/// Everything a session needs that the account and the media layer decide.
public struct InviteSessionConfiguration: Sendable {
    /// Our identity: From of our requests, To of the INVITEs we receive.
    public var localAddress: SIPAddress
    /// Our Contact (RFC 3261 §8.1.1.8): where the peer sends in-dialog requests.
    public var contact: URI
    /// What the media layer can send and receive: address, port, codecs, SRTP.
    public var media: LocalMediaCapabilities
    /// Credentials for 401/407 challenges; nil to give up on a challenge.
    public var credentials: CallCredentials?
    public var timers: RetransmissionTimers
    /// RFC 4028 session timers; nil to not ask for them (we still honour a peer's).
    public var sessionTimer: SessionTimerPolicy?
    /// 3xx responses followed before giving up (a loop guard).
    public var maxRedirects: Int
    /// Extra headers on the initial INVITE (per account, e.g. `P-Charge-Info`).
    public var extraHeaders: [SIPHeaderField]
    public var userAgent: String?

    public init(
        localAddress: SIPAddress, contact: URI, media: LocalMediaCapabilities,
        credentials: CallCredentials? = nil, timers: RetransmissionTimers = RetransmissionTimers(),
        sessionTimer: SessionTimerPolicy? = nil, maxRedirects: Int = 5,
        extraHeaders: [SIPHeaderField] = [], userAgent: String? = nil
    ) {
        self.localAddress = localAddress
        self.contact = contact
        self.media = media
        self.credentials = credentials
        self.timers = timers
        self.sessionTimer = sessionTimer
        self.maxRedirects = maxRedirects
        self.extraHeaders = extraHeaders
        self.userAgent = userAgent
    }
}

/// A username and password for digest challenges on calls (RFC 3261 §22.2). `realm`, when
/// set, restricts them to that realm. `description` never shows the password.
public struct CallCredentials: Sendable, Hashable, CustomStringConvertible {
    public var username: String
    public var password: String
    public var realm: String?

    public init(username: String, password: String, realm: String? = nil) {
        self.username = username
        self.password = password
        self.realm = realm
    }

    public var description: String { "CallCredentials(\(username), realm: \(realm ?? "any"))" }
}

/// RFC 4028 settings: the interval we ask for and the smallest we accept.
public struct SessionTimerPolicy: Hashable, Sendable {
    /// Session-Expires we request, seconds (RFC 4028 §4 recommends 1800).
    public var interval: UInt32
    /// Min-SE: the smallest interval we accept, at least 90 (RFC 4028 §5).
    public var minimum: UInt32

    public init(interval: UInt32 = 1800, minimum: UInt32 = 90) {
        self.interval = max(interval, max(minimum, 90))
        self.minimum = max(minimum, 90)
    }
}
