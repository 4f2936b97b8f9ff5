internal import GRDB

extension HistoryQuery {
    /// The WHERE condition and its arguments for the `calls` table.
    ///
    /// Every value is a bound argument, never spliced into the SQL, and each field maps to a
    /// column with an index (`remote_key`, `result`, `account`, `start_ms`) except the text
    /// search, which scans `search_text`.
    func sqlCondition() -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        func add(_ condition: String, _ arguments: [(any DatabaseValueConvertible)?]) {
            conditions.append(condition)
            values += arguments
        }
        if let remote { add("remote_key = ?", [RemoteKey.normalize(remote)]) }
        if let text { add("search_text LIKE ? ESCAPE '\(SearchText.escape)'", [SearchText.containsPattern(text)]) }
        if let direction { add("direction = ?", [direction.rawValue]) }
        if let results {
            let names = results.map(\.rawValue).sorted()
            let placeholders = names.map { _ in "?" }.joined(separator: ", ")
            add(names.isEmpty ? "0" : "result IN (\(placeholders))", names)
        }
        if let account { add("account = ?", [account]) }
        if let since { add("start_ms >= ?", [Milliseconds.from(since)]) }
        if let before { add("start_ms < ?", [Milliseconds.from(before)]) }
        let sql = conditions.isEmpty ? "1" : conditions.joined(separator: " AND ")
        return (sql, StatementArguments(values))
    }
}
