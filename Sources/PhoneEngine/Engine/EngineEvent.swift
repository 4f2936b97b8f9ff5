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
    /// A call's state changed (the whole snapshot; the last one has state `ended`).
    case call(CallSnapshot)
    /// Something happened to a call once (ringing, answered, DTMF, ended, …).
    case callEvent(CallNotification)
    /// A SIP MESSAGE arrived (RFC 3428).
    case message(InstantMessageNotification)
}
