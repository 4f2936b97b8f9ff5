/// Which key runs which action. One table serves the reducer, the hint line and the help
/// screen, so what the help says is always what the keys do (issue 7: help "generated from
/// the live key bindings").
public struct KeyMap: Sendable, Hashable {
    /// Each action's keys, first one shown in hints.
    public private(set) var keysByAction: [UIAction: [Key]]

    public init(keysByAction: [UIAction: [Key]]) {
        self.keysByAction = keysByAction
    }

    /// The action bound to `key`, if any.
    public func action(for key: Key) -> UIAction? {
        // Iterate in declaration order so a (misconfigured) duplicate resolves the same way every time.
        UIAction.allCases.first { keysByAction[$0]?.contains(key) == true }
    }

    public func keys(for action: UIAction) -> [Key] {
        keysByAction[action] ?? []
    }

    /// Binds `keys` to `action` alone: its previous keys go, and the keys are taken away from
    /// any other action (the user's explicit choice wins over a default).
    public mutating func bind(_ action: UIAction, to keys: [Key]) {
        for other in UIAction.allCases where other != action {
            keysByAction[other]?.removeAll { keys.contains($0) }
        }
        keysByAction[action] = keys
    }

    /// The shipped bindings. Letters for the frequent call actions (one key to answer), F-keys
    /// for tabs so they work even while typing in the dialer, arrows and Ctrl for movement.
    public static let defaults = KeyMap(keysByAction: [
        .answer: [.character("a")],
        .reject: [.character("x")],
        .ignore: [.character("i")],
        .hangUp: [.character("h")],
        .toggleHold: [.character("p")],
        .nextCall: [.character("s")],
        .previousCall: [.character("S")],
        .blindTransfer: [.character("t")],
        .consultTransfer: [.character("T")],
        .completeTransfer: [.control("t")],
        .keypad: [.character("k")],
        .toggleMute: [.character("m")],
        .toggleRecord: [.character("R")],
        .dialer: [.function(1), .character("d")],
        .showContacts: [.function(2), .character("c")],
        .showHistory: [.function(3), .character("l")],
        .showMessages: [.function(4), .character("M")],
        .showDebug: [.function(5), .character("g")],
        .nextTab: [.character("]")],
        .previousTab: [.character("[")],
        .switchFocus: [.tab],
        .moveUp: [.up, .control("p")],
        .moveDown: [.down, .control("n")],
        .pageUp: [.pageUp],
        .pageDown: [.pageDown],
        .activate: [.enter],
        .cancel: [.escape],
        .search: [.character("/")],
        .cycleFilter: [.character("f")],
        .cycleAccountFilter: [.character("F")],
        .toggleDebugView: [.character("v")],
        .redial: [.character("r")],
        .addToContacts: [.character("+")],
        .edit: [.character("e")],
        .delete: [.character("D")],
        .sendMessage: [.character("w")],
        .exportTrace: [.character("E")],
        .commandPrompt: [.character(":")],
        .cycleTheme: [.character("C")],
        .help: [.character("?"), .function(10)],
        .quit: [.character("q")],
    ])
}
