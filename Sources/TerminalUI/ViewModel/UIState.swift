import Foundation

/// The tabs of the main pane, in the order the tab bar shows them.
public enum MainTab: String, Sendable, Hashable, CaseIterable {
    case dialer, contacts, history, messages, debug

    public var title: String {
        switch self {
        case .dialer: return "Dialer"
        case .contacts: return "Contacts"
        case .history: return "History"
        case .messages: return "Messages"
        case .debug: return "Debug"
        }
    }
}

/// Which area receives list movement keys.
public enum FocusedPane: Sendable, Hashable {
    case calls, main
}

/// A line of text being typed, and what it is for. When one is active, printable keys edit it
/// and only non-printable bindings (arrows, F-keys, Ctrl, enter, esc) act as commands.
public enum TextEntry: Sendable, Hashable {
    /// The dialer's number/URI field (completion from contacts and history).
    case dialer
    /// Search-as-you-type in the current tab's list.
    case search
    /// The `:` command prompt.
    case prompt
}

/// A modal overlay, drawn centred over everything else.
public enum Overlay: Sendable, Hashable {
    /// Key bindings, generated from the live key map.
    case help
    /// The command language's `help` output.
    case commands([String])
    /// No configuration file yet: where it goes and an offer to write a starter one there.
    case firstRun(configPath: String)
}

/// The whole UI: the engine's snapshot plus what only the UI knows. A value, so the reducer
/// is a pure function and every screen is a snapshot test.
public struct UIState: Sendable, Hashable {
    public var phone: PhoneSnapshot
    /// The wall clock as last told by a `.tick`; injected so rendering is deterministic.
    public var now: Date
    /// The zone clock times are shown in; injected so snapshots do not depend on the machine.
    public var timeZone: TimeZone
    public var columns: Int
    public var rows: Int

    public var tab: MainTab = .dialer
    public var focus: FocusedPane = .main
    public var textEntry: TextEntry?
    public var overlay: Overlay?

    /// The call selected in the calls area (the one keys act on).
    public var selectedCall: CallID?
    /// Incoming calls the user chose to ignore: they keep ringing in the calls area but no
    /// longer cover the screen.
    public var ignoredCalls: Set<CallID> = []
    /// DTMF keypad mode: digits go to the selected call instead of anywhere else.
    public var isKeypadActive = false

    public var dialerText = ""
    public var dialerAccount: String?
    /// The highlighted completion; nil means the text as typed.
    public var dialerCompletionIndex: Int?
    public var promptText = ""
    /// One line of feedback (a command error, "exported trace.pcap"), cleared by the next key.
    public var notice: String?

    public var contactsSearch = ""
    public var contactsSelection = 0
    public var historyFilter = HistoryFilter()
    public var historySelection = 0
    public var messagesSelection = 0
    public var debugFilter = DebugFilter()
    public var debugView: DebugView = .messages
    public var debugSelection = 0
    /// Lines scrolled in the selected message's raw text.
    public var debugRawScroll = 0
    /// The user asked to quit while calls were up: the next quit key confirms.
    public var isQuitPending = false
    /// Entries scrolled off the top of the help screen (when it is longer than the terminal).
    public var helpScroll = 0

    public init(
        phone: PhoneSnapshot = PhoneSnapshot(), now: Date, timeZone: TimeZone = .current, columns: Int = 80, rows: Int = 24
    ) {
        self.phone = phone
        self.now = now
        self.timeZone = timeZone
        self.columns = columns
        self.rows = rows
    }

    /// The incoming call the popup shows: the first one not ignored.
    public var incomingPopup: IncomingCall? {
        phone.incomingCalls.first { !ignoredCalls.contains($0.callID) }
    }

    /// The call keys act on: the selected one, else the first active, else the first.
    public var currentCall: CallRow? {
        if let id = selectedCall, let call = phone.calls.first(where: { $0.id == id }) { return call }
        return phone.calls.first(where: \.isActive) ?? phone.calls.first
    }
}

/// The debug pane's two views.
public enum DebugView: Sendable, Hashable {
    /// sngrep-like message list with the selected message's raw text.
    case messages
    /// Per-account registration steps.
    case registration
}

/// Restricts the debug pane to one account and/or one dialog.
public struct DebugFilter: Sendable, Hashable {
    public var account: String?
    public var callID: String?

    public init(account: String? = nil, callID: String? = nil) {
        self.account = account
        self.callID = callID
    }

    public func admits(_ row: SIPMessageRow) -> Bool {
        (account == nil || row.account == account) && (callID == nil || row.callID == callID)
    }
}
