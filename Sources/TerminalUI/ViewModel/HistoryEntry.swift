import Foundation

/// One call in the history pane.
public struct HistoryEntry: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case incoming, outgoing, missed
    }

    /// The storage's row identifier, passed back in delete commands.
    public var id: String
    public var direction: Direction
    public var remoteName: String?
    public var remoteURI: String
    public var account: String
    public var startedAt: Date
    /// Talk time in seconds; zero for unanswered calls.
    public var durationSeconds: Int
    /// How it ended, in a few words ("answered", "busy", "486 Busy Here").
    public var result: String

    public init(
        id: String, direction: Direction, remoteName: String? = nil, remoteURI: String, account: String,
        startedAt: Date, durationSeconds: Int = 0, result: String
    ) {
        self.id = id
        self.direction = direction
        self.remoteName = remoteName
        self.remoteURI = remoteURI
        self.account = account
        self.startedAt = startedAt
        self.durationSeconds = durationSeconds
        self.result = result
    }

    public var displayName: String { remoteName ?? remoteURI }
}
