import Themes

/// Draws the whole UI for a state into a fresh `ScreenBuffer`. Pure: the same state always
/// draws the same screen, which is what the snapshot tests rely on and what lets the terminal
/// backend send only the cells that changed.
public struct ScreenRenderer: Sendable {
    public var keyMap: KeyMap

    public init(keyMap: KeyMap = .defaults) {
        self.keyMap = keyMap
    }

    public func render(_ state: UIState) -> ScreenBuffer {
        var buffer = ScreenBuffer(columns: state.columns, rows: state.rows)
        guard let layout = ScreenLayout(columns: state.columns, rows: state.rows, callCount: state.phone.calls.count) else {
            Overlays.drawTooSmall(columns: state.columns, rows: state.rows, into: &buffer)
            return buffer
        }
        let context = RenderContext(state: state, keyMap: keyMap)
        StatusBar.draw(context, in: layout.statusBar, into: &buffer)
        CallsPane.draw(context, in: layout.calls, into: &buffer)
        TabBar.draw(context, in: layout.tabBar, into: &buffer)
        drawMain(context, in: layout.main, into: &buffer)
        HintLine.draw(context, in: layout.hintLine, into: &buffer)
        switch state.overlay {
        case .help: Overlays.drawHelp(context, in: buffer.bounds, into: &buffer)
        case .commands(let lines): Overlays.drawCommands(lines, in: buffer.bounds, into: &buffer)
        case .firstRun(let path): FirstRunScreen.draw(configPath: path, context, in: buffer.bounds, into: &buffer)
        case nil:
            if let popup = state.incomingPopup { Overlays.drawIncoming(popup, context, in: layout.main, into: &buffer) }
        }
        if state.overlay != nil || (state.incomingPopup != nil && state.textEntry != .prompt) { buffer.cursor = nil }
        return buffer
    }

    private func drawMain(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        let state = context.state
        var title = state.tab.title
        switch state.tab {
        case .debug:
            let filter = DebugPane.filterSummary(state.debugFilter)
            title += state.debugView == .messages ? " — SIP messages" : " — registration"
            if !filter.isEmpty { title += " — " + filter }
        case .dialer, .contacts, .history, .messages: break
        }
        buffer.drawBox(rect, title: title, titleRole: state.focus == .main ? .listSelected : nil)
        let inner = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2)
        switch state.tab {
        case .dialer: DialerPane.draw(context, in: inner, into: &buffer)
        case .contacts: ContactsPane.draw(context, in: inner, into: &buffer)
        case .history: HistoryPane.draw(context, in: inner, into: &buffer)
        case .messages: MessagesPane.draw(context, in: inner, into: &buffer)
        case .debug: DebugPane.draw(context, in: inner, into: &buffer)
        }
    }
}
