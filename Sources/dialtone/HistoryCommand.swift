import ArgumentParser
import CallHistory
import Foundation

/// `dialtone history`: the call history from the terminal, as a table or as JSON lines.
///
/// Wiring only: the query, the table and the JSON live in `CallHistory`, where they are tested.
/// The one subcommand, `record-test`, is a hidden writer that the kill -9 test in
/// CallHistoryTests runs as a real process.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List calls, newest first.",
        usage: "dialtone history [--missed] [--since DATE] [--account NAME] [--search TEXT] [--limit N] [--json] [--database PATH]",
        discussion: "Exit status: 0 success (also when no history exists yet), 1 the history cannot be read.",
        subcommands: [HistoryRecordTestCommand.self])

    @Flag(help: "Only missed calls (incoming, not answered, not declined).")
    var missed = false

    @Option(help: ArgumentHelp("Only calls since DATE: YYYY-MM-DD (local midnight) or ISO 8601.", valueName: "DATE"))
    var since: String?

    @Option(help: ArgumentHelp("Only calls of the account NAME.", valueName: "NAME"))
    var account: String?

    @Option(help: ArgumentHelp("Only calls whose name, URI or reason contains TEXT.", valueName: "TEXT"))
    var search: String?

    @Option(help: ArgumentHelp("Show at most N calls.", valueName: "N"))
    var limit = 50

    @Flag(help: "Print one JSON object per call and line.")
    var json = false

    @Option(help: ArgumentHelp("The history database (default: $XDG_DATA_HOME/dialtone/history.sqlite).", valueName: "PATH"))
    var database: String?

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        if let since, HistoryDateArgument.parse(since, timeZone: .current) == nil {
            throw ValidationError("--since \(since): expected YYYY-MM-DD or an ISO 8601 date-time such as 2025-03-01T08:00:00Z")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let url = try database.map { URL(fileURLWithPath: $0) }
            ?? HistoryLocation.defaultDatabaseURL(environment: environment)
        guard FileManager.default.fileExists(atPath: url.path) else {
            // Listing must not create a history; a mistyped --database is an error, while a
            // missing default history just means no calls were made yet.
            guard database == nil else { throw HistoryCommandFailure(message: "no call history at \(url.path)") }
            if !json { print("No calls recorded yet.") }
            return
        }
        let records = try CallHistoryStore(databaseURL: url).calls(matching: query(), limit: limit)
        if json {
            for record in records { print(try HistoryJSON.line(record)) }
        } else {
            print(HistoryTable.render(records, timeZone: .current), terminator: "")
        }
    }

    /// The filter the options describe.
    func query() -> HistoryQuery {
        HistoryQuery(
            text: search, results: missed ? [.missed] : nil, account: account,
            since: since.flatMap { HistoryDateArgument.parse($0, timeZone: .current) })
    }
}

/// A failure reported as `Error: <message>` with exit status 1.
struct HistoryCommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Appends synthetic calls one transaction at a time, printing each as a JSON line only after
/// its commit returned, until killed or `--count` is reached.
///
/// The kill -9 test compares what this printed with what the database holds afterwards; the
/// fields vary with the index (quotes, non-ASCII, `%`, every result and encryption) so a torn
/// or mixed-up row would show.
struct HistoryRecordTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record-test", abstract: "Write synthetic calls (for the crash test).", shouldDisplay: false)

    /// `--database` belongs to `history` and is read from there, so the test writes with the
    /// same option spelling as the list (`dialtone history record-test --database PATH`).
    @ParentCommand var history: HistoryCommand

    @Option(help: "How many calls to write.")
    var count: Int

    func run() throws {
        guard let database = history.database else { throw ValidationError("record-test needs --database PATH") }
        let store = try CallHistoryStore(databaseURL: URL(fileURLWithPath: database))
        for index in 0..<max(0, count) {
            var record = Self.record(index)
            record.id = try store.append(record)
            FileHandle.standardOutput.write(Data((try HistoryJSON.line(record) + "\n").utf8))
        }
    }

    /// The call written at `index`: deterministic, with every field exercised.
    static func record(_ index: Int) -> CallRecord {
        let start = Date(timeIntervalSince1970: 1_735_689_600 + Double(index) * 61.5)
        let statuses: [SIPStatus?] = [
            SIPStatus(code: 200, reasonPhrase: "OK"), SIPStatus(code: 487, reasonPhrase: "Request Terminated"),
            SIPStatus(code: 486, reasonPhrase: "Busy Here"), nil, SIPStatus(code: 404, reasonPhrase: "Not Found 100%_"),
        ]
        let encryptions: [CallEncryption] = [.none, .srtpSDES(suite: "AES_CM_128_HMAC_SHA1_80"), .dtlsSRTP]
        let answered = index % 5 == 0
        return CallRecord(
            direction: index % 2 == 0 ? .incoming : .outgoing, account: "crash-test-\(index % 3)",
            remote: RemoteParty(uri: "sip:peer\(index % 7)@Example.org;transport=tcp",
                                displayName: index % 4 == 0 ? nil : "Peer \(index) «Zoë» \"q\" 'x'"),
            localURI: "sip:me@example.net", callID: "crash-\(index)-\(String(repeating: "x", count: index % 50))@host",
            times: CallTimes(
                start: start, answer: answered ? start.addingTimeInterval(2.25) : nil,
                end: start.addingTimeInterval(answered ? 45.125 : 8)),
            finalStatus: statuses[index % statuses.count], codec: answered ? "opus/48000/2" : nil,
            encryption: encryptions[index % encryptions.count])
    }
}
