import Themes

/// The bottom line: the prompt while typing a command, else a notice, else the keys that make
/// sense right now, taken from the live key map so hints never lie.
enum HintLine {
    static func draw(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        buffer.fill(rect, role: .statusBar)
        if state.textEntry == .prompt {
            buffer.fill(rect, role: .prompt)
            let used = buffer.write(":" + state.promptText, x: rect.x, y: rect.y, width: rect.width - 1, role: .prompt)
            buffer.cursor = ScreenBuffer.Point(x: rect.x + used, y: rect.y)
            if let notice = state.notice {
                let noticeWidth = min(DisplayWidth.of(notice), max(0, rect.width - used - 3))
                buffer.write(notice, in: Rect(x: rect.maxX - noticeWidth, y: rect.y, width: noticeWidth, height: 1), role: .registrationFailed)
            }
            return
        }
        if let notice = state.notice {
            buffer.write(" " + notice, in: rect, role: .statusBar)
            return
        }
        // Help stays visible at the right end whatever else has to go: it lists the rest.
        var limit = rect.maxX
        if state.incomingPopup == nil, state.textEntry == nil, let help = context.hint(.help) {
            let width = DisplayWidth.of(help)
            limit = rect.maxX - width - 1
            buffer.write(help, x: limit, y: rect.y, width: width, role: .statusBar)
            limit -= 2
        }
        var x = rect.x + 1
        for hint in hints(context) {
            let width = DisplayWidth.of(hint)
            guard x + width <= limit else { break }
            buffer.write(hint, x: x, y: rect.y, width: width, role: .statusBar)
            x += width + 2
        }
    }

    /// The hints in priority order; whatever does not fit on the line is left off whole.
    static func hints(_ context: RenderContext) -> [String] {
        let state = context.state
        if let popup = state.incomingPopup {
            let answer = context.hint(.answer).map { popup.isCallWaiting ? $0 + " (holds current)" : $0 }
            return [answer, context.hint(.reject), context.hint(.ignore)].compactMap { $0 }
        }
        switch state.textEntry {
        case .dialer:
            return ["enter call", "tab complete", "↑↓ choose"] + (state.phone.accounts.count > 1 ? ["←→ account"] : [])
                + ["esc done"]
        case .search:
            return ["type to search", "enter keep", "esc clear"]
        case .prompt, nil:
            break
        }
        if state.isKeypadActive { return ["0-9 * # send DTMF", "esc close keypad"] + actions([.hangUp], context) }
        var callKeys: [UIAction] = []
        if !state.phone.calls.isEmpty {
            callKeys = [.hangUp, .toggleHold, .toggleMute, .keypad, .blindTransfer, .consultTransfer]
            if state.phone.calls.count > 1 { callKeys.insert(.nextCall, at: 1) }
        }
        let tabKeys: [UIAction]
        switch state.tab {
        case .dialer: tabKeys = [.dialer]
        case .contacts: tabKeys = [.activate, .search, .edit, .delete]
        case .history: tabKeys = [.redial, .search, .cycleFilter, .cycleAccountFilter, .addToContacts, .delete]
        case .messages: tabKeys = [.sendMessage]
        case .debug: tabKeys = [.cycleFilter, .cycleAccountFilter, .toggleDebugView, .exportTrace]
        }
        // The focused pane's keys come first; hang-up always leads while a call is up.
        let ordered = state.focus == .calls ? callKeys + tabKeys : callKeys.prefix(1) + tabKeys + callKeys.dropFirst()
        return actions(ordered + [.commandPrompt, .quit], context)
    }

    private static func actions(_ list: [UIAction], _ context: RenderContext) -> [String] {
        list.compactMap(context.hint)
    }
}
