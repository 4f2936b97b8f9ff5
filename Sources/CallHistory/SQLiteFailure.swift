internal import GRDB

/// Translation of GRDB and SQLite errors into `CallHistoryError`, naming the file.
///
/// GRDB stays an implementation detail (`internal import`): callers only ever see our typed
/// error, so swapping the storage engine would not change the API.
struct SQLiteFailure {
    /// The database path to name in errors.
    let path: String

    /// Runs `body`, translating whatever it throws.
    func run<T>(_ body: () throws -> T) throws(CallHistoryError) -> T {
        do {
            return try body()
        } catch {
            throw translate(error)
        }
    }

    /// The typed error for `error`; our own errors pass through unchanged.
    func translate(_ error: any Error) -> CallHistoryError {
        if let error = error as? CallHistoryError { return error }
        guard let error = error as? DatabaseError else {
            return .database(path: path, code: -1, message: String(describing: error))
        }
        let message = error.message ?? "no message"
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path, reason: message)
        case .SQLITE_CORRUPT: return .corrupt(path: path, detail: message)
        case .SQLITE_PERM, .SQLITE_READONLY, .SQLITE_AUTH, .SQLITE_CANTOPEN:
            return .permissionDenied(path: path, reason: message)
        default: return .database(path: path, code: error.extendedResultCode.rawValue, message: message)
        }
    }
}
