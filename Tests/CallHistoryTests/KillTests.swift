import CallHistory
import Dispatch
import Foundation
import Testing

/// Durability against a crash: a real `dialtone` process appends calls, one transaction each,
/// printing every record after its commit returned; it is killed with SIGKILL mid-stream, and
/// every record it reported must then be in the database, intact, with the file passing
/// `PRAGMA integrity_check`.
///
/// Three runs kill at different depths (before, around and after the first WAL checkpoints, as
/// each commit adds several pages to the log), so the kill lands at varied points: between
/// commits, inside one, or inside a checkpoint.
@Suite(.serialized) struct KillTests {
    /// Records to wait for before the kill, per run.
    @Test(arguments: [25, 400, 1500])
    func killedWriterLosesNoCommittedRecord(reportedBeforeKill: Int) throws {
        try withTemporaryDirectory { directory throws in
            let url = directory.appendingPathComponent("history.sqlite")
            let reported = try runAndKill(database: url, after: reportedBeforeKill)
            try #require(
                reported.count >= reportedBeforeKill,
                "the writer stopped after \(reported.count) records (is HistoryCommand in Dialtone's subcommands?)")
            #expect(reported.compactMap(\.id) == (1...Int64(reported.count)).map { $0 }, "ids are reported in commit order")

            let store = try CallHistoryStore(databaseURL: url)
            try store.verifyIntegrity()
            for record in reported {
                let id = try #require(record.id)
                #expect(try store.call(id: id) == record, "record \(id) lost or changed")
            }
            // Nothing beyond the reported records but at most the one commit in flight.
            let count = try store.countCalls()
            #expect(count == reported.count || count == reported.count + 1, "\(count) rows for \(reported.count) reports")
            // The history still takes writes after recovery.
            let next = try store.append(missedCall())
            #expect(next == Int64(count) + 1)
        }
    }

    /// Starts the writer, reads its reports until `after` arrived, kills it with SIGKILL, and
    /// returns every complete report it printed (including any written between the last one
    /// read and the kill).
    private func runAndKill(database: URL, after: Int) throws -> [CallRecord] {
        let process = Process()
        process.executableURL = try DialtoneProcess.requireExecutable()
        process.arguments = ["history", "record-test", "--database", database.path, "--count", "1000000"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        // A writer that hangs or never reports must fail the test, not hang it: SIGKILL after
        // two minutes makes the pipe reach end of file.
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        defer { watchdog.cancel() }

        var reader = LineReader(output.fileHandleForReading)
        var reports: [String] = []
        while reports.count < after, let line = reader.nextLine() { reports.append(line) }
        kill(pid, SIGKILL)
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL,
                "the writer ended on its own (status \(process.terminationStatus)) instead of being killed")
        try? output.fileHandleForWriting.close()
        while let line = reader.nextLine() { reports.append(line) }
        return try reports.map(HistoryJSON.decodeCall)
    }
}
