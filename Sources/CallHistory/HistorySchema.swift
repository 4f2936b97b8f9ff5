internal import GRDB

/// The database schema as a list of named migrations, and the checks made before migrating.
///
/// Migrations are append-only: a released one is never edited, a schema change is a new
/// `vN-…` migration, so every older history upgrades in place. A history that a newer Dialtone
/// migrated further is refused, not "repaired", since this version cannot know what its
/// unknown migrations mean.
enum HistorySchema {
    /// `PRAGMA application_id` of a Dialtone history ("DTHS"), set by v1 so a foreign SQLite
    /// file can be told apart without guessing from table names.
    static let applicationID: Int32 = 0x4454_4853

    /// Every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-calls-and-messages", migrate: createVersion1)
        return migrator
    }

    /// Refuses a database that is not ours or is from the future, using only reads.
    ///
    /// Runs on a read-only connection before the read-write pool exists, because opening the
    /// pool switches the file to WAL mode, which is a write.
    static func checkBeforeMigrating(path: String) throws(CallHistoryError) {
        let failure = SQLiteFailure(path: path)
        var configuration = Configuration()
        configuration.readonly = true
        let facts = try failure.run {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read(Facts.init)
        }
        if facts.applicationID != applicationID, facts.applicationID != 0 || facts.tableCount > 0 {
            throw .notAHistoryDatabase(path: path)
        }
        let unknown = facts.appliedMigrations.subtracting(migrator.migrations)
        guard unknown.isEmpty else { throw .futureSchema(path: path, unknownMigrations: unknown.sorted()) }
    }

    /// What the pre-migration check reads from an existing file.
    private struct Facts {
        let applicationID: Int32
        let tableCount: Int
        let appliedMigrations: Set<String>

        init(_ db: Database) throws {
            applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            tableCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            appliedMigrations = try HistorySchema.migrator.appliedIdentifiers(db)
        }
    }

    /// v1: calls and messages, with an index per query the UI makes.
    ///
    /// Times are integer milliseconds since 1970. `remote_key` and `search_text` are derived
    /// columns (`RemoteKey`, `SearchText`) so lookups use an index or a single column; `result`
    /// is stored, although derived, so the missed-calls query can use an index.
    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE calls (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                direction TEXT NOT NULL, account TEXT NOT NULL,
                remote_uri TEXT NOT NULL, remote_key TEXT NOT NULL, remote_display_name TEXT,
                local_uri TEXT NOT NULL, call_id TEXT NOT NULL,
                start_ms INTEGER NOT NULL, answer_ms INTEGER, end_ms INTEGER NOT NULL,
                result TEXT NOT NULL, status_code INTEGER, reason_phrase TEXT,
                codec TEXT, encryption TEXT NOT NULL, srtp_suite TEXT,
                search_text TEXT NOT NULL);
            CREATE INDEX calls_by_start ON calls(start_ms);
            CREATE INDEX calls_by_remote ON calls(remote_key, start_ms);
            CREATE INDEX calls_by_result ON calls(result, start_ms);
            CREATE INDEX calls_by_account ON calls(account, start_ms);
            CREATE TABLE messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                direction TEXT NOT NULL, account TEXT NOT NULL,
                remote_uri TEXT NOT NULL, remote_key TEXT NOT NULL, remote_display_name TEXT,
                time_ms INTEGER NOT NULL, content_type TEXT NOT NULL, body TEXT NOT NULL,
                delivery_status INTEGER);
            CREATE INDEX messages_by_remote ON messages(remote_key, time_ms);
            CREATE INDEX messages_by_time ON messages(time_ms);
            PRAGMA application_id = \(applicationID);
            """)
    }
}
