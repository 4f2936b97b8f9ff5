import Foundation

/// A filter over call history; every field that is set must match (they combine with AND).
///
/// One value serves the history screen, the "missed calls" badge, the contact view (by remote)
/// and `dialtone history`, and `CallHistoryStore.deleteCalls(matching:)` uses the same filter
/// so "delete what I see" deletes exactly that. How many rows to return is not part of the
/// filter, so deleting never depends on a page size.
public struct HistoryQuery: Sendable, Hashable {
    /// Calls with this remote, compared by `RemoteKey` (case-insensitive host, no parameters).
    public var remote: String?
    /// Calls whose display name, remote URI or reason phrase contain this text, ignoring case
    /// and diacritics. `%` and `_` are literal.
    public var text: String?
    public var direction: HistoryDirection?
    /// Calls with one of these results; nil means any. An empty set matches nothing.
    public var results: Set<CallResult>?
    /// Calls made through the account with exactly this name.
    public var account: String?
    /// Calls that started at or after this time.
    public var since: Date?
    /// Calls that started strictly before this time, so consecutive ranges do not overlap.
    public var before: Date?

    public init(
        remote: String? = nil, text: String? = nil, direction: HistoryDirection? = nil,
        results: Set<CallResult>? = nil, account: String? = nil, since: Date? = nil, before: Date? = nil
    ) {
        self.remote = remote
        self.text = text
        self.direction = direction
        self.results = results
        self.account = account
        self.since = since
        self.before = before
    }

    /// Every call.
    public static let all = HistoryQuery()
    /// Incoming calls nobody answered and nobody declined (see `CallResult.missed`).
    public static let missed = HistoryQuery(results: [.missed])
}
