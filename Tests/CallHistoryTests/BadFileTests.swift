import CallHistory
import Foundation
import GRDB
import Testing
import TestSupport

/// Files that are not a usable history are refused with an error naming them, and left
/// byte-for-byte as they were.
struct BadFileTests {
    /// Writes `bytes` at a fresh path, runs the opener, and checks the file is unchanged and no
    /// -wal or -shm file was left beside it.
    func refuse(_ bytes: Data, name: String = "history.sqlite") throws -> CallHistoryError? {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent(name)
            try bytes.write(to: url)
            let error = historyError { _ = try CallHistoryStore(databaseURL: url) }
            #expect(try fileBytes(url) == bytes, "the refused file was modified")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(leftovers == [name], "files were created beside the refused one: \(leftovers)")
            if let error { #expect(error.description.contains(url.path), "\(error) does not name the file") }
            return error
        }
    }

    @Test func randomBytesAreNotADatabase() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        let bytes = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
        guard case .notADatabase? = try refuse(bytes) else { Issue.record("expected notADatabase"); return }
    }

    @Test func textFileIsNotADatabase() throws {
        let error = try refuse(Data("[account]\nname = work\n".utf8))
        guard case .notADatabase(_, let reason)? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(reason.contains("SQLite header"))
    }

    @Test func truncatedHeaderIsNotADatabase() throws {
        guard case .notADatabase? = try refuse(Data("SQLite format 3\0\u{10}\0".utf8)) else {
            Issue.record("expected notADatabase"); return
        }
    }

    /// A valid header followed by garbage: SQLite itself must reject it, through our error.
    @Test func validHeaderWithGarbageIsRefused() throws {
        var bytes = Data("SQLite format 3\0".utf8)
        bytes.append(Data(repeating: 0xA5, count: 4096 - bytes.count))
        let error = try refuse(bytes)
        switch error {
        case .notADatabase?, .corrupt?: break
        default: Issue.record("expected notADatabase or corrupt, got \(String(describing: error))")
        }
    }

    /// Another program's SQLite file is not taken over (no tables added, no WAL switch).
    @Test func foreignSQLiteDatabaseIsRefused() throws {
        let bytes = try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("other.db")
            try RawDatabase.execute(url, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            return try fileBytes(url)
        }
        guard case .notAHistoryDatabase? = try refuse(bytes) else { Issue.record("expected notAHistoryDatabase"); return }
    }

    /// A history migrated by a newer Dialtone (a migration this version does not know) is
    /// refused, not migrated or altered.
    @Test func futureSchemaIsRefusedAndUntouched() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history.sqlite")
            try CallHistoryStore(databaseURL: url).append(sampleCall())
            try RawDatabase.execute(url, """
                ALTER TABLE calls ADD COLUMN video TEXT;
                INSERT INTO grdb_migrations (identifier) VALUES ('v2-video-calls');
                PRAGMA wal_checkpoint(TRUNCATE);
                """)
            let before = try fileBytes(url)
            let error = historyError { _ = try CallHistoryStore(databaseURL: url) }
            #expect(error == .futureSchema(path: url.path, unknownMigrations: ["v2-video-calls"]))
            #expect(error?.description.contains("newer Dialtone") == true)
            #expect(try fileBytes(url) == before)
        }
    }

    /// Damage in the last pages (call rows and indexes, away from the schema and the migration
    /// table on the first pages) is found by the integrity check and reported as corruption.
    @Test func damagedPagesAreReportedAsCorrupt() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history.sqlite")
            do {
                // Closed at the end of this scope, which checkpoints the WAL into the file.
                let store = try CallHistoryStore(databaseURL: url)
                for index in 0..<200 {
                    try store.append(sampleCall(name: String(repeating: "n", count: 200), startOffset: Double(index)))
                }
            }
            var bytes = try fileBytes(url)
            try #require(bytes.count > 8 * 4096)
            bytes.replaceSubrange((bytes.count - 8192)..<bytes.count, with: Data(repeating: 0xEE, count: 8192))
            try bytes.write(to: url)
            let reopened = try CallHistoryStore(databaseURL: url)
            let error = historyError { try reopened.verifyIntegrity() }
            guard case .corrupt(let path, let detail)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(path == url.path)
            #expect(!detail.isEmpty)
            #expect(try fileBytes(url) == bytes)
        }
    }

    /// Damage to the first page after the header, where the schema lives, fails the open.
    @Test func damagedSchemaPageFailsTheOpen() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history.sqlite")
            do { try CallHistoryStore(databaseURL: url).append(sampleCall()) }
            var bytes = try fileBytes(url)
            bytes.replaceSubrange(100..<4096, with: Data(repeating: 0xEE, count: 3996))
            try bytes.write(to: url)
            let error = historyError { _ = try CallHistoryStore(databaseURL: url).calls() }
            switch error {
            case .corrupt(let path, _)?, .notADatabase(let path, _)?: #expect(path == url.path)
            default: Issue.record("expected corrupt or notADatabase, got \(String(describing: error))")
            }
            #expect(try fileBytes(url) == bytes)
        }
    }

    /// A row with a value this version does not know names the table and row.
    @Test func unknownStoredValueNamesTheRow() throws {
        try withStore { store throws in
            let id = try store.append(sampleCall())
            try RawDatabase.execute(store.databaseURL, "UPDATE calls SET direction = 'sideways' WHERE id = \(id)")
            let error = historyError { _ = try store.call(id: id) }
            guard case .invalidRow(let path, "calls", id, let detail)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(path == store.databaseURL.path)
            #expect(detail.contains("sideways"))
        }
    }

    @Test func directoryAtThePathIsRefused() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history.sqlite")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            #expect(historyError { _ = try CallHistoryStore(databaseURL: url) } == .notARegularFile(path: url.path))
        }
    }

    @Test func fileInPlaceOfTheDirectoryIsRefused() throws {
        try withTemporaryDirectory { directory throws in
            let blocker = directory.appendingPathComponent("dialtone")
            try Data("x".utf8).write(to: blocker)
            let url = blocker.appendingPathComponent("history.sqlite")
            let error = historyError { _ = try CallHistoryStore(databaseURL: url) }
            guard case .cannotCreateDirectory(let path, _)? = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(path == blocker.path)
            #expect(try fileBytes(blocker) == Data("x".utf8))
        }
    }
}

/// SplitMix64 (TestSupport): seeded, so every run draws the same values.
typealias SeededGenerator = SplitMix64
