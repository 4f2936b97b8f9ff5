import Foundation

/// How much history to keep when `CallHistoryStore.applyRetention(_:now:)` runs.
///
/// Applied on demand (at start-up, say) rather than on every append, so writing a record at call
/// end stays one small transaction. "Now" is passed in, never read from the system clock, so the
/// age cut-off is testable. The default keeps everything.
public struct RetentionPolicy: Sendable, Hashable {
    /// Keep at most this many of the newest calls, and separately of the newest messages.
    public let keepNewest: Int?
    /// Delete calls that started, and messages sent, more than this many seconds before "now".
    public let maxAge: TimeInterval?

    /// - Precondition: `keepNewest` and `maxAge` are not negative (a negative limit is a
    ///   programming error, not a setting to guess at).
    public init(keepNewest: Int? = nil, maxAge: TimeInterval? = nil) {
        precondition((keepNewest ?? 0) >= 0, "keepNewest must not be negative")
        precondition((maxAge ?? 0) >= 0, "maxAge must not be negative")
        self.keepNewest = keepNewest
        self.maxAge = maxAge
    }

    /// Keep everything.
    public static let unlimited = RetentionPolicy()
}

/// What one application of a `RetentionPolicy` removed.
public struct RetentionOutcome: Sendable, Hashable {
    public let deletedCalls: Int
    public let deletedMessages: Int

    public init(deletedCalls: Int, deletedMessages: Int) {
        self.deletedCalls = deletedCalls
        self.deletedMessages = deletedMessages
    }
}
