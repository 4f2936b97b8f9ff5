/// List keys: movement, open/call, search, filters, redial, add, delete, message, export.
extension UIReducer {
    /// Rows moved by page up/down; the renderer shows about this many list rows at 80×24.
    static let pageSize = 10

    func listAction(_ action: UIAction, _ state: inout UIState) -> [UICommand] {
        switch action {
        case .moveUp: move(by: -1, &state)
        case .moveDown: move(by: 1, &state)
        case .pageUp: page(by: -1, &state)
        case .pageDown: page(by: 1, &state)
        case .activate: return activate(&state)
        case .cancel:
            state.isKeypadActive = false
            if state.tab == .contacts { state.contactsSearch = "" }
            if state.tab == .history { state.historyFilter.text = "" }
        case .search:
            guard state.tab == .contacts || state.tab == .history else {
                state.notice = "search works in Contacts and History"
                return []
            }
            state.focus = .main
            state.textEntry = .search
        case .cycleFilter: cycleFilter(&state)
        case .cycleAccountFilter: cycleAccountFilter(&state)
        case .toggleDebugView:
            guard state.tab == .debug else { return [] }
            state.debugView = state.debugView == .messages ? .registration : .messages
            state.debugSelection = 0
        case .redial: return redial(&state)
        case .addToContacts: addToContacts(&state)
        case .edit: editContact(&state)
        case .delete: return delete(&state)
        case .sendMessage:
            openPrompt("message " + (messageTarget(state).map { $0 + " " } ?? ""), &state)
        case .exportTrace:
            openPrompt("export dialtone-trace.pcap", &state)
        default: break
        }
        return []
    }

    private func move(by step: Int, _ state: inout UIState) {
        if state.focus == .calls {
            let calls = state.phone.calls
            guard !calls.isEmpty else { return }
            let index = state.currentCall.flatMap { current in calls.firstIndex { $0.id == current.id } } ?? 0
            state.selectedCall = calls[clamp(index + step, count: calls.count)].id
            return
        }
        let count = state.currentListCount
        switch state.tab {
        case .dialer:
            guard count > 0 else { return }
            let next = (state.dialerCompletionIndex ?? -1) + step
            state.dialerCompletionIndex = next < 0 ? nil : min(next, count - 1)
        case .contacts: state.contactsSelection = clamp(state.contactsSelection + step, count: count)
        case .history: state.historySelection = clamp(state.historySelection + step, count: count)
        case .messages: state.messagesSelection = clamp(state.messagesSelection + step, count: count)
        case .debug:
            state.debugSelection = clamp(state.debugSelection + step, count: count)
            state.debugRawScroll = 0
        }
    }

    /// In the debug pane, paging scrolls the selected message's raw text (long INVITEs with
    /// SDP do not fit); elsewhere it moves the selection by a page.
    private func page(by direction: Int, _ state: inout UIState) {
        if state.tab == .debug, state.debugView == .messages, state.focus == .main {
            state.debugRawScroll = max(0, state.debugRawScroll + direction * UIReducer.pageSize)
            return
        }
        move(by: direction * UIReducer.pageSize, &state)
    }

    private func activate(_ state: inout UIState) -> [UICommand] {
        if state.focus == .calls {
            guard let call = state.currentCall, call.state == .onHold else { return [] }
            return resolve(.resume(.id(call.id)), &state)
        }
        switch state.tab {
        case .dialer:
            state.textEntry = .dialer
            return []
        case .contacts:
            guard let contact = state.visibleContacts[safe: state.contactsSelection],
                let address = contact.addresses.first
            else { return [] }
            return [.dial(uri: address, account: state.effectiveDialerAccount)]
        case .history:
            guard let entry = state.visibleHistory[safe: state.historySelection] else { return [] }
            return [.dial(uri: entry.remoteURI, account: entry.account)]
        case .messages:
            guard let conversation = state.phone.conversations[safe: state.messagesSelection] else { return [] }
            openPrompt("message \(conversation.remoteURI) ", &state)
            return []
        case .debug:
            if state.debugView == .messages { cycleFilter(&state) }
            return []
        }
    }

