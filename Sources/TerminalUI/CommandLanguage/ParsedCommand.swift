/// Which call a command means, before it is resolved against the calls on screen. `answer 2`
/// says "the second call in the list"; a bare `answer` says "the call that makes sense".
public enum CallSelector: Sendable, Hashable {
    /// The selected call, or the ringing one for `answer`.
    case current
    /// The n-th call as numbered in the calls area, from 1.
    case number(Int)
    /// A call by its engine identifier (the control socket's events carry it).
    case id(CallID)
}

/// One line of the command language, parsed but not yet resolved: no state was needed to get
/// here, so the control socket can parse with the same function and resolve against the
/// engine's calls instead of the screen's.
public enum ParsedCommand: Sendable, Hashable {
    case call(target: String, account: String?)
    case answer(CallSelector)
    case reject(CallSelector)
    case hangUp(CallSelector)
    case hold(CallSelector)
    case resume(CallSelector)
    case transfer(target: String, call: CallSelector)
    case consult(target: String, call: CallSelector)
    case completeTransfer
    case dtmf(digits: String, call: CallSelector)
    case mute(Bool, call: CallSelector)
    /// `record on 2 file=~/calls/bob.wav`: `file` only with `on`.
    case record(Bool, call: CallSelector, file: String? = nil)
    case message(to: String, text: String, account: String?)
    case register(account: String)
    case unregister(account: String)
    case enable(account: String)
    case disable(account: String)
    case addContact(name: String, address: String)
    /// Replaces a contact's name and addresses (the rest of its vCard is kept).
    case editContact(id: String, name: String, addresses: [String])
    case deleteContact(id: String)
    case deleteHistory(id: String)
    case export(path: String, format: TraceFormat)
    case help(topic: String?)
    /// `dates 2026-11-01 2026-11-20`: the history lists calls from the first day to the last,
    /// both included; `dates 7d` from a week ago on; a bare `dates` lists every date again.
    case dates(from: DaySpec?, to: DaySpec?)
    /// `theme light`; a bare `theme` goes to the next shipped theme.
    case theme(name: String?)
    /// `audio playback=headset capture=headset-mic`; nil is the server's default device.
    case audio(playback: String?, capture: String?)
    case devices
    case quit
}
