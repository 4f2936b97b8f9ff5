/// Tabs and focus.
extension UIReducer {
    func navigate(_ action: UIAction, _ state: inout UIState) {
        switch action {
        case .dialer: show(.dialer, &state)
        case .showContacts: show(.contacts, &state)
        case .showHistory: show(.history, &state)
        case .showMessages: show(.messages, &state)
        case .showDebug: show(.debug, &state)
        case .nextTab, .previousTab:
            let tabs = MainTab.allCases
            let index = tabs.firstIndex(of: state.tab) ?? 0
            let step = action == .nextTab ? 1 : tabs.count - 1
            show(tabs[(index + step) % tabs.count], &state)
        case .switchFocus:
            state.textEntry = nil
            state.focus = state.focus == .main && !state.phone.calls.isEmpty ? .calls : .main
        default:
            break
        }
    }

    /// Switching to a tab focuses it; the dialer starts ready to type.
    private func show(_ tab: MainTab, _ state: inout UIState) {
        state.tab = tab
        state.focus = .main
        state.textEntry = tab == .dialer ? .dialer : nil
    }
}
