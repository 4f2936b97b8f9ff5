/// Everything a key can be bound to. The `name` is what config files use (`hang_up = "h"`) and
/// what the help screen lists; each action has one short hint for the bottom line.
public enum UIAction: String, Sendable, Hashable, CaseIterable {
    // Calls
    case answer, reject, ignore
    case hangUp = "hang_up"
    case toggleHold = "hold"
    case nextCall = "next_call"
    case previousCall = "previous_call"
    case blindTransfer = "transfer"
    case consultTransfer = "consult"
    case completeTransfer = "complete_transfer"
    case keypad
    case toggleMute = "mute"
    case toggleRecord = "record"
    // Tabs and focus
    case dialer
    case showContacts = "contacts"
    case showHistory = "history"
    case showMessages = "messages"
    case showDebug = "debug"
    case nextTab = "next_tab"
    case previousTab = "previous_tab"
    case switchFocus = "switch_focus"
    // Lists
    case moveUp = "up"
    case moveDown = "down"
    case pageUp = "page_up"
    case pageDown = "page_down"
    case activate
    case cancel
    case search
    case cycleFilter = "filter"
    case cycleAccountFilter = "filter_account"
    case toggleDebugView = "debug_view"
    case redial
    case addToContacts = "add_contact"
    case edit
    case delete
    case sendMessage = "message"
    case exportTrace = "export"
    // Global
    case commandPrompt = "command"
    case cycleTheme = "theme"
    case help, quit

    public var name: String { rawValue }

    /// What the action does, in the few words the hint line and help screen show.
    public var hint: String {
        switch self {
        case .answer: return "answer"
        case .reject: return "reject"
        case .ignore: return "ignore"
        case .hangUp: return "hang up"
        case .toggleHold: return "hold/resume"
        case .nextCall: return "next call"
        case .previousCall: return "previous call"
        case .blindTransfer: return "transfer"
        case .consultTransfer: return "consult"
        case .completeTransfer: return "complete transfer"
        case .keypad: return "keypad"
        case .toggleMute: return "mute"
        case .toggleRecord: return "record"
        case .dialer: return "dial"
        case .showContacts: return "contacts"
        case .showHistory: return "history"
        case .showMessages: return "messages"
        case .showDebug: return "debug"
        case .nextTab: return "next tab"
        case .previousTab: return "previous tab"
        case .switchFocus: return "switch pane"
        case .moveUp: return "up"
        case .moveDown: return "down"
        case .pageUp: return "page up"
        case .pageDown: return "page down"
        case .activate: return "call/open"
        case .cancel: return "cancel"
        case .search: return "search"
        case .cycleFilter: return "filter"
        case .cycleAccountFilter: return "account filter"
        case .toggleDebugView: return "debug view"
        case .redial: return "redial"
        case .addToContacts: return "add to contacts"
        case .edit: return "edit"
        case .delete: return "delete"
        case .sendMessage: return "message"
        case .exportTrace: return "export trace"
        case .commandPrompt: return "command"
        case .cycleTheme: return "next theme"
        case .help: return "help"
        case .quit: return "quit"
        }
    }

    /// The help screen's sections.
    public enum Group: String, Sendable, CaseIterable {
        case calls = "Calls", navigation = "Navigation", lists = "Lists", global = "General"
    }

    public var group: Group {
        switch self {
        case .answer, .reject, .ignore, .hangUp, .toggleHold, .nextCall, .previousCall, .blindTransfer,
            .consultTransfer, .completeTransfer, .keypad, .toggleMute, .toggleRecord:
            return .calls
        case .dialer, .showContacts, .showHistory, .showMessages, .showDebug, .nextTab, .previousTab, .switchFocus:
            return .navigation
        case .moveUp, .moveDown, .pageUp, .pageDown, .activate, .cancel, .search, .cycleFilter, .cycleAccountFilter,
            .toggleDebugView, .redial, .addToContacts, .edit, .delete, .sendMessage, .exportTrace:
            return .lists
        case .commandPrompt, .cycleTheme, .help, .quit:
            return .global
        }
    }
}
