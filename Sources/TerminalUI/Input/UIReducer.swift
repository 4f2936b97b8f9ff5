/// The UI's state machine: takes an input, updates the state, returns what the engine must do.
/// Pure (no I/O, no clock), so every key path is a unit test (STYLE.md, state machines).
public struct UIReducer: Sendable {
    public var keyMap: KeyMap

    public init(keyMap: KeyMap = .defaults) {
        self.keyMap = keyMap
    }

    public func update(_ state: inout UIState, _ input: UIInput) -> [UICommand] {
        let commands = apply(input, &state)
        return commands + readShownConversation(state)
    }

    private func apply(_ input: UIInput, _ state: inout UIState) -> [UICommand] {
        switch input {
        case .key(let key):
            return handle(key, in: &state)
        case .resize(let columns, let rows):
            state.columns = max(0, columns)
            state.rows = max(0, rows)
            return []
        case .tick(let now):
            state.now = now
            return []
        case .snapshot(let snapshot):
            state.phone = snapshot
            reconcile(&state)
            return []
        }
    }

    /// A conversation is read once it is on screen (the messages tab with it selected, nothing
    /// over it): after a key that opens it, or when a message arrives while it is open.
    private func readShownConversation(_ state: UIState) -> [UICommand] {
        guard state.tab == .messages, state.overlay == nil,
              let conversation = state.phone.conversations[safe: state.messagesSelection], conversation.unreadCount > 0
        else { return [] }
        return [.markConversationRead(remoteURI: conversation.remoteURI, account: conversation.account)]
    }

    /// Keys go, in order, to: the help overlay (any key closes it), the incoming-call popup
    /// (answer/reject/ignore win over everything, so one key always answers), an active text
    /// field, the DTMF keypad, and finally the bindings.
    private func handle(_ key: Key, in state: inout UIState) -> [UICommand] {
        state.notice = nil
        let action = keyMap.action(for: key)
        if action != .quit { state.isQuitPending = false }
        if case .firstRun(let path) = state.overlay {
            state.overlay = nil
            if key == FirstRunKeys.write { return [.writeStarterConfig(path: path)] }
            // Quit and the prompt work straight from the screen (`:call sip:…` needs no account).
            if let action, action == .quit || action == .commandPrompt { return perform(action, &state) }
            return []
        }
        if state.overlay == .help, let action, [.moveUp, .moveDown, .pageUp, .pageDown].contains(action) {
            scrollHelp(action, &state)
            return []
        }
        if state.overlay != nil {
            state.overlay = nil
            return []
        }
        if let popup = state.incomingPopup, let action, [.answer, .reject, .ignore].contains(action) {
            return popupAction(action, popup, &state)
        }
        if state.textEntry != nil, let handled = textEntryKey(key, &state) {
            return handled
        }
        if state.isKeypadActive, let handled = keypadKey(key, &state) {
            return handled
        }
        guard let action else { return [] }
        return perform(action, &state)
    }

    func perform(_ action: UIAction, _ state: inout UIState) -> [UICommand] {
        switch action.group {
        case .calls: return callAction(action, &state)
        case .navigation: navigate(action, &state); return []
        case .lists: return listAction(action, &state)
        case .global: return globalAction(action, &state)
        }
    }

    private func globalAction(_ action: UIAction, _ state: inout UIState) -> [UICommand] {
        switch action {
        case .commandPrompt:
            openPrompt("", &state)
        case .cycleTheme:
            return [.setTheme(name: nil)]
        case .help:
            state.overlay = .help
            state.helpScroll = 0
        case .quit:
            let inProgress = state.phone.calls.filter { $0.state != .ended }
            if inProgress.isEmpty || state.isQuitPending {
                return inProgress.map { .hangUp(callID: $0.id) } + [.quit]
            }
            state.isQuitPending = true
            let quitKey = keyMap.keys(for: .quit).first.map(\.description) ?? "quit"
            state.notice = "\(inProgress.count) call(s) in progress: press \(quitKey) again to hang up and quit"
        default:
            break
        }
        return []
    }

    /// Arrows move the help by one entry, page keys by a screen; it stops at both ends.
    private func scrollHelp(_ action: UIAction, _ state: inout UIState) {
        let area = Rect(x: 0, y: 0, width: state.columns, height: state.rows)
        let maximum = Overlays.maxScroll(Overlays.helpEntries(keyMap), in: area)
        let page = max(1, state.rows - 2)
        let step = action == .moveUp ? -1 : action == .moveDown ? 1 : action == .pageUp ? -page : page
        state.helpScroll = max(0, min(maximum, state.helpScroll + step))
    }

    func openPrompt(_ text: String, _ state: inout UIState) {
        state.textEntry = .prompt
        state.promptText = text
    }

    /// A new snapshot may remove what the selection pointed at: keep every index in range and
    /// forget ignored calls that stopped ringing, so a later call with a reused id still pops up.
    private func reconcile(_ state: inout UIState) {
        let ringing = Set(state.phone.incomingCalls.map(\.callID))
        state.ignoredCalls.formIntersection(ringing)
        if let selected = state.selectedCall, !state.phone.calls.contains(where: { $0.id == selected }) {
            state.selectedCall = nil
        }
        if state.phone.calls.isEmpty {
            state.isKeypadActive = false
            if state.focus == .calls { state.focus = .main }
        }
        state.contactsSelection = clamp(state.contactsSelection, count: state.visibleContacts.count)
        state.historySelection = clamp(state.historySelection, count: state.visibleHistory.count)
        state.messagesSelection = clamp(state.messagesSelection, count: state.phone.conversations.count)
        let debugCount = state.debugView == .messages ? state.visibleSIPMessages.count : state.visibleRegistrationSteps.count
        state.debugSelection = clamp(state.debugSelection, count: debugCount)
    }

    func clamp(_ index: Int, count: Int) -> Int {
        max(0, min(index, count - 1))
    }
}
