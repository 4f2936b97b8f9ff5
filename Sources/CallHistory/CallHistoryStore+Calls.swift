internal import GRDB

/// Reading and deleting calls.
extension CallHistoryStore {
    /// The calls matching `query`, newest first (by start time, then by id so calls starting in
    /// the same millisecond keep a stable order); at most `limit` of them when given.
    public func calls(matching query: HistoryQuery = .all, limit: Int? = nil) throws(CallHistoryError) -> [CallRecord] {
        let condition = query.sqlCondition()
        let sql = """
            SELECT \(CallRow.selectColumns) FROM calls WHERE \(condition.sql)
            ORDER BY start_ms DESC, id DESC LIMIT ?
            """
        var arguments = condition.arguments
        arguments += [limit.map { max(0, $0) } ?? -1]
        let rows = try failure.run { try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) } }
        var records: [CallRecord] = []
        records.reserveCapacity(rows.count)
        for row in rows { records.append(try CallRow.decode(row, path: databaseURL.path)) }
        return records
    }

    /// The newest `count` calls, for the history screen's first page.
    public func latestCalls(_ count: Int) throws(CallHistoryError) -> [CallRecord] {
        try calls(matching: .all, limit: count)
    }

    /// The call with this id, nil if there is none (it may have been deleted).
    public func call(id: Int64) throws(CallHistoryError) -> CallRecord? {
        let sql = "SELECT \(CallRow.selectColumns) FROM calls WHERE id = ?"
        let row = try failure.run { try pool.read { db in try Row.fetchOne(db, sql: sql, arguments: [id]) } }
        guard let row else { return nil }
        return try CallRow.decode(row, path: databaseURL.path)
    }

    /// How many calls match `query`, e.g. for the missed-calls badge.
    public func countCalls(matching query: HistoryQuery = .all) throws(CallHistoryError) -> Int {
        let condition = query.sqlCondition()
        let sql = "SELECT count(*) FROM calls WHERE \(condition.sql)"
        return try failure.run {
            try pool.read { db in try Int.fetchOne(db, sql: sql, arguments: condition.arguments) ?? 0 }
        }
    }

    /// Deletes one call; false if there was no call with this id.
    @discardableResult
    public func deleteCall(id: Int64) throws(CallHistoryError) -> Bool {
        try write("DELETE FROM calls WHERE id = ?", [id]).changes > 0
    }

    /// Deletes every call matching `query` in one transaction and returns how many went.
    /// `.all` empties the call history.
    @discardableResult
    public func deleteCalls(matching query: HistoryQuery) throws(CallHistoryError) -> Int {
        let condition = query.sqlCondition()
        return try write("DELETE FROM calls WHERE \(condition.sql)", condition.arguments).changes
    }
}
