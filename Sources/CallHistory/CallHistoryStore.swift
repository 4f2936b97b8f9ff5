import Foundation
internal import GRDB

/// The call and message history in one SQLite file, shared by the engine (which appends) and
/// the UI and `dialtone history` (which query).
///
/// A value holding a connection pool: copies share the pool, and it is `Sendable`, so an actor
/// can own one and a UI task can hold another. Each method is one transaction.
///
/// Durability: the file is in WAL mode with `synchronous=NORMAL`. A commit has been written to
/// the -wal file (though not fsync'ed) when `append` returns, so it survives the process being
/// killed at any instant, `kill -9` included: the kernel still holds the write and the next open
/// replays the log. Only an OS crash or power loss can lose the newest commits, and never
/// corrupts the file. `FULL` would add an fsync per call end to cover that too; a call record
/// lost to a power cut is not worth the stall on slow storage. The kill test proves the first
/// claim on every run.
public struct CallHistoryStore: Sendable {
    /// The database file.
    public let databaseURL: URL
    let pool: DatabasePool

    /// Opens the history at `databaseURL`, creating it (and its directory, mode 0700) if absent
    /// and migrating it to the current schema.
    ///
    /// A file that is not a Dialtone history, is damaged, or was migrated by a newer Dialtone is
    /// refused with a `CallHistoryError` naming it, and is never modified.
    public init(databaseURL: URL) throws(CallHistoryError) {
        let path = databaseURL.path
        switch try DatabaseFile.inspect(path) {
        case .absent:
            try DatabaseFile.createDirectory(databaseURL.deletingLastPathComponent().path)
            try DatabaseFile.createEmpty(path)
        case .empty:
            break
        case .sqlite:
            try HistorySchema.checkBeforeMigrating(path: path)
        }
        let failure = SQLiteFailure(path: path)
        pool = try failure.run { try DatabasePool(path: path, configuration: Self.configuration()) }
        self.databaseURL = databaseURL
        try failure.run { try HistorySchema.migrator.migrate(pool) }
    }

    /// Opens the history at its default location for `environment` (see `HistoryLocation`).
    public init(environment: [String: String]) throws(CallHistoryError) {
        try self.init(databaseURL: HistoryLocation.defaultDatabaseURL(environment: environment))
    }

    /// Connection settings: WAL (set by `DatabasePool`), `synchronous=NORMAL` (see the type's
    /// documentation), and a busy timeout so `dialtone history` can read while a running phone
    /// writes, instead of failing with "database is locked".
    private static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "CallHistory"
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// Stores a finished call in its own transaction and returns its row id.
    ///
    /// The record's own `id` is ignored: ids are assigned by the database and never reused,
    /// even after deletions, so a UI holding an id can never reach a different call.
    @discardableResult
    public func append(_ record: CallRecord) throws(CallHistoryError) -> Int64 {
        try write(CallRow.insertSQL, CallRow.insertArguments(record)).insertedID
    }

    /// Stores a message in its own transaction and returns its row id (ids as for calls).
    @discardableResult
    public func append(_ message: MessageRecord) throws(CallHistoryError) -> Int64 {
        try write(MessageRow.insertSQL, MessageRow.insertArguments(message)).insertedID
    }

    /// Runs SQLite's full consistency check, for a "check history" command and for tests.
    ///
    /// Not run on open: it reads every page, and damage is reported anyway by whichever query
    /// first touches it.
    public func verifyIntegrity() throws(CallHistoryError) {
        let report = try failure.run { try pool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } }
        guard report == ["ok"] else {
            throw .corrupt(path: databaseURL.path, detail: report.prefix(5).joined(separator: "; "))
        }
    }

    /// Runs one statement in its own transaction; every single-statement change goes through here.
    func write(_ sql: String, _ arguments: StatementArguments) throws(CallHistoryError) -> (changes: Int, insertedID: Int64) {
        try failure.run {
            try pool.write { db in
                try db.execute(sql: sql, arguments: arguments)
                return (db.changesCount, db.lastInsertedRowID)
            }
        }
    }

    /// The error translator for this file.
    var failure: SQLiteFailure { SQLiteFailure(path: databaseURL.path) }
}
