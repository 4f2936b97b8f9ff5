/// What a piece of the screen *is* (a ringing call, a failed registration), never where it is
/// drawn: every screen that shows a ringing call asks for `.callRinging`, so a theme changes them
/// all at once (STYLE.md, "themes name roles").
///
/// A struct with a closed list rather than an enum so theme files can spell roles as they appear
/// on screen (`"call.ringing"`), while code still only gets roles from `Role.all`; an unknown
/// name in a file is a diagnostic, not a new role.
public struct Role: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The dotted name used as the key in a theme's `[roles]` table.
    public let name: String

    private init(_ name: String) { self.name = name }

    /// The known role with this exact name, or nil: themes cannot invent roles nothing draws.
    public init?(name: String) {
        guard let known = Role.all.first(where: { $0.name == name }) else { return nil }
        self = known
    }

    public var description: String { name }

    /// Orders by position in `Role.all`, so reports list roles in the documented order.
    public static func < (lhs: Role, rhs: Role) -> Bool {
        (Role.all.firstIndex(of: lhs) ?? 0) < (Role.all.firstIndex(of: rhs) ?? 0)
    }

    /// The status line at the top or bottom of every screen.
    public static let statusBar = Role("status_bar")
    /// An account whose REGISTER is in flight.
    public static let registrationRegistering = Role("registration.registering")
    /// An account registered with its registrar.
    public static let registrationRegistered = Role("registration.registered")
    /// An account whose registration was refused or timed out.
    public static let registrationFailed = Role("registration.failed")
    /// Message-waiting indication (RFC 3842) says there is voicemail.
    public static let voicemailWaiting = Role("voicemail.waiting")
    /// An outgoing call before the far end rings.
    public static let callDialling = Role("call.dialling")
    /// A call that is ringing (either direction): the thing the user must notice.
    public static let callRinging = Role("call.ringing")
    /// A call playing early media (183 Session Progress) before it is answered.
    public static let callEarlyMedia = Role("call.early_media")
    /// An answered, active call.
    public static let callTalking = Role("call.talking")
    /// A call we put on hold.
    public static let callOnHold = Role("call.on_hold")
    /// A call the other party put on hold.
    public static let callHeldByRemote = Role("call.held_by_remote")
    /// A call the peer stopped sending audio on (no RTP for `no_rtp_timeout`): one-way audio,
    /// a NAT or firewall problem, or a dead peer; a warning the user must see at once.
    public static let callNoMedia = Role("call.no_media")
    /// A call whose media is SRTP-protected.
    public static let callEncrypted = Role("call.encrypted")
    /// A call whose media is plain RTP: shown so the user is never misled about privacy.
    public static let callUnencrypted = Role("call.unencrypted")
    /// An answered incoming call in the history list.
    public static let historyIncoming = Role("history.incoming")
    /// An outgoing call in the history list.
    public static let historyOutgoing = Role("history.outgoing")
    /// An unanswered incoming call in the history list.
    public static let historyMissed = Role("history.missed")
    /// The highlighted row of any list.
    public static let listSelected = Role("list.selected")
    /// A SIP request in the debug view.
    public static let debugRequest = Role("debug.request")
    /// A 1xx–3xx SIP response in the debug view.
    public static let debugResponseOK = Role("debug.response_ok")
    /// A 4xx–6xx SIP response in the debug view.
    public static let debugResponseError = Role("debug.response_error")
    /// A lint finding or explanation attached to a message in the debug view.
    public static let debugDiagnosis = Role("debug.diagnosis")
    /// The `:` command prompt.
    public static let prompt = Role("prompt")

    /// Every role, in the order the shipped theme files list them.
    public static let all: [Role] = [
        statusBar, registrationRegistering, registrationRegistered, registrationFailed,
        voicemailWaiting, callDialling, callRinging, callEarlyMedia, callTalking, callOnHold,
        callHeldByRemote, callNoMedia, callEncrypted, callUnencrypted, historyIncoming, historyOutgoing,
        historyMissed, listSelected, debugRequest, debugResponseOK, debugResponseError,
        debugDiagnosis, prompt,
    ]
}
