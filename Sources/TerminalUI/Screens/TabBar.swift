import Themes

/// The tab names with their keys; the current tab highlighted.
enum TabBar {
    static func draw(_ context: RenderContext, in rect: Rect, into buffer: inout ScreenBuffer) {
        var x = rect.x + 1
        for tab in MainTab.allCases {
            let key = context.keyMap.keys(for: action(for: tab)).first { if case .function = $0 { return true }; return false }
                ?? context.keyMap.keys(for: action(for: tab)).first
            let label = " " + (key.map { "\($0) " } ?? "") + title(tab, context.state) + " "
            let used = buffer.write(label, x: x, y: rect.y, width: rect.maxX - x, role: tab == context.state.tab ? .listSelected : nil)
            x += used + 1
        }
    }

    /// Messages carries the unread count, so a message is noticed from any tab.
    static func title(_ tab: MainTab, _ state: UIState) -> String {
        guard tab == .messages else { return tab.title }
        let unread = state.phone.conversations.reduce(0) { $0 + $1.unreadCount }
        return unread > 0 ? "\(tab.title) (\(unread))" : tab.title
    }

    static func action(for tab: MainTab) -> UIAction {
        switch tab {
        case .dialer: return .dialer
        case .contacts: return .showContacts
        case .history: return .showHistory
        case .messages: return .showMessages
        case .debug: return .showDebug
        }
    }
}
