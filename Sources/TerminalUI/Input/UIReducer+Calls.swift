/// Call keys: answer, hang up, hold, switch, transfer, keypad, mute, record.
extension UIReducer {
    func popupAction(_ action: UIAction, _ popup: IncomingCall, _ state: inout UIState) -> [UICommand] {
        switch action {
        case .answer:
            state.selectedCall = popup.callID
            return resolve(.answer(.id(popup.callID)), &state)
        case .reject:
            return [.reject(callID: popup.callID)]
        default:
            state.ignoredCalls.insert(popup.callID)
            return []
        }
    }

    func callAction(_ action: UIAction, _ state: inout UIState) -> [UICommand] {
        switch action {
        case .answer, .reject:
            return resolve(action == .answer ? .answer(.current) : .reject(.current), &state)
        case .ignore:
            return []
        case .hangUp:
            return resolve(.hangUp(.current), &state)
        case .toggleHold:
            guard let call = state.currentCall else { return noCall(&state) }
            return call.state == .onHold ? resolve(.resume(.id(call.id)), &state) : resolve(.hold(.id(call.id)), &state)
        case .nextCall, .previousCall:
            return switchCall(by: action == .nextCall ? 1 : -1, &state)
        case .blindTransfer, .consultTransfer:
            guard state.currentCall != nil else { return noCall(&state) }
            openPrompt(action == .blindTransfer ? "transfer " : "consult ", &state)
            return []
        case .completeTransfer:
            return resolve(.completeTransfer, &state)
        case .keypad:
            guard state.currentCall != nil else { return noCall(&state) }
            state.isKeypadActive.toggle()
            return []
        case .toggleMute:
            guard let call = state.currentCall else { return noCall(&state) }
            return [.setMuted(callID: call.id, muted: !call.isMuted)]
        case .toggleRecord:
            guard let call = state.currentCall else { return noCall(&state) }
            return [.setRecording(callID: call.id, recording: !call.isRecording)]
        default:
            return []
        }
    }

    /// Selects the next (or previous) call and makes it the one with audio: the call that
    /// was active goes on hold and the newly selected one, if held, resumes.
    private func switchCall(by step: Int, _ state: inout UIState) -> [UICommand] {
        let calls = state.phone.calls
        guard calls.count > 1, let current = state.currentCall,
            let index = calls.firstIndex(where: { $0.id == current.id })
        else { return noCall(&state, reason: "no other call to switch to") }
        let next = calls[(index + step + calls.count) % calls.count]
        state.selectedCall = next.id
        var commands: [UICommand] = []
        if current.isActive { commands.append(.hold(callID: current.id)) }
        if next.state == .onHold { commands.append(.resume(callID: next.id)) }
        return commands
    }

    /// DTMF keypad (RFC 4733): digits go to the current call; esc leaves the keypad. Other keys
    /// fall through so hang-up still works with the keypad open.
    func keypadKey(_ key: Key, _ state: inout UIState) -> [UICommand]? {
        if key == .escape {
            state.isKeypadActive = false
            return []
        }
        guard case .character(let character) = key, "0123456789*#ABCD".contains(character) else { return nil }
        guard let call = state.currentCall else {
            state.isKeypadActive = false
            return []
        }
        return [.sendDTMF(callID: call.id, digits: String(character))]
    }

    /// Resolves through the command language, so keys and `:` commands cannot drift apart.
    func resolve(_ command: ParsedCommand, _ state: inout UIState) -> [UICommand] {
        let resolver = CommandResolver(calls: state.phone.calls, currentCall: state.currentCall?.id)
        switch resolver.resolve(command) {
        case .success(let commands): return commands
        case .failure(let error):
            state.notice = error.description
            return []
        }
    }

    func noCall(_ state: inout UIState, reason: String = "no call") -> [UICommand] {
        state.notice = reason
        return []
    }
}
