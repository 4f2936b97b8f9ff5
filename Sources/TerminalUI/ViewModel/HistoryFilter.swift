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

    /// What the pane's title says is in force, e.g. `missed · work · "bob"`.
    public var summary: String {
        var parts: [String] = []
        if let direction { parts.append(direction.rawValue) }
        if let account { parts.append(account) }
        if since != nil || until != nil { parts.append("dated") }
        if !text.isEmpty { parts.append("\"\(text)\"") }
        return parts.joined(separator: " · ")
    }
}
