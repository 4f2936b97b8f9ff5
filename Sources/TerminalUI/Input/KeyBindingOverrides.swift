/// One `[keys]` entry from the config file: `hang_up = "C-h"` on line 12.
public struct KeyBindingOverride: Sendable, Hashable {
    public var action: String
    public var key: String
    public var line: Int

    public init(action: String, key: String, line: Int) {
        self.action = action
        self.key = key
        self.line = line
    }
}

/// What is wrong with a key-binding override, with the config line so the user can find it.
public enum KeyBindingError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownAction(String, line: Int, suggestion: String?)
    case unknownKey(String, line: Int)
    /// The same key given to two actions in the config itself.
    case conflictingKey(String, line: Int, action: String, otherAction: String, otherLine: Int)

    public var description: String {
        switch self {
        case .unknownAction(let name, let line, let suggestion):
            return "line \(line): unknown action \"\(name)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
        case .unknownKey(let key, let line):
            return "line \(line): unknown key \"\(key)\" (use a character, C-x, F1-F24, "
                + Key.namedKeys.map(\.0).joined(separator: ", ") + ", or none)"
        case .conflictingKey(let key, let line, let action, let otherAction, let otherLine):
            return "line \(line): key \"\(key)\" for \"\(action)\" is already bound to \"\(otherAction)\" on line \(otherLine)"
        }
    }
}

extension KeyMap {
    /// The defaults with `overrides` applied. An action listed several times gets all the keys
    /// given; `none` unbinds it. Every problem is reported, not only the first, so a user fixes
    /// the file in one go; on any error the caller should keep the defaults and show them.
    public static func applying(_ overrides: [KeyBindingOverride], to base: KeyMap = .defaults)
        -> Result<KeyMap, KeyBindingErrors>
    {
        var errors: [KeyBindingError] = []
        var keys: [UIAction: [Key]] = [:]
        var owner: [Key: (UIAction, Int)] = [:]
        let actionNames = UIAction.allCases.map(\.name)
        for entry in overrides {
            guard let action = UIAction(rawValue: entry.action) else {
                let suggestion = NameSuggestion.nearest(to: entry.action, in: actionNames)
                errors.append(.unknownAction(entry.action, line: entry.line, suggestion: suggestion))
                continue
            }
            if entry.key.lowercased() == "none" {
                if keys[action] == nil { keys[action] = [] }
                continue
            }
            guard let key = Key(name: entry.key) else {
                errors.append(.unknownKey(entry.key, line: entry.line))
                continue
            }
            if let (other, otherLine) = owner[key], other != action {
                errors.append(.conflictingKey(
                    entry.key, line: entry.line, action: action.name, otherAction: other.name, otherLine: otherLine))
                continue
            }
            owner[key] = (action, entry.line)
            keys[action, default: []].append(key)
        }
        guard errors.isEmpty else { return .failure(KeyBindingErrors(errors: errors)) }
        var map = base
        for action in UIAction.allCases {
            if let bound = keys[action] { map.bind(action, to: bound) }
        }
        return .success(map)
    }
}

/// All problems in a `[keys]` table.
public struct KeyBindingErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [KeyBindingError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
