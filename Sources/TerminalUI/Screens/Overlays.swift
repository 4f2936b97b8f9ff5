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
        var entries: [(String, Role?)] = []
        for group in UIAction.Group.allCases {
            entries.append((group.rawValue, .prompt))
            for action in UIAction.allCases where action.group == group {
                let keys = context.keyMap.keys(for: action).map(\.description).joined(separator: " ")
                entries.append((TextLayout.padded(keys.isEmpty ? "—" : keys, to: 8) + " " + action.hint, nil))
            }
        }
        let close = context.key(.help).map { "Keys (\($0) or esc closes)" } ?? "Keys"
        drawColumns(entries, title: close, in: area, into: &buffer)
    }

    static func drawCommands(_ lines: [String], in area: Rect, into buffer: inout ScreenBuffer) {
        drawColumns(lines.map { ($0, nil) }, title: "Commands (any key closes)", in: area, into: &buffer)
    }

    /// Lays `entries` out top-to-bottom in as many columns as the widest entry allows; cut
    /// with `…` if the terminal is too small for all of them.
    private static func drawColumns(_ entries: [(String, Role?)], title: String, in area: Rect, into buffer: inout ScreenBuffer) {
        let box = area
        buffer.fill(box)
        buffer.drawBox(box, title: title, titleRole: .prompt)
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        guard inner.height > 0, inner.width > 0 else { return }
        let widest = (entries.map { DisplayWidth.of($0.0) }.max() ?? 0) + 2
        let columnWidth = max(1, min(widest, inner.width))
        let columnCount = max(1, min(inner.width / columnWidth, (entries.count + inner.height - 1) / inner.height))
        let width = inner.width / columnCount
        let capacity = columnCount * inner.height
        for (index, entry) in entries.prefix(capacity).enumerated() {
            let isLastShown = index == capacity - 1 && entries.count > capacity
            let rect = Rect(x: inner.x + index / inner.height * width, y: inner.y + index % inner.height, width: width - 1, height: 1)
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
