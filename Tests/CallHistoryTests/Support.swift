import CallHistory
import Foundation
import Testing

/// Runs `body` with a fresh directory that is removed afterwards, so tests can run in parallel
/// and leave nothing behind.
func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("CallHistoryTests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// Runs `body` with a store on a new database in a temporary directory.
func withStore<T>(_ body: (CallHistoryStore) throws -> T) throws -> T {
    try withTemporaryDirectory { directory throws in
        try body(try CallHistoryStore(databaseURL: directory.appendingPathComponent("history.sqlite")))
    }
}

/// A fixed instant (2025-01-01T00:00:00Z) that sample times are offsets from; tests never read
/// the clock.
let epoch = Date(timeIntervalSince1970: 1_735_689_600)

/// A call with sensible defaults; `startOffset` is seconds after `epoch`.
func sampleCall(
    direction: HistoryDirection = .outgoing, account: String = "work",
    remote: String = "sip:alice@example.com", name: String? = "Alice",
    startOffset: TimeInterval = 0, answered: Bool = true, talk: TimeInterval = 60,
    status: SIPStatus? = SIPStatus(code: 200, reasonPhrase: "OK"),
    encryption: CallEncryption = .none
) -> CallRecord {
    let start = epoch.addingTimeInterval(startOffset)
    let answer = answered ? start.addingTimeInterval(3) : nil
    return CallRecord(
        direction: direction, account: account, remote: RemoteParty(uri: remote, displayName: name),
        localURI: "sip:me@example.net", callID: "call-\(startOffset)@host",
        times: CallTimes(start: start, answer: answer, end: (answer ?? start).addingTimeInterval(answered ? talk : 10)),
        finalStatus: status, codec: answered ? "PCMA/8000" : nil, encryption: encryption)
}

/// An unanswered incoming call ended by the caller's CANCEL: the model missed call.
func missedCall(remote: String = "sip:bob@example.com", name: String? = "Bob", startOffset: TimeInterval = 0) -> CallRecord {
    sampleCall(
        direction: .incoming, remote: remote, name: name, startOffset: startOffset, answered: false,
        status: SIPStatus(code: 487, reasonPhrase: "Request Terminated"))
}

/// `record` with its id set, for comparing with what the store returns.
func stored(_ record: CallRecord, id: Int64) -> CallRecord {
    var copy = record
    copy.id = id
    return copy
}

/// The exact bytes of a file, to prove a refused file was not modified.
func fileBytes(_ url: URL) throws -> Data {
    try Data(contentsOf: url)
}

/// The thrown `CallHistoryError`, or a test failure if `body` throws nothing or something else.
func historyError(_ body: () throws -> Void) -> CallHistoryError? {
    do {
        try body()
        Issue.record("expected a CallHistoryError, nothing was thrown")
        return nil
    } catch let error as CallHistoryError {
        return error
    } catch {
        Issue.record("expected a CallHistoryError, got \(error)")
        return nil
    }
}
