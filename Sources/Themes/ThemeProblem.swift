/// What is wrong with a theme file, one case per thing a user must fix differently. Carried by a
/// `ThemeDiagnostic`, which adds where (file, line, key).
public enum ThemeProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read or is not UTF-8 (the reason from the system).
    case unreadable(reason: String)
    /// TOML syntax error, message from the TOML parser (toml++ via TOMLKit).
    case syntax(message: String)
    /// No `name = "..."` (or an empty one): every theme must say what it is called.
    case missingName
    /// A key the format does not define (a typo, or a setting from another program).
    case unknownKey(String, suggestion: String?)
    /// A key under `[roles]` that is not one of `Role.all`.
    case unknownRole(String, suggestion: String?)
    /// A colour spelling that is none of the ANSI names, `default`, `colorN` or `#rrggbb`.
    case unknownColor(String, suggestion: String?)
    /// Starts with `#` but is not exactly six hex digits.
    case badHex(String)
    /// `colorN` with N above 255.
    case colorIndexOutOfRange(String)
    /// An `attrs` entry that is not a `TextAttribute`.
    case unknownAttribute(String, suggestion: String?)
    /// A value of the wrong TOML type, e.g. `fg = 1` or `attrs = "bold"`.
    case wrongType(expected: String, found: String)
    /// A configured theme name that is not a plain file name (contains `/`, starts with `.`).
    case invalidThemeName(String)
    /// No `<name>.toml` in any theme directory and no built-in of that name.
    case themeNotFound(String, searched: [String])

    public var description: String {
        switch self {
        case .unreadable(let reason): return "cannot read theme: \(reason)"
        case .syntax(let message): return "TOML syntax error: \(message)"
        case .missingName: return "missing `name = \"...\"`"
        case .unknownKey(let key, let hint): return "unknown key \"\(key)\"" + Self.hint(hint)
        case .unknownRole(let role, let hint): return "unknown role \"\(role)\"" + Self.hint(hint)
        case .unknownColor(let color, let hint): return "unknown colour \"\(color)\"" + Self.hint(hint)
        case .badHex(let text): return "bad hex colour \"\(text)\" (expected #rrggbb)"
        case .colorIndexOutOfRange(let text): return "colour index out of range in \"\(text)\" (0-255)"
        case .unknownAttribute(let attr, let hint): return "unknown attribute \"\(attr)\"" + Self.hint(hint)
        case .wrongType(let expected, let found): return "expected \(expected), found \(found)"
        case .invalidThemeName(let name): return "invalid theme name \"\(name)\""
        case .themeNotFound(let name, let searched):
            return "theme \"\(name)\" not found in " + searched.joined(separator: ", ")
        }
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
    }
}
