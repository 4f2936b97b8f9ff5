/// What the UI asks the engine to do. The same commands come from keys, from the `:` prompt
/// and (later) from the scripted mode's control socket: one command table (STYLE.md, baresip).
/// Imperative names, as STYLE.md asks of commands.
public enum UICommand: Sendable, Hashable {
    case dial(uri: String, account: String?)
    case answer(callID: CallID)
    case reject(callID: CallID)
    case hangUp(callID: CallID)
    case hold(callID: CallID)
    case resume(callID: CallID)
    /// Blind transfer (RFC 5589 §6): REFER the call to `target`.
    case transfer(callID: CallID, target: String)
    /// First half of an attended transfer (RFC 5589 §7): hold `callID` and call `target`.
    case consult(callID: CallID, target: String)
    /// Second half: REFER `callID` to the consultation call with Replaces (RFC 3891).
    case completeTransfer(callID: CallID, consultationID: CallID)
    /// RFC 4733 telephone events: `0-9 * # A-D`.
    case sendDTMF(callID: CallID, digits: String)
    case setMuted(callID: CallID, muted: Bool)
    /// Starts or stops recording; `file` is where the user asked for it (`~` not yet expanded),
    /// nil for a new file in the recordings directory.
    case setRecording(callID: CallID, recording: Bool, file: String? = nil)
    case sendMessage(to: String, text: String, account: String?)
    case enableAccount(String)
    case disableAccount(String)
    case reRegister(String)
    case addContact(name: String, address: String)
    case editContact(id: String, name: String, addresses: [String])
    case deleteContact(id: String)
    case deleteHistoryEntry(id: String)
    case exportTrace(path: String, format: TraceFormat)
    /// First run: write the starter configuration to `path` (never over an existing file).
    case writeStarterConfig(path: String)
    /// Shows the UI in another theme now (nil: the next shipped one); the configuration file
    /// is not changed.
    case setTheme(name: String?)
    /// The conversation is on screen: its messages are read (the unread count goes).
    case markConversationRead(remoteURI: String, account: String)
    /// Moves every call (and later calls) to these sound devices; nil: the default device.
    case switchAudio(playback: String?, capture: String?)
    /// Shows the sound devices' names (for `audio`).
    case listAudioDevices
    case quit
}

/// How an exported SIP trace is written: pcap opens in Wireshark, text in any editor.
public enum TraceFormat: String, Sendable, Hashable, CaseIterable {
    case pcap, text
}
