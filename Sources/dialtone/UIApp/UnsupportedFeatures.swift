import TerminalUI

/// Commands this build's engine cannot carry out yet, and what the UI says instead. Kept in
/// one place so it goes away in one edit when calls land in the engine (issue 7).
enum UnsupportedFeatures {
    static let muteNotice = "mute is not available in this build"
    static let recordNotice = "recording from the UI is not available in this build"

    /// The notice for `command`, or nil when the engine handles it.
    static func notice(for command: UICommand) -> String? {
        switch command {
        case .setMuted:
            return muteNotice
        case .setRecording:
            return recordNotice
        case .dial, .answer, .reject, .hangUp, .hold, .resume, .transfer, .consult, .completeTransfer, .sendDTMF,
            .sendMessage, .enableAccount, .disableAccount, .reRegister, .addContact, .editContact, .deleteContact, .deleteHistoryEntry,
            .exportTrace, .writeStarterConfig, .quit:
            return nil
        }
    }
}
