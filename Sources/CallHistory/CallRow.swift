internal import GRDB

/// The mapping between `CallRecord` and a row of the `calls` table.
///
/// Written by hand instead of through GRDB's record protocols so that GRDB stays out of the
/// public API and every column, including the derived ones, is visible in one place.
enum CallRow {
    static let selectColumns = """
        id, direction, account, remote_uri, remote_display_name, local_uri, call_id,
        start_ms, answer_ms, end_ms, status_code, reason_phrase, codec, encryption, srtp_suite
        """

    static let insertSQL = """
        INSERT INTO calls (direction, account, remote_uri, remote_key, remote_display_name,
            local_uri, call_id, start_ms, answer_ms, end_ms, result, status_code, reason_phrase,
            codec, encryption, srtp_suite, search_text)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The values for `insertSQL`, including the derived key, result and search columns.
    static func insertArguments(_ record: CallRecord) -> StatementArguments {
        let remote = record.remote
        let values: [(any DatabaseValueConvertible)?] = [
            record.direction.rawValue, record.account, remote.uri, remote.key, remote.displayName,
            record.localURI, record.callID, Milliseconds.from(record.times.start),
            record.times.answer.map(Milliseconds.from), Milliseconds.from(record.times.end),
            record.result.rawValue, record.finalStatus?.code, record.finalStatus?.reasonPhrase,
            record.codec, record.encryption.kind, record.encryption.suite,
            SearchText.column(
                displayName: remote.displayName, uri: remote.uri, reasonPhrase: record.finalStatus?.reasonPhrase),
        ]
        return StatementArguments(values)
    }

    /// The record in `row`, or `invalidRow` naming the row when a value cannot be read back.
    static func decode(_ row: Row, path: String) throws(CallHistoryError) -> CallRecord {
        let id: Int64 = row["id"]
        do {
            return try decodeColumns(row, id: id)
        } catch {
            throw .invalidRow(path: path, table: "calls", id: id, detail: String(describing: error))
        }
    }

    private static func decodeColumns(_ row: Row, id: Int64) throws -> CallRecord {
        let direction = try RowValue.direction(row)
        let encryptionKind = try row.decode(String.self, forColumn: "encryption")
        let suite = try row.decode(String?.self, forColumn: "srtp_suite")
        guard let encryption = CallEncryption(kind: encryptionKind, suite: suite) else {
            throw RowValue.Unreadable(description: "unknown encryption '\(encryptionKind)' (suite \(suite ?? "none"))")
        }
        let code = try row.decode(Int?.self, forColumn: "status_code")
        let reason = try row.decode(String?.self, forColumn: "reason_phrase")
        return CallRecord(
            id: id, direction: direction, account: try row.decode(forColumn: "account"),
            remote: try RowValue.remote(row), localURI: try row.decode(forColumn: "local_uri"),
            callID: try row.decode(forColumn: "call_id"),
            times: CallTimes(
                start: Milliseconds.date(try row.decode(forColumn: "start_ms")),
                answer: try row.decode(Int64?.self, forColumn: "answer_ms").map(Milliseconds.date),
                end: Milliseconds.date(try row.decode(forColumn: "end_ms"))),
            finalStatus: code.map { SIPStatus(code: $0, reasonPhrase: reason ?? "") },
            codec: try row.decode(forColumn: "codec"), encryption: encryption)
    }
}

/// Column readers shared by the call and message rows.
enum RowValue {
    /// A stored value this version does not understand.
    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    static func direction(_ row: Row) throws -> HistoryDirection {
        let name = try row.decode(String.self, forColumn: "direction")
        guard let direction = HistoryDirection(rawValue: name) else {
            throw Unreadable(description: "unknown direction '\(name)'")
        }
        return direction
    }

    static func remote(_ row: Row) throws -> RemoteParty {
        RemoteParty(
            uri: try row.decode(forColumn: "remote_uri"),
            displayName: try row.decode(forColumn: "remote_display_name"))
    }
}
