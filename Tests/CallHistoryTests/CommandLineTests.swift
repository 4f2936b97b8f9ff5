import CallHistory
import Foundation
import Testing

/// `dialtone history` run as a real process on a prepared database.
@Suite struct CommandLineTests {
    /// Four calls: ids 1 (Alice, answered, work), 2 (Bob, missed), 3 (Carol, home), 4 (Alice missed).
    func withDatabase(_ body: (URL, [CallRecord]) throws -> Void) throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history.sqlite")
            let records = [
                sampleCall(startOffset: 0),
                missedCall(startOffset: 60),
                sampleCall(account: "home", remote: "sip:carol@example.org", name: "Carol", startOffset: 120),
                missedCall(remote: "sip:alice@example.com", name: "Alice", startOffset: 180),
            ]
            let store = try CallHistoryStore(databaseURL: url)
            var saved: [CallRecord] = []
            for record in records { saved.append(stored(record, id: try store.append(record))) }
            try body(url, saved.reversed())
        }
    }

    let utcEnvironment = ["TZ": "UTC", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]

    @Test func jsonLinesDecodeToTheStoredRecords() throws {
        try withDatabase { url, newestFirst throws in
            let outcome = try DialtoneProcess.run(["history", "--json", "--database", url.path], environment: utcEnvironment)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
            #expect(try lines.map(HistoryJSON.decodeCall) == newestFirst)
        }
    }

    @Test func tableIsTheLibraryRendering() throws {
        try withDatabase { url, newestFirst throws in
            let outcome = try DialtoneProcess.run(["history", "--database", url.path], environment: utcEnvironment)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(outcome.standardOutput == HistoryTable.render(newestFirst, timeZone: TimeZone(identifier: "UTC")!))
            #expect(outcome.standardOutput.contains("←!"), "missed calls are marked")
        }
    }

    @Test(arguments: [
        (["--missed"], [4, 2]),
        (["--account", "home"], [3]),
        (["--search", "ALICE"], [4, 1]),
        (["--search", "alice", "--limit", "1"], [4]),
        (["--since", "2025-01-01T00:02:00Z"], [4, 3]),
        (["--since", "2025-01-01"], [4, 3, 2, 1]),
        (["--missed", "--search", "bob"], [2]),
    ] as [([String], [Int64])])
    func filters(_ options: [String], _ ids: [Int64]) throws {
        try withDatabase { url, _ throws in
            let arguments = ["history"] + options + ["--json", "--database", url.path]
            let outcome = try DialtoneProcess.run(arguments, environment: utcEnvironment)
            #expect(outcome.status == 0, "\(outcome.standardError)")
            let records = try outcome.standardOutput.split(separator: "\n").map { try HistoryJSON.decodeCall(String($0)) }
            #expect(records.compactMap(\.id) == ids)
        }
    }

    @Test(arguments: [["--since", "2025-02-30"], ["--since", "last week"], ["--limit", "0"]])
    func badOptionsAreUsageErrors(_ options: [String]) throws {
        let outcome = try DialtoneProcess.run(["history"] + options + ["--database", "/nonexistent/h.sqlite"])
        #expect(outcome.status == 2, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(options[0]))
    }

    /// A mistyped --database is an error and is not created.
    @Test func missingExplicitDatabaseIsAnError() throws {
        try withTemporaryDirectory { directory throws in
            let path = directory.appendingPathComponent("typo.sqlite").path
            let outcome = try DialtoneProcess.run(["history", "--database", path])
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("no call history at \(path)"))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    /// No history at the default location just means no calls yet; listing creates nothing.
    @Test func missingDefaultHistoryIsEmptyAndNotCreated() throws {
        try withTemporaryDirectory { directory throws in
            let outcome = try DialtoneProcess.run(["history"], environment: ["HOME": directory.path])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(outcome.standardOutput == "No calls recorded yet.\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }

    @Test func defaultLocationFollowsXDGDataHome() throws {
        try withTemporaryDirectory { directory throws in
            let store = try CallHistoryStore(environment: ["XDG_DATA_HOME": directory.path])
            let id = try store.append(missedCall())
            let outcome = try DialtoneProcess.run(["history", "--json"], environment: ["XDG_DATA_HOME": directory.path, "HOME": "/nonexistent"])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            #expect(try HistoryJSON.decodeCall(outcome.standardOutput.trimmingCharacters(in: .newlines)) == stored(missedCall(), id: id))
        }
    }

    @Test func corruptFileIsReportedAndKept() throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history.sqlite")
            let bytes = Data("not a database at all\n".utf8)
            try bytes.write(to: url)
            let outcome = try DialtoneProcess.run(["history", "--database", url.path])
            #expect(outcome.status == 1)
            #expect(outcome.standardError.contains("\(url.path) is not an SQLite database"), "\(outcome.standardError)")
            #expect(try fileBytes(url) == bytes)
        }
    }

    @Test func testWriterIsHiddenFromHelp() throws {
        let outcome = try DialtoneProcess.run(["history", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("--missed"))
        #expect(!outcome.standardOutput.contains("record-test"))
    }
}
