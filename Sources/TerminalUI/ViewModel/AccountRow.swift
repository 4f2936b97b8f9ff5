/// One configured account as the status bar shows it. A plain value: the engine adapter builds
/// it from registration events, so the UI never sees SIP internals (STYLE.md layering).
public struct AccountRow: Sendable, Hashable {
    /// Where an account's registration stands. One case per thing the user must read
    /// differently; the failed case carries the one-line reason so nobody has to open the
    /// debug pane to learn *why* (issue 7, status bar).
    public enum RegistrationState: Sendable, Hashable {
        case registering
        /// Registered; the binding is refreshed in `refreshInSeconds`.
        case registered(refreshInSeconds: Int)
        case failed(reason: String)
        case disabled
    }

    /// The account's configured name (`work`, `home`), also what commands take (`account=work`).
    public var name: String
    public var registration: RegistrationState
    /// Message-waiting counts (RFC 3842 `Voice-Message: new/old`).
    public var voicemailNew: Int
    public var voicemailOld: Int

    public init(name: String, registration: RegistrationState, voicemailNew: Int = 0, voicemailOld: Int = 0) {
        self.name = name
        self.registration = registration
        self.voicemailNew = voicemailNew
        self.voicemailOld = voicemailOld
    }
}
