import SIPRegistration
import SIPTransport

/// An account as the UI shows it: registration state with the one-line reason of a failure,
/// the server that answered, and the voicemail counts.
public struct AccountSnapshot: Sendable, Hashable {
    public enum Status: Sendable, Hashable {
        case disabled
        case idle
        case registering
        /// `refreshAt` is on the engine's clock (see `PhoneEngine.now`).
        case registered(expires: Int, refreshAt: Duration)
        /// `diagnosis` names the cause and the fix; `retryAt` is nil when no retry is planned.
        case failed(diagnosis: String, retryAt: Duration?)
        case unregistering
        case unregistered
    }

    public var name: String
    public var aor: String
    public var status: Status
    /// `udp 192.0.2.1:5060` — the target that answered the last REGISTER.
    public var server: String?
    public var contactSent: String?
    public var contactSeen: String?
    /// The public address the server saw, when it differs from ours (NAT).
    public var publicAddress: String?
    public var tls: TLSDetails?
    public var voicemail: MessageSummary?

    public init(name: String, aor: String, status: Status) {
        self.name = name
        self.aor = aor
        self.status = status
    }
}
