/// A key press, as bindings name it and as the terminal backend decodes it.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    /// A printable character, including space (`space` in config files).
    case character(Character)
    /// Ctrl with a letter (`C-x`), always lowercase.
    case control(Character)
    /// F1…F24.
    case function(Int)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, pageUp, pageDown, home, end

    /// Names used in config files and in the help screen for the keys that are not characters.
    static let namedKeys: [(String, Key)] = [
        ("enter", .enter), ("esc", .escape), ("tab", .tab), ("backtab", .backTab),
        ("backspace", .backspace), ("delete", .delete), ("insert", .insert),
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("pgup", .pageUp), ("pgdn", .pageDown), ("home", .home), ("end", .end), ("space", .character(" ")),
    ]

    /// Parses a key name: a single character (`a`, `A`, `?`), `C-x`, `F1`–`F24`, or one of
    /// `namedKeys`. Nil for anything else, so the caller can report the line it came from.
    public init?(name: String) {
        if let named = Key.namedKeys.first(where: { $0.0 == name.lowercased() }) {
            self = named.1
            return
        }
        if name.count == 1, let character = name.first, character != " ", DisplayWidth.of(character) > 0 {
            self = .character(character)
            return
        }
        if name.count == 3, name.hasPrefix("C-"), let letter = name.last, letter.isASCII, letter.isLetter {
            self = .control(Character(letter.lowercased()))
            return
        }
        if name.count >= 2, name.first == "F" || name.first == "f", let number = Int(name.dropFirst()), (1...24).contains(number) {
            self = .function(number)
            return
        }
        return nil
    }

    /// The canonical name, which `init(name:)` parses back.
    public var description: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .control(let c): return "C-\(c)"
        case .function(let n): return "F\(n)"
        default: return Key.namedKeys.first { $0.1 == self }?.0 ?? "?"
        }
    }

    /// A key that types text into an active text field rather than running a binding.
    public var isPrintable: Bool {
        if case .character = self { return true }
        return false
    }
}
