import Foundation
internal import GRDB

/// Applying a `RetentionPolicy`.
extension CallHistoryStore {
    /// Deletes calls and messages beyond `policy`, measuring age from `now`, in one transaction
    /// so an interrupted run leaves the history as it was.
    ///
    /// Calls and messages are limited separately: a thousand messages should not push out the
    /// only record of a missed call.
    @discardableResult
    public func applyRetention(_ policy: RetentionPolicy, now: Date) throws(CallHistoryError) -> RetentionOutcome {
        let cutoff = policy.maxAge.map { Milliseconds.from(now.addingTimeInterval(-$0)) }
        return try failure.run {
            try pool.write { db in
                RetentionOutcome(
                    deletedCalls: try Self.trim(db, table: "calls", timeColumn: "start_ms", keep: policy.keepNewest, cutoff: cutoff),
                    deletedMessages: try Self.trim(db, table: "messages", timeColumn: "time_ms", keep: policy.keepNewest, cutoff: cutoff))
            }
        }
    }

    /// Deletes rows older than `cutoff`, then all but the newest `keep`; returns the count.
    private static func trim(_ db: Database, table: String, timeColumn: String, keep: Int?, cutoff: Int64?) throws -> Int {
        var deleted = 0
        if let cutoff {
            try db.execute(sql: "DELETE FROM \(table) WHERE \(timeColumn) < ?", arguments: [cutoff])
            deleted += db.changesCount
        }
        if let keep {
            try db.execute(sql: """
                DELETE FROM \(table) WHERE id NOT IN (
                    SELECT id FROM \(table) ORDER BY \(timeColumn) DESC, id DESC LIMIT ?)
                """, arguments: [keep])
            deleted += db.changesCount
        }
        return deleted
    }
}
