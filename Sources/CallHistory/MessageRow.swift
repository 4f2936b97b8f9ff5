internal import GRDB

/// The mapping between `MessageRecord` and a row of the `messages` table (see `CallRow` for why
/// it is written by hand).
enum MessageRow {
    static let selectColumns = """
        id, direction, account, remote_uri, remote_display_name, time_ms, content_type, body,
        delivery_status
        """

    static let insertSQL = """
        INSERT INTO messages (direction, account, remote_uri, remote_key, remote_display_name,
            time_ms, content_type, body, delivery_status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static func insertArguments(_ record: MessageRecord) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            record.direction.rawValue, record.account, record.remote.uri, record.remote.key,
            record.remote.displayName, Milliseconds.from(record.time), record.contentType,
            record.text, record.deliveryStatusCode,
        ]
        return StatementArguments(values)
    }

    /// The record in `row`, or `invalidRow` naming the row when a value cannot be read back.
    static func decode(_ row: Row, path: String) throws(CallHistoryError) -> MessageRecord {
        let id: Int64 = row["id"]
        do {
            return MessageRecord(
                id: id, direction: try RowValue.direction(row), account: try row.decode(forColumn: "account"),
                remote: try RowValue.remote(row),
                time: Milliseconds.date(try row.decode(forColumn: "time_ms")),
                contentType: try row.decode(forColumn: "content_type"), text: try row.decode(forColumn: "body"),
                deliveryStatusCode: try row.decode(forColumn: "delivery_status"))
        } catch {
            throw .invalidRow(path: path, table: "messages", id: id, detail: String(describing: error))
        }
    }
}
