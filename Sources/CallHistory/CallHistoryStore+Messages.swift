internal import GRDB

/// Reading, updating and deleting SIP MESSAGEs, grouped into conversations by remote.
extension CallHistoryStore {
    /// The conversation with `remoteURI` (matched by `RemoteKey`), oldest first as a chat view
    /// shows it; with `limit`, only the newest `limit` messages (still oldest first).
    public func conversation(with remoteURI: String, limit: Int? = nil) throws(CallHistoryError) -> [MessageRecord] {
        let sql = """
            SELECT * FROM (
                SELECT \(MessageRow.selectColumns) FROM messages WHERE remote_key = ?
                ORDER BY time_ms DESC, id DESC LIMIT ?)
            ORDER BY time_ms, id
            """
        let arguments: StatementArguments = [RemoteKey.normalize(remoteURI), limit.map { max(0, $0) } ?? -1]
        return try fetchMessages(sql: sql, arguments: arguments)
    }

    /// The newest message of each conversation, newest conversation first: the conversation list.
    public func latestMessagePerConversation(limit: Int? = nil) throws(CallHistoryError) -> [MessageRecord] {
        let sql = """
            SELECT \(MessageRow.selectColumns) FROM (
                SELECT *, row_number() OVER (PARTITION BY remote_key ORDER BY time_ms DESC, id DESC) AS rank
                FROM messages)
            WHERE rank = 1 ORDER BY time_ms DESC, id DESC LIMIT ?
            """
        return try fetchMessages(sql: sql, arguments: [limit.map { max(0, $0) } ?? -1])
    }

    /// The message with this id, nil if there is none.
    public func message(id: Int64) throws(CallHistoryError) -> MessageRecord? {
        let sql = "SELECT \(MessageRow.selectColumns) FROM messages WHERE id = ?"
        return try fetchMessages(sql: sql, arguments: [id]).first
    }

    /// Records the final response to an outgoing message, which arrives after it was appended;
    /// false if the message is gone (deleted meanwhile), which is not an error for the engine.
    @discardableResult
    public func setDeliveryStatus(_ code: Int, forMessage id: Int64) throws(CallHistoryError) -> Bool {
        try write("UPDATE messages SET delivery_status = ? WHERE id = ?", [code, id]).changes > 0
    }

    /// Deletes one message; false if there was none with this id.
    @discardableResult
    public func deleteMessage(id: Int64) throws(CallHistoryError) -> Bool {
        try write("DELETE FROM messages WHERE id = ?", [id]).changes > 0
    }

    /// Deletes the whole conversation with `remoteURI` and returns how many messages went.
    @discardableResult
    public func deleteConversation(with remoteURI: String) throws(CallHistoryError) -> Int {
        try write("DELETE FROM messages WHERE remote_key = ?", [RemoteKey.normalize(remoteURI)]).changes
    }

    private func fetchMessages(sql: String, arguments: StatementArguments) throws(CallHistoryError) -> [MessageRecord] {
        let rows = try failure.run { try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) } }
        var records: [MessageRecord] = []
        records.reserveCapacity(rows.count)
        for row in rows { records.append(try MessageRow.decode(row, path: databaseURL.path)) }
        return records
    }
}
