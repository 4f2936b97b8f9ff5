import TerminalUI

/// Commands this build's engine cannot carry out yet, and what the UI says instead. Kept in
/// one place so it goes away in one edit when calls land in the engine (issue 7).
enum UnsupportedFeatures {
    static let callsNotice = "calls are not available in this build"
    static let messagesNotice = "messages are not available in this build"

    /// The notice for `command`, or nil when the engine handles it.
    static func notice(for command: UICommand) -> String? {
        switch command {
        case .dial, .answer, .reject, .hangUp, .hold, .resume, .transfer, .consult, .completeTransfer, .sendDTMF,
            .setMuted, .setRecording:
            return callsNotice
        case .sendMessage:
            return messagesNotice
        case .enableAccount, .disableAccount, .reRegister, .addContact, .editContact, .deleteContact, .deleteHistoryEntry,
            .exportTrace, .writeStarterConfig, .quit:
            return nil
        }
    }
}
