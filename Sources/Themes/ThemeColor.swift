import TOMLLines
/// A colour as a theme file names it. Kept at the precision the author wrote (`#rrggbb` stays
/// RGB) and reduced only when the terminal's depth is known (`downgraded(to:)`).
public enum ThemeColor: Sendable, Hashable {
    /// The terminal's own foreground or background.
    case `default`
    /// One of the 16 ANSI colours, 0–15 (8–15 are the `bright_` variants). Values above 15 are
    /// not produced by the parser and are treated as `.indexed` when downgraded.
    case ansi(UInt8)
    /// An entry of the 256-colour palette (`colorN`).
    case indexed(UInt8)
    /// A true colour (`#rrggbb`).
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI names in palette order; index = ANSI number.
    public static let ansiNames: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright_black", "bright_red", "bright_green", "bright_yellow",
        "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
    ]

    /// Every spelling accepted besides `colorN` and `#rrggbb`, for "did you mean" suggestions.
    static let namedSpellings: [String] = ["default"] + ansiNames

    /// Parses a theme file's colour spelling. Throws the specific problem so the diagnostic can
    /// say *why* ("bad hex", "index out of range") rather than just "invalid".
    public init(parsing text: String) throws(ThemeProblem) {
        if text == "default" {
            self = .default
        } else if let index = ThemeColor.ansiNames.firstIndex(of: text) {
            self = .ansi(UInt8(index))
        } else if text.hasPrefix("#") {
            self = try ThemeColor.parseHex(text)
        } else if text.hasPrefix("color"), let number = ThemeColor.digits(text.dropFirst(5)) {
            guard let index = UInt8(number) else { throw .colorIndexOutOfRange(text) }
            self = .indexed(index)
        } else {
            throw .unknownColor(text, suggestion: Suggestion.nearest(to: text, in: ThemeColor.namedSpellings))
        }
    }

    /// The digits after `color`, or nil when they are not all ASCII digits (then the name is
    /// simply unknown, e.g. `colour12` or `color-1`).
    private static func digits(_ rest: Substring) -> Substring? {
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return rest
    }

    /// `#rrggbb`: exactly six hex digits after the `#`.
    private static func parseHex(_ text: String) throws(ThemeProblem) -> ThemeColor {
        let hex = text.dropFirst()
        guard hex.count == 6, hex.allSatisfy({ $0.isHexDigit }),
            let value = UInt32(hex, radix: 16)
        else { throw .badHex(text) }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }
}
