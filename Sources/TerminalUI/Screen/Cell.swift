import Themes

/// One terminal cell. A wide character occupies its own cell plus a `continuation` cell to its
/// right, so every row always has exactly `columns` cells and columns stay aligned.
public struct Cell: Sendable, Hashable {
    public var character: Character
    /// What the cell shows, for the theme; nil is the terminal's plain text.
    public var role: Role?
    /// The right half of a wide character: drawn by the cell to its left, never on its own.
    public var isContinuation: Bool

    public init(character: Character = " ", role: Role? = nil, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}
