/// Turns a parsed command into engine commands against the calls currently known, in the
/// order the calls area numbers them.
public struct CommandResolver: Sendable {
    public var calls: [CallRow]
    /// The call a bare `hold` or `hangup` means.
    public var currentCall: CallID?

    public init(calls: [CallRow], currentCall: CallID?) {
        self.calls = calls
        self.currentCall = currentCall
    }

    /// The engine commands for `command`; `help` is not an engine command and resolves to none.
    public func resolve(_ command: ParsedCommand) -> Result<[UICommand], CommandError> {
        do {
            return .success(try commands(for: command))
        } catch {
            return .failure(error)
        }
    }

    private func commands(for command: ParsedCommand) throws(CommandError) -> [UICommand] {
        switch command {
        case .call(let target, let account): return [.dial(uri: target, account: account)]
        case .answer(let selector): return try answer(selector)
        case .reject(let selector): return [.reject(callID: try ringing(selector).id)]
        case .hangUp(let selector): return [.hangUp(callID: try call(selector).id)]
        case .hold(let selector): return [.hold(callID: try call(selector).id)]
        case .resume(let selector): return try resume(selector)
        case .transfer(let target, let selector): return [.transfer(callID: try call(selector).id, target: target)]
        case .consult(let target, let selector): return [.consult(callID: try call(selector).id, target: target)]
        case .completeTransfer: return [try completeTransfer()]
        case .dtmf(let digits, let selector): return [.sendDTMF(callID: try call(selector).id, digits: digits)]
        case .mute(let on, let selector): return [.setMuted(callID: try call(selector).id, muted: on)]
        case .record(let on, let selector, let file):
            return [.setRecording(callID: try call(selector).id, recording: on, file: file)]
        case .message(let to, let text, let account): return [.sendMessage(to: to, text: text, account: account)]
        case .register(let account): return [.reRegister(account)]
        case .unregister(let account), .disable(let account): return [.disableAccount(account)]
        case .enable(let account): return [.enableAccount(account)]
        case .addContact(let name, let address): return [.addContact(name: name, address: address)]
        case .editContact(let id, let name, let addresses): return [.editContact(id: id, name: name, addresses: addresses)]
        case .deleteContact(let id): return [.deleteContact(id: id)]
        case .deleteHistory(let id): return [.deleteHistoryEntry(id: id)]
        case .export(let path, let format): return [.exportTrace(path: path, format: format)]
        case .help, .dates: return []
        case .theme(let name): return [.setTheme(name: name)]
        case .audio(let playback, let capture): return [.switchAudio(playback: playback, capture: capture)]
        case .devices: return [.listAudioDevices]
        case .quit: return [.quit]
        }
    }

    private func call(_ selector: CallSelector) throws(CommandError) -> CallRow {
        switch selector {
        case .current:
            if let id = currentCall, let row = calls.first(where: { $0.id == id }) { return row }
            guard let row = calls.first(where: \.isActive) ?? calls.first else { throw .noCall }
            return row
        case .number(let n):
            guard n >= 1, n <= calls.count else { throw .noSuchCall("\(n)") }
            return calls[n - 1]
        case .id(let id):
            guard let row = calls.first(where: { $0.id == id }) else { throw .noSuchCall(id.rawValue) }
            return row
        }
    }

    /// For answer/reject a bare command means the ringing call, not the one in progress.
    private func ringing(_ selector: CallSelector) throws(CommandError) -> CallRow {
        if selector == .current {
            guard let row = calls.first(where: \.isUnansweredIncoming) else { throw .noCall }
            return row
        }
        return try call(selector)
    }

    /// Answering while another call is active holds that one first (call waiting).
    private func answer(_ selector: CallSelector) throws(CommandError) -> [UICommand] {
        let target = try ringing(selector)
        let holds = calls.filter { $0.id != target.id && $0.isActive }.map { UICommand.hold(callID: $0.id) }
        return holds + [.answer(callID: target.id)]
    }

    /// Resuming one call holds the others, so only one call ever has the microphone.
    private func resume(_ selector: CallSelector) throws(CommandError) -> [UICommand] {
        let target = try call(selector)
        let holds = calls.filter { $0.id != target.id && $0.isActive }.map { UICommand.hold(callID: $0.id) }
        return holds + [.resume(callID: target.id)]
    }

    /// The held original call is transferred to the consultation (the active one).
    private func completeTransfer() throws(CommandError) -> UICommand {
        guard let consultation = calls.first(where: \.isActive),
            let original = calls.first(where: { $0.id != consultation.id && $0.state == .onHold })
        else { throw .notPossible("complete: needs a held call and an active consultation call") }
        return .completeTransfer(callID: original.id, consultationID: consultation.id)
    }
}
