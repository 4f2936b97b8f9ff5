@testable import CallHistory
import Foundation
import GRDB
import Testing

/// Appending and reading back, durability settings, and reopening.
struct StoreTests {
    @Test func appendedCallReadsBackEqualWithEveryField() throws {
        try withStore { store throws in
            let records = [
                sampleCall(encryption: .srtpSDES(suite: "AES_256_CM_HMAC_SHA1_80")),
                sampleCall(name: nil, startOffset: 60, answered: false, status: nil, encryption: .dtlsSRTP),
                missedCall(name: "Zoë «Ünïcode» \"quoted\" 'x' 100%_", startOffset: 120),
            ]
            for record in records {
                let id = try store.append(record)
                #expect(try store.call(id: id) == stored(record, id: id))
            }
        }
    }

    @Test func idsIncreaseAndAreNeverReused() throws {
        try withStore { store throws in
            let first = try store.append(sampleCall(startOffset: 0))
            let second = try store.append(sampleCall(startOffset: 1))
            #expect(second == first + 1)
            #expect(try store.deleteCall(id: second))
            let third = try store.append(sampleCall(startOffset: 2))
            #expect(third == second + 1)
            #expect(try store.call(id: second) == nil)
        }
    }

    @Test func appendIgnoresTheRecordsOwnID() throws {
        try withStore { store throws in
            let id = try store.append(stored(sampleCall(), id: 999))
            #expect(id == 1)
            #expect(try store.call(id: 999) == nil)
        }
    }

    /// The durability decision, checked on the file itself: WAL journal, synchronous=NORMAL (1).
    @Test func usesWALWithSynchronousNormal() throws {
        try withStore { store throws in
            try store.append(sampleCall())
            #expect(try RawDatabase.strings(store.databaseURL, "PRAGMA journal_mode") == ["wal"])
            // synchronous is a per-connection setting: ask the store's own writer and readers.
            #expect(try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
            #expect(try store.pool.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") } == 1)
        }
    }

    @Test func historySurvivesReopening() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("h.sqlite")
            let id = try CallHistoryStore(databaseURL: url).append(sampleCall())
            let reopened = try CallHistoryStore(databaseURL: url)
            #expect(try reopened.call(id: id) == stored(sampleCall(), id: id))
            try reopened.verifyIntegrity()
        }
    }

    /// A zero-length file is what `touch` leaves; SQLite treats it as an empty database.
    @Test func acceptsAnEmptyFile() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("h.sqlite")
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data()))
            let store = try CallHistoryStore(databaseURL: url)
            try store.append(sampleCall())
            #expect(try store.countCalls() == 1)
        }
    }

    @Test func twoStoresOnOneFileSeeEachOthersWrites() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("h.sqlite")
            let writer = try CallHistoryStore(databaseURL: url)
            let reader = try CallHistoryStore(databaseURL: url)
            let id = try writer.append(missedCall())
            #expect(try reader.call(id: id)?.result == .missed)
        }
    }

    /// Each query the UI makes is served by an index, not a table scan.
    @Test(arguments: [
        "SELECT id FROM calls ORDER BY start_ms DESC LIMIT 20",
        "SELECT id FROM calls WHERE remote_key = 'x' ORDER BY start_ms DESC",
        "SELECT id FROM calls WHERE result IN ('missed') ORDER BY start_ms DESC",
        "SELECT id FROM calls WHERE account = 'x' ORDER BY start_ms DESC",
        "SELECT id FROM calls WHERE start_ms >= 5 AND start_ms < 9",
        "SELECT id FROM messages WHERE remote_key = 'x' ORDER BY time_ms DESC",
    ])
    func queryUsesAnIndex(_ sql: String) throws {
        try withStore { store throws in
            let plan = try RawDatabase.strings(store.databaseURL, "EXPLAIN QUERY PLAN " + sql, column: 3)
            #expect(plan.contains { $0.contains("USING INDEX") || $0.contains("USING COVERING INDEX") }, "\(plan)")
            #expect(!plan.contains { $0 == "SCAN calls" || $0 == "SCAN messages" }, "\(plan)")
        }
    }
}

/// Reads and tampers with a database file directly through GRDB, independently of the store,
/// as another program (or a damaged disk) would.
///
/// GRDB is a dependency of CallHistory, not declared for this test target; SwiftPM builds it
/// for the tests anyway, and importing it here keeps the store's API free of GRDB.
enum RawDatabase {
    /// The `column`th value of every row `sql` returns, as text, read-only.
    static func strings(_ url: URL, _ sql: String, column: Int = 0) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                let value: DatabaseValue = row[column]
                return value.isNull ? "NULL" : String(describing: value.storage.value ?? "NULL")
            }
        }
    }

    /// Runs `sql` (several statements allowed) read-write.
    static func execute(_ url: URL, _ sql: String) throws {
        try DatabaseQueue(path: url.path).writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}
