/// Which side started a call or sent a message.
///
/// Shared by calls and SIP MESSAGEs so a conversation view can sort both on one axis. The raw
/// values are what the database and the JSON output store, so they must never change.
public enum HistoryDirection: String, Sendable, Hashable, CaseIterable, Codable {
    /// The remote party sent the INVITE or MESSAGE to us.
    case incoming
    /// We sent the INVITE or MESSAGE.
    case outgoing
}
