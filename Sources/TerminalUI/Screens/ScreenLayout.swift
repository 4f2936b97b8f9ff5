/// Where each area goes for a terminal size. Fixed rows (status bar, tab bar, hint line) first;
/// the calls area takes what its calls need up to half of the rest (it disappears with no
/// calls so the lists get the room); the main pane takes the remainder.
public struct ScreenLayout: Sendable, Hashable {
    public static let minimumColumns = 40
    public static let minimumRows = 10

    public var statusBar: Rect
    public var calls: Rect
    public var tabBar: Rect
    public var main: Rect
    public var hintLine: Rect

    /// Nil when the terminal is smaller than 40×10: then only a message is drawn.
    public init?(columns: Int, rows: Int, callCount: Int) {
        guard columns >= Self.minimumColumns, rows >= Self.minimumRows else { return nil }
        let screen = Rect(x: 0, y: 0, width: columns, height: rows)
        let (status, belowStatus) = screen.splitTop(1)
        let (body, hint) = belowStatus.splitTop(belowStatus.height - 1)
        let wanted = callCount == 0 ? 0 : callCount + 3
        // At least a header and one call; the tab bar and a one-row main pane always remain.
        let callsHeight = min(wanted, max(4, (body.height - 1) / 2), body.height - 4)
        let (calls, rest) = body.splitTop(callsHeight)
        let (tabs, main) = rest.splitTop(1)
        statusBar = status
        self.calls = calls
        tabBar = tabs
        self.main = main
        hintLine = hint
    }
}
