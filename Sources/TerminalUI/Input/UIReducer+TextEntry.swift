/// Keys while a text field is active: the dialer, search-as-you-type and the `:` prompt.
extension UIReducer {
    /// Returns nil for keys the field does not use, so bindings on F-keys, Ctrl and Tab still
    /// work while typing.
    func textEntryKey(_ key: Key, _ state: inout UIState) -> [UICommand]? {
        guard let entry = state.textEntry else { return nil }
        switch key {
        case .character(let character):
            edit(entry, &state) { $0.append(character) }
            return []
        case .backspace:
            edit(entry, &state) { if !$0.isEmpty { $0.removeLast() } }
            return []
        case .escape:
            if entry == .search { clearSearch(&state) }
            state.textEntry = nil
            return []
        case .enter:
            state.textEntry = nil
            return submit(entry, &state)
        case .tab where entry == .dialer:
            acceptCompletion(&state)
            return []
        case .left where entry == .dialer, .right where entry == .dialer:
            cycleDialerAccount(by: key == .right ? 1 : -1, &state)
            return []
        case .up, .down, .pageUp, .pageDown:
            return entry == .prompt ? [] : nil
        default:
            return nil
        }
    }

    private func edit(_ entry: TextEntry, _ state: inout UIState, _ change: (inout String) -> Void) {
        switch entry {
        case .dialer:
            change(&state.dialerText)
            state.dialerCompletionIndex = nil
        case .prompt:
            change(&state.promptText)
        case .search:
            if state.tab == .history {
                change(&state.historyFilter.text)
                state.historySelection = 0
            } else {
                change(&state.contactsSearch)
                state.contactsSelection = 0
            }
        }
    }

    private func clearSearch(_ state: inout UIState) {
        if state.tab == .history { state.historyFilter.text = "" } else { state.contactsSearch = "" }
    }

    private func submit(_ entry: TextEntry, _ state: inout UIState) -> [UICommand] {
        switch entry {
        case .dialer: return dial(&state)
        case .prompt: return runPrompt(&state)
        case .search: return []
        }
    }

    /// Dials the highlighted completion, else the typed text (a number normalised to its
    /// digits and leading `+`), and moves focus to the calls so call keys work at once.
    private func dial(_ state: inout UIState) -> [UICommand] {
        let completion = state.dialerCompletionIndex.flatMap { state.dialerCompletions[safe: $0] }
        let typed = state.dialerText.trimmingSpaces
        let target = completion?.address ?? PhoneNumber.normalised(typed) ?? typed
        guard !target.isEmpty else {
            state.textEntry = .dialer
            return []
        }
        state.dialerText = ""
        state.dialerCompletionIndex = nil
        state.focus = .calls
        return [.dial(uri: target, account: state.effectiveDialerAccount)]
    }

    private func acceptCompletion(_ state: inout UIState) {
        let completions = state.dialerCompletions
        guard let chosen = completions[safe: state.dialerCompletionIndex ?? 0] else { return }
        state.dialerText = chosen.address
        state.dialerCompletionIndex = nil
    }

    private func cycleDialerAccount(by step: Int, _ state: inout UIState) {
        let names = state.phone.accounts.map(\.name)
        guard !names.isEmpty else { return }
        let index = state.effectiveDialerAccount.flatMap { names.firstIndex(of: $0) } ?? 0
        state.dialerAccount = names[(index + step + names.count) % names.count]
    }

    /// Parses and resolves the prompt line; errors stay on screen with the text kept so it can
    /// be corrected.
    private func runPrompt(_ state: inout UIState) -> [UICommand] {
        let line = state.promptText
        switch CommandParser.parse(line) {
        case .failure(.empty):
            return []
        case .failure(let error):
            state.notice = error.description
            state.textEntry = .prompt
            return []
        case .success(.help(let topic)):
            state.promptText = ""
            switch CommandTable.help(topic: topic) {
            case .success(let lines) where topic == nil: state.overlay = .commands(lines)
            case .success(let lines): state.notice = lines.first
            case .failure(let error): state.notice = error.description
            }
            return []
        case .success(.dates(let from, let to)):
            state.promptText = ""
            applyDates(from: from, to: to, &state)
            return []
        case .success(let command):
            let commands = resolve(command, &state)
            if state.notice != nil {
                state.textEntry = .prompt
            } else {
                state.promptText = ""
            }
            return commands
        }
    }
}