    /// History: direction all → incoming → outgoing → missed. Debug: follow the selected
    /// message's dialog (sngrep's "call flow"), or show everything again.
    private func cycleFilter(_ state: inout UIState) {
        switch state.tab {
        case .history:
            let order: [HistoryEntry.Direction?] = [nil, .incoming, .outgoing, .missed]
            let index = order.firstIndex(of: state.historyFilter.direction) ?? 0
            state.historyFilter.direction = order[(index + 1) % order.count]
            state.historySelection = 0
        case .debug:
            if state.debugFilter.callID != nil {
                state.debugFilter.callID = nil
            } else if let row = state.visibleSIPMessages[safe: state.debugSelection] {
                state.debugFilter.callID = row.callID
            }
            state.debugSelection = 0
        case .dialer, .contacts, .messages:
            state.notice = "filters work in History and Debug"
        }
    }

    /// Cycles all accounts → each account → all, in History and Debug.
    private func cycleAccountFilter(_ state: inout UIState) {
        let names: [String?] = [nil] + state.phone.accounts.map(\.name)
        func next(_ current: String?) -> String? {
            names[((names.firstIndex(of: current) ?? 0) + 1) % names.count]
        }
        switch state.tab {
        case .history:
            state.historyFilter.account = next(state.historyFilter.account)
            state.historySelection = 0
        case .debug:
            state.debugFilter.account = next(state.debugFilter.account)
            state.debugSelection = 0
        case .dialer:
            state.dialerAccount = next(state.dialerAccount)
        case .contacts, .messages:
            state.notice = "account filters work in History and Debug"
        }
    }

    /// The selected history entry in History, else the most recent call.
    private func redial(_ state: inout UIState) -> [UICommand] {
        let entry = state.tab == .history ? state.visibleHistory[safe: state.historySelection] : state.phone.history.first
        guard let entry else {
            state.notice = "nothing to redial"
            return []
        }
        return [.dial(uri: entry.remoteURI, account: entry.account)]
    }

    /// Prefills `contact-add` so the name can be edited before it is saved.
    private func addToContacts(_ state: inout UIState) {
        let source: (name: String?, uri: String)?
        switch state.tab {
        case .history: source = state.visibleHistory[safe: state.historySelection].map { ($0.remoteName, $0.remoteURI) }
        case .dialer: source = state.dialerText.isEmpty ? nil : (nil, state.dialerText)
        case .messages: source = state.phone.conversations[safe: state.messagesSelection].map { ($0.remoteName, $0.remoteURI) }
        case .contacts, .debug: source = state.currentCall.map { ($0.remoteName, $0.remoteURI) }
        }
        guard let source else {
            state.notice = "nothing to add"
            return
        }
        openPrompt("contact-add \(CommandQuoting.quoted(source.name ?? "")) \(source.uri)", &state)
    }

    /// Prefills `contact-edit` with the selected contact, to change and confirm with enter.
    private func editContact(_ state: inout UIState) {
        guard state.tab == .contacts, let contact = state.visibleContacts[safe: state.contactsSelection] else {
            state.notice = "edit works on a contact in Contacts"
            return
        }
        let addresses = contact.addresses.map(CommandQuoting.quoted).joined(separator: " ")
        openPrompt("contact-edit \(contact.id) \(CommandQuoting.quoted(contact.name)) \(addresses)", &state)
    }

    private func delete(_ state: inout UIState) -> [UICommand] {
        switch state.tab {
        case .contacts:
            guard let contact = state.visibleContacts[safe: state.contactsSelection] else { return [] }
            return [.deleteContact(id: contact.id)]
        case .history:
            guard let entry = state.visibleHistory[safe: state.historySelection] else { return [] }
            return [.deleteHistoryEntry(id: entry.id)]
        case .dialer, .messages, .debug:
            state.notice = "delete works in Contacts and History"
            return []
        }
    }

    /// Whom a message key writes to: the current call's party, else the selection.
    private func messageTarget(_ state: UIState) -> String? {
        switch state.tab {
        case .contacts: return state.visibleContacts[safe: state.contactsSelection]?.addresses.first
        case .history: return state.visibleHistory[safe: state.historySelection]?.remoteURI
        case .messages: return state.phone.conversations[safe: state.messagesSelection]?.remoteURI
        case .dialer, .debug: return state.currentCall?.remoteURI
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
