import TOMLKit

/// The `[ui]` table. Key bindings are kept raw: the UI owns the action names and key syntax.
extension ConfigValidator {
    mutating func ui(_ table: TOMLTable?) -> UISettings {
        var settings = UISettings()
        guard let table else { return settings }
        let path = ConfigKeyPath.root.appending("ui")
        rejectUnknownKeys(in: table, at: path, known: ["theme", "keys", "bell", "notify_command"])
        if let theme = singleLineString(table, "theme", at: path) {
            if theme.isEmpty { report("must not be empty", at: path.appending("theme")) }
            settings.theme = theme
        }
        settings.bell = bool(table, "bell", at: path) ?? true
        settings.notifyCommand = notifyCommand(table, at: path)
        guard let keys = self.table(table, "keys", at: path) else { return settings }
        var entries: [KeyBindingEntry] = []
        for action in keys.keys {
            let keyPath = path.appending("keys").appending(action)
            guard let value = keys[action] else { continue }
            guard let key = value.string else {
                wrongType(value, expected: "a key string such as \"ctrl-d\"", at: keyPath)
                continue
            }
            entries.append(KeyBindingEntry(action: action, key: key, line: line(of: keyPath)))
        }
        settings.keys = entries.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        return settings
    }

    /// `notify_command = ["notify-send", "Call"]`: an argument vector, so no shell ever parses it.
    private mutating func notifyCommand(_ table: TOMLTable, at path: ConfigKeyPath) -> [String] {
        guard let entries = array(table, "notify_command", at: path) else { return [] }
        var words: [String] = []
        for (position, element) in entries {
            if let word = string(element: element, at: path.appending("notify_command").appending(.element(position))) {
                words.append(word)
            }
        }
        if words.first?.isEmpty == true { report("the program name must not be empty", at: path.appending("notify_command")) }
        return words
    }
}
