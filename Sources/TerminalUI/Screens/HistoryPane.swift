import Themes

/// Call history; missed calls in their own style; filters shown above the list.
enum HistoryPane {
    static func draw(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        var list = rect
        let filter = state.historyFilter
        if state.textEntry == .search || !filter.isEmpty {
            let line = "/" + filter.text
            let used = buffer.write(line, in: rect.row(0), role: .prompt)
            if state.textEntry == .search { buffer.cursor = ScreenBuffer.Point(x: rect.x + used, y: rect.y) }
            buffer.write(filter.tagSummary, in: rect.row(0), alignment: .right)
            list = rect.splitTop(1).1
        }
        let entries = state.visibleHistory
        guard !entries.isEmpty else {
            buffer.write(state.phone.history.isEmpty ? "No calls yet." : "No call matches the filter.", in: list.row(0))
            return
        }
        let table = Columns(
            [.fixed(1), .fixed(11), .flexible(minimum: 14), .fixed(8), .fixed(7, .right), .flexible(minimum: 8)],
            totalWidth: list.width - 1)
        table.draw(["", "When", "Remote", "Account", "Length", "Result"], into: &buffer, x: list.x + 1, y: list.y)
        ListDrawing.draw(
            count: entries.count, selection: state.historySelection, focused: state.focus == .main,
            in: list.splitTop(1).1, into: &buffer
        ) { index, row, buffer in
            let entry = entries[index]
            let values = [
                symbol(entry.direction), TimeText.short(entry.startedAt, now: state.now, in: state.timeZone),
                entry.displayName, entry.account,
                entry.durationSeconds > 0 ? TimeText.duration(seconds: entry.durationSeconds) : "", entry.result,
            ]
            table.draw(values, into: &buffer, x: row.x, y: row.y, role: role(entry.direction))
        }
    }

    static func symbol(_ direction: HistoryEntry.Direction) -> String {
        switch direction {
        case .incoming: return "←"
        case .outgoing: return "→"
        case .missed: return "✗"
        }
    }

    static func role(_ direction: HistoryEntry.Direction) -> Role {
        switch direction {
        case .incoming: return .historyIncoming
        case .outgoing: return .historyOutgoing
        case .missed: return .historyMissed
        }
    }
}
