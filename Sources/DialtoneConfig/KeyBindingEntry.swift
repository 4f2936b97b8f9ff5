/// One `[ui.keys]` entry, unvalidated: the UI owns the action names and key syntax, so it checks
/// them and uses `line` for its own diagnostics.
public struct KeyBindingEntry: Sendable, Hashable {
    public var action: String
    public var key: String
    public var line: Int?

    public init(action: String, key: String, line: Int?) {
        self.action = action
        self.key = key
        self.line = line
    }
}
