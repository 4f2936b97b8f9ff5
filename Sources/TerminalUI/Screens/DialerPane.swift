import Themes

/// The dialer: account, the number/URI being typed, and completions from contacts and history.
enum DialerPane {
    static func draw(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        guard rect.height >= 3 else { return }
        let account = state.effectiveDialerAccount ?? "none (direct call)"
        buffer.write("Account: " + account + (state.phone.accounts.count > 1 ? "  (←/→ to change)" : ""), in: rect.row(0))
        let label = "Call: "
        let field = rect.row(1)
        buffer.write(label, in: field, role: .prompt)
        let start = field.x + DisplayWidth.of(label)
        let shown = TextLayout.clipped(state.dialerText, to: field.maxX - start - 1)
        let used = buffer.write(shown, x: start, y: field.y, width: field.maxX - start)
        if state.textEntry == .dialer {
            buffer.cursor = ScreenBuffer.Point(x: start + used, y: field.y)
        } else if state.dialerText.isEmpty, let key = context.key(.dialer) {
            buffer.write("press \(key) to type a number or SIP URI", x: start, y: field.y, width: field.maxX - start)
        }
        let completions = state.dialerCompletions
        guard !completions.isEmpty, rect.height > 3 else { return }
        let list = Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: rect.height - 3)
        let table = Columns([.flexible(minimum: 10), .flexible(minimum: 14), .fixed(7)], totalWidth: list.width - 1)
        ListDrawing.draw(
            count: completions.count, selection: state.dialerCompletionIndex, focused: true, in: list, into: &buffer
        ) { index, row, buffer in
            let completion = completions[index]
            table.draw(
                [completion.label, completion.address, completion.source == .contact ? "contact" : "history"],
                into: &buffer, x: row.x, y: row.y)
        }
    }
}
