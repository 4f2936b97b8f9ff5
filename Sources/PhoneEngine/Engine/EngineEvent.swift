import SIPRegistration
import SIPTransport

/// Everything the engine tells its users (UI, command line, control socket, tests), in order.
public enum EngineEvent: Sendable {
    /// An account's state changed (registration, voicemail, enabled).
    case account(AccountSnapshot)
    /// A step of an account's registration timeline.
    case registrationStep(account: String, RegistrationStep)
    /// A SIP message crossed the wire (credentials redacted in `text`).
    case trace(TraceEntry)
    /// Something the user should see once: a configuration warning, an insecure TLS setting.
    case notice(String)
}
