/// A text attribute a terminal can apply on top of colours. The raw values are the spellings
/// theme files use in `attrs = [...]`.
public enum TextAttribute: String, Sendable, Hashable, CaseIterable, Comparable {
    case bold, dim, underline, reverse, italic, blink

    /// Declaration order, so a set of attributes prints the same way every time.
    public static func < (lhs: TextAttribute, rhs: TextAttribute) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}

/// How one role looks: colours plus attributes. A value type so a theme can be copied into
/// every screen without sharing.
public struct Style: Sendable, Hashable {
    public var foreground: ThemeColor
    public var background: ThemeColor
    public var attributes: Set<TextAttribute>

    public init(
        foreground: ThemeColor = .default, background: ThemeColor = .default,
        attributes: Set<TextAttribute> = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's own colours and no attributes: what a role with no style at all looks like.
    public static let plain = Style()

    /// This style with both colours reduced to what a terminal of `depth` can show.
    public func downgraded(to depth: ColorDepth) -> Style {
        Style(
            foreground: foreground.downgraded(to: depth),
            background: background.downgraded(to: depth),
            attributes: attributes)
    }
}
