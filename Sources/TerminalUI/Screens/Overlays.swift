import Themes

/// Things drawn over the panes: the incoming-call popup, the help screen, the command list.
enum Overlays {
    static func drawIncoming(_ popup: IncomingCall, _ context: RenderContext, in area: Rect, into buffer: inout ScreenBuffer) {
        let lines = [
            popup.callerName ?? popup.callerURI,
            popup.callerName == nil ? "" : popup.callerURI,
            "on account " + popup.account,
            "",
            HintLine.hints(context).joined(separator: "  "),
        ]
        let width = min(area.width - 2, max(34, lines.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let box = area.centered(width: width, height: lines.count + 2)
        buffer.fill(box)
        buffer.drawBox(box, title: popup.isCallWaiting ? "Call waiting" : "Incoming call", role: .callRinging)
        for (offset, line) in lines.enumerated() {
            let role: Role? = offset == 0 ? .callRinging : nil
            buffer.write(line, in: Rect(x: box.x + 2, y: box.y + 1 + offset, width: box.width - 4, height: 1), role: role)
        }
    }

    /// Every action with its keys, grouped, in as many columns as fit: generated from the key
    /// map, so a rebinding shows here at once.
    static func drawHelp(_ context: RenderContext, in area: Rect, into buffer: inout ScreenBuffer) {
        let entries = helpEntries(context.keyMap)
        let maximum = maxScroll(entries, in: area)
        var title = context.key(.help).map { "Keys (\($0) or esc closes)" } ?? "Keys"
        if maximum > 0 { title += " ↑↓ scroll" }
        drawColumns(entries, title: title, in: area, scroll: min(context.state.helpScroll, maximum), into: &buffer)
    }

    /// The help screen's lines: each group's title, then its actions with their keys.
    static func helpEntries(_ keyMap: KeyMap) -> [(String, Role?)] {
        var entries: [(String, Role?)] = []
        for group in UIAction.Group.allCases {
            entries.append((group.rawValue, .prompt))
            for action in UIAction.allCases where action.group == group {
                let keys = keyMap.keys(for: action).map(\.description).joined(separator: " ")
                entries.append((TextLayout.padded(keys.isEmpty ? "—" : keys, to: 8) + " " + action.hint, nil))
            }
        }
        return entries
    }

    /// How far the help can scroll in `area`: 0 when everything fits. The reducer asks this
    /// too, so a scroll key never runs past the end.
    static func maxScroll(_ entries: [(String, Role?)], in area: Rect) -> Int {
        guard let layout = ColumnLayout(entries, in: area) else { return 0 }
        return max(0, entries.count - layout.capacity)
    }

    /// Top-to-bottom columns inside a box filling `area`.
    private struct ColumnLayout {
        let inner: Rect
        let columnCount: Int
        let width: Int
        var capacity: Int { columnCount * inner.height }

        init?(_ entries: [(String, Role?)], in area: Rect) {
            inner = Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2)
            guard inner.height > 0, inner.width > 0 else { return nil }
            let widest = (entries.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
            let columnWidth = max(1, min(widest, inner.width))
            columnCount = max(1, min(inner.width / columnWidth, (entries.count + inner.height - 1) / inner.height))
            width = inner.width / columnCount
        }
    }

    static func drawCommands(_ lines: [String], in area: Rect, into buffer: inout ScreenBuffer) {
        drawColumns(lines.map { ($0, nil) }, title: "Commands (any key closes)", in: area, into: &buffer)
    }

    /// Lays `entries` out top-to-bottom in as many columns as the widest entry allows, from
    /// entry `scroll` on; `…` marks the last cell when more follow.
    private static func drawColumns(
        _ entries: [(String, Role?)], title: String, in area: Rect, scroll: Int = 0, into buffer: inout ScreenBuffer
    ) {
        buffer.fill(area)
        buffer.drawBox(area, title: title, titleRole: .prompt)
        guard let layout = ColumnLayout(entries, in: area) else { return }
        let inner = layout.inner
        let shown = entries.dropFirst(max(0, scroll))
        for (index, entry) in shown.prefix(layout.capacity).enumerated() {
            let isLastShown = index == layout.capacity - 1 && shown.count > layout.capacity
            let rect = Rect(
                x: inner.x + index / inner.height * layout.width, y: inner.y + index % inner.height, width: layout.width - 1, height: 1)
            buffer.write(isLastShown ? "…" : entry.0, in: rect, role: entry.1)
        }
    }

    static func drawTooSmall(columns: Int, rows: Int, into buffer: inout ScreenBuffer) {
        let lines = ["Terminal too small", "\(columns)×\(rows), need \(ScreenLayout.minimumColumns)×\(ScreenLayout.minimumRows)"]
        let top = max(0, (rows - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            buffer.write(line, in: Rect(x: 0, y: top + offset, width: columns, height: 1), role: offset == 0 ? .registrationFailed : nil, alignment: .center)
        }
    }
}
