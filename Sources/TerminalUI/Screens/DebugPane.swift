import Themes

/// The sngrep-like debug pane: the SIP message list with the selected message's full raw text
/// beside it (wide terminals) or below it, or the per-account registration timeline.
enum DebugPane {
    /// From this width on, list and raw text sit side by side.
    static let sideBySideWidth = 110

    static func draw(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        switch context.state.debugView {
        case .messages: drawMessages(context, in: rect, into: &buffer)
        case .registration: drawTimeline(context, in: rect, into: &buffer)
        }
    }

    /// `account work · call a84b4c76e66710`, empty when unfiltered.
    static func filterSummary(_ filter: DebugFilter) -> String {
        [filter.account.map { "account \($0)" }, filter.callID.map { "call \($0)" }].compactMap { $0 }.joined(separator: " · ")
    }

    private static func drawMessages(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        let rows = state.visibleSIPMessages
        guard !rows.isEmpty else {
            buffer.write(state.phone.sipMessages.isEmpty ? "No SIP messages yet." : "No message matches the filter.", in: rect.row(0))
            return
        }
        let listRect: Rect
        let rawRect: Rect
        if rect.width >= sideBySideWidth {
            let (left, right) = rect.splitLeft(rect.width / 2)
            listRect = left
            rawRect = Rect(x: right.x + 2, y: right.y, width: right.width - 2, height: right.height)
            for y in right.y..<right.maxY { buffer.put("│", x: right.x, y: y, role: nil) }
        } else {
            let (top, bottom) = rect.splitTop(max(3, rect.height * 2 / 5))
            listRect = top
            rawRect = bottom.splitTop(1).1
            for x in bottom.x..<bottom.maxX { buffer.put("─", x: x, y: bottom.y, role: nil) }
        }
        drawList(rows, context, in: listRect, into: &buffer)
        if let selected = rows[safe: state.debugSelection] {
            drawRaw(selected, scroll: state.debugRawScroll, in: rawRect, into: &buffer)
        }
    }

    private static func drawList(_ rows: [SIPMessageRow], _ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        let table = Columns(
            [.fixed(12), .fixed(1), .flexible(minimum: 12), .flexible(minimum: 8), .fixed(8)], totalWidth: rect.width - 1)
        table.draw(["Time", "", "Message", "Call-ID", "Account"], into: &buffer, x: rect.x + 1, y: rect.y)
        ListDrawing.draw(
            count: rows.count, selection: state.debugSelection, focused: state.focus == .main, in: rect.splitTop(1).1,
            into: &buffer
        ) { index, row, buffer in
            let message = rows[index]
            let values = [
                TimeText.precise(message.time, in: state.timeZone), message.direction == .sent ? "→" : "←",
                message.summaryText, message.callID, message.account,
            ]
            table.draw(values, into: &buffer, x: row.x, y: row.y, roles: [2: role(message.summary)])
        }
    }

    /// The raw message, wrapped, never cut: troubleshooting needs every header.
    private static func drawRaw(_ row: SIPMessageRow, scroll: Int, in rect: Rect, into buffer: inout ScreenBuffer) {
        let lines = TextLayout.wrapped(row.rawText, width: rect.width)
        let first = min(scroll, max(0, lines.count - rect.height))
        for (offset, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            let isStartLine = first + offset == 0
            buffer.write(line, in: rect.row(offset), role: isStartLine ? role(row.summary) : nil)
        }
    }

    static func role(_ summary: SIPMessageRow.Summary) -> Role {
        switch summary {
        case .request: return .debugRequest
        case .response(let code, _): return code >= 400 ? .debugResponseError : .debugResponseOK
        }
    }

    private static func drawTimeline(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        let steps = state.visibleRegistrationSteps
        guard !steps.isEmpty else {
            buffer.write("No registration activity yet.", in: rect.row(0))
            return
        }
        let table = Columns([.fixed(12), .fixed(8), .flexible(minimum: 10)], totalWidth: rect.width - 1)
        table.draw(["Time", "Account", "Step"], into: &buffer, x: rect.x + 1, y: rect.y)
        ListDrawing.draw(
            count: steps.count, selection: state.debugSelection, focused: state.focus == .main, in: rect.splitTop(1).1,
            into: &buffer
        ) { index, row, buffer in
            let step = steps[index]
            let role: Role? = switch step.outcome {
            case .info: nil
            case .success: .registrationRegistered
            case .failure: .debugDiagnosis
            }
            table.draw(
                [TimeText.precise(step.time, in: state.timeZone), step.account, step.text], into: &buffer, x: row.x, y: row.y,
                roles: role.map { [2: $0] } ?? [:])
        }
    }
}
