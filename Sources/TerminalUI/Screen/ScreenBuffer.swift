import Themes

/// The in-memory screen every view draws into. The ncurses backend copies it to the terminal
/// (only the cells that changed); tests read it back as text and roles. Nothing here knows
/// about terminals, so every screen is testable without one (issue 7).
public struct ScreenBuffer: Sendable, Hashable {
    public let columns: Int
    public let rows: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be (the insertion point of an active text field);
    /// nil hides it.
    public var cursor: Point?

    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        cells = Array(repeating: .blank, count: self.columns * self.rows)
    }

    public struct Point: Sendable, Hashable {
        public var x: Int
        public var y: Int
        public init(x: Int, y: Int) { self.x = x; self.y = y }
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: columns, height: rows) }

    /// The cell at column `x`, row `y`; a blank for positions outside the screen.
    public subscript(x: Int, y: Int) -> Cell {
        contains(x: x, y: y) ? cells[y * columns + x] : .blank
    }

    private func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < columns && y < rows
    }

    /// Blanks `rect` and gives it `role` (a bar's background).
    public mutating func fill(_ rect: Rect, role: Role? = nil) {
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX where contains(x: x, y: y) {
                cells[y * columns + x] = Cell(character: " ", role: role)
            }
        }
    }

    /// Sets the role of every cell in `rect`, keeping the characters (a highlighted row).
    public mutating func paint(_ rect: Rect, role: Role?) {
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX where contains(x: x, y: y) {
                cells[y * columns + x].role = role
            }
        }
    }

    /// Places one character and returns the columns it took (0 if it did not fit).
    ///
    /// A wide character that would straddle `limit` is not drawn, so a clipped line never
    /// spills into the neighbouring pane; overwriting half of an existing wide character
    /// blanks its other half so no orphan half is ever left on screen.
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, role: Role?, limit: Int? = nil) -> Int {
        let safe = Self.printable(character)
        let width = DisplayWidth.of(safe)
        let end = min(limit ?? columns, columns)
        guard width > 0, y >= 0, y < rows, x >= 0, x + width <= end else { return 0 }
        clearHalves(x: x, y: y, width: width)
        cells[y * columns + x] = Cell(character: safe, role: role)
        if width == 2 { cells[y * columns + x + 1] = Cell(character: " ", role: role, isContinuation: true) }
        return width
    }

    private mutating func clearHalves(x: Int, y: Int, width: Int) {
        if cells[y * columns + x].isContinuation, x > 0 {
            cells[y * columns + x - 1].character = " "
        }
        let after = x + width
        if after < columns, cells[y * columns + after].isContinuation {
            cells[y * columns + after] = Cell(character: " ", role: cells[y * columns + after].role)
        }
    }

    /// Control characters are never sent to the terminal (they would move its cursor).
    static func printable(_ character: Character) -> Character {
        if character == "\t" { return " " }
        guard let first = character.unicodeScalars.first else { return " " }
        if first.value < 0x20 || (0x7F..<0xA0).contains(first.value) { return "\u{FFFD}" }
        return character
    }

    /// Writes `text` from column `x` on row `y`, clipped with an ellipsis to `width` columns.
    /// Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, width: Int, role: Role? = nil) -> Int {
        var column = x
        for character in TextLayout.clipped(text, to: width) {
            column += put(character, x: column, y: y, role: role, limit: x + width)
        }
        return column - x
    }

    /// Writes `text` into the one-row `rect`, aligned, clipped with an ellipsis.
    @discardableResult
    public mutating func write(_ text: String, in rect: Rect, role: Role? = nil, alignment: TextLayout.Alignment = .left) -> Int {
        guard !rect.isEmpty else { return 0 }
        let clipped = TextLayout.clipped(text, to: rect.width)
        let used = DisplayWidth.of(clipped)
        let start: Int
        switch alignment {
        case .left: start = rect.x
        case .right: start = rect.maxX - used
        case .center: start = rect.x + (rect.width - used) / 2
        }
        return write(clipped, x: start, y: rect.y, width: rect.maxX - start, role: role)
    }

    /// A single-line box around `rect` with an optional title in its top border.
    public mutating func drawBox(_ rect: Rect, title: String? = nil, role: Role? = nil, titleRole: Role? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x + 1..<rect.maxX - 1 {
            put("─", x: x, y: rect.y, role: role)
            put("─", x: x, y: rect.maxY - 1, role: role)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, role: role)
            put("│", x: rect.maxX - 1, y: y, role: role)
        }
        put("┌", x: rect.x, y: rect.y, role: role)
        put("┐", x: rect.maxX - 1, y: rect.y, role: role)
        put("└", x: rect.x, y: rect.maxY - 1, role: role)
        put("┘", x: rect.maxX - 1, y: rect.maxY - 1, role: role)
        if let title, rect.width > 4 {
            write(" \(title) ", x: rect.x + 2, y: rect.y, width: rect.width - 4, role: titleRole ?? role)
        }
    }

    /// Row `y` as text: wide characters once, continuation cells skipped, trailing blanks cut.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < rows else { return "" }
        var text = ""
        for x in 0..<columns where !self[x, y].isContinuation {
            text.append(self[x, y].character)
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The whole screen as text, one line per row: what a snapshot test compares.
    public var text: String {
        (0..<rows).map(line).joined(separator: "\n")
    }

    /// The role of every cell of row `y` (continuations included), for role assertions.
    public func roles(row y: Int) -> [Role?] {
        (0..<columns).map { self[$0, y].role }
    }
}
