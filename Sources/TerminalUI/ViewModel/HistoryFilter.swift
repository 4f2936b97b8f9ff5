import Foundation

/// The history pane's filters: free text, direction, account and a date range. All must admit
/// an entry for it to be listed.
public struct HistoryFilter: Sendable, Hashable {
    public var text = ""
    public var direction: HistoryEntry.Direction?
    public var account: String?
    /// Inclusive lower bound on the call's start.
    public var since: Date?
    /// Exclusive upper bound on the call's start.
    public var until: Date?
    /// The range as the user typed it (`2026-11-01…2026-11-20`), shown with the other filters.
    public var dateLabel: String?

    public init(
        text: String = "", direction: HistoryEntry.Direction? = nil, account: String? = nil,
        since: Date? = nil, until: Date? = nil
    ) {
        self.text = text
        self.direction = direction
        self.account = account
        self.since = since
        self.until = until
    }

    public var isEmpty: Bool { self == HistoryFilter() }

    public func admits(_ entry: HistoryEntry) -> Bool {
        if let direction, entry.direction != direction { return false }
        if let account, entry.account != account { return false }
        if let since, entry.startedAt < since { return false }
        if let until, entry.startedAt >= until { return false }
        return text.isEmpty || TextMatch.matches(query: text, in: [entry.displayName, entry.remoteURI, entry.result])
    }

    /// The filters other than the text, as the pane shows them: `missed · work · dated`.
    public var tagSummary: String {
        var parts: [String] = []
        if let direction { parts.append(direction.rawValue) }
        if let account { parts.append(account) }
        if since != nil || until != nil { parts.append(dateLabel ?? "dated") }
        return parts.joined(separator: " · ")
    }
}
