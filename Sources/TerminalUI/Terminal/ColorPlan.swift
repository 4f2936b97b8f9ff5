import Themes

/// How each role is shown on a particular terminal: colour numbers for a curses colour pair
/// and attributes. Worked out once per theme and terminal, and pure, so tested without one.
public struct ColorPlan: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        /// The curses pair number (1…); 0 is the terminal's default colours.
        public var pair: Int32
        public var foreground: Int32
        public var background: Int32
        public var attributes: Set<TextAttribute>
    }

    public let depth: ColorDepth?
    public let entries: [Role: Entry]

    /// `depth` nil means a terminal without colours: attributes only.
    public init(theme: Theme, depth: ColorDepth?) {
        self.depth = depth
        var entries: [Role: Entry] = [:]
        for (index, role) in Role.all.enumerated() {
            let style = depth.map { theme.style(for: role).downgraded(to: $0) } ?? theme.style(for: role)
            let (fg, bg) = depth.map { (Self.number(style.foreground, $0), Self.number(style.background, $0)) } ?? (-1, -1)
            entries[role] = Entry(pair: Int32(index + 1), foreground: fg, background: bg, attributes: style.attributes)
        }
        self.entries = entries
    }

    /// The curses colour number for an already downgraded colour; -1 is the default colour
    /// (`use_default_colors`). Direct-colour terminals (terminfo `RGB`) take 0xRRGGBB for
    /// everything but the 8 base colours, which their `setaf` still sends as palette entries.
    static func number(_ color: ThemeColor, _ depth: ColorDepth) -> Int32 {
        switch color {
        case .default: return -1
        case .ansi(let n) where depth != .trueColor || n < 8: return Int32(n)
        case .indexed(let n) where depth != .trueColor: return Int32(n)
        case .ansi(let n), .indexed(let n):
            let (r, g, b) = ThemeColor.rgbOfIndex(n)
            return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        case .rgb(let r, let g, let b): return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
        }
    }

    /// The depth a terminal can show from its terminfo: `colors` and the `RGB` flag; nil when
    /// it has no colours at all or `NO_COLOR` is set (https://no-color.org).
    public static func depth(colors: Int, hasRGB: Bool, environment: [String: String]) -> ColorDepth? {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return nil }
        if hasRGB || colors >= 0x100_0000 { return .trueColor }
        if colors >= 256 { return .colors256 }
        if colors >= 16 { return .colors16 }
        if colors >= 8 { return .colors8 }
        return nil
    }
}
