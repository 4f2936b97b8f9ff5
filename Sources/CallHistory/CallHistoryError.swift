/// Why the history database could not be opened, read or written.
///
/// Every case names the file so the message is actionable on its own, and none of them is ever
/// "fixed" by deleting or recreating the user's file: a damaged history is the user's to repair
/// or move away.
public enum CallHistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Neither `XDG_DATA_HOME` (absolute) nor `HOME` is set, so there is no default location.
    case noDataDirectory
    /// The directory for the database is missing and could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// Something other than a regular file (a directory, a device) is at the path.
    case notARegularFile(path: String)
    /// The file exists but this user may not read or write it.
    case permissionDenied(path: String, reason: String)
    /// The file is not an SQLite database at all (wrong header, truncated, random bytes).
    case notADatabase(path: String, reason: String)
    /// The file is an SQLite database of some other application.
    case notAHistoryDatabase(path: String)
    /// SQLite found the file damaged.
    case corrupt(path: String, detail: String)
    /// A newer Dialtone migrated this database further than this version knows.
    case futureSchema(path: String, unknownMigrations: [String])
    /// A row holds a value this version cannot read back (an unknown enum name, say).
    case invalidRow(path: String, table: String, id: Int64, detail: String)
    /// Any other SQLite failure, with SQLite's own code and message.
    case database(path: String, code: Int32, message: String)

    public var description: String {
        switch self {
        case .noDataDirectory:
            "cannot locate the call history: neither XDG_DATA_HOME nor HOME is set"
        case .cannotCreateDirectory(let path, let reason):
            "cannot create the call history directory \(path): \(reason)"
        case .notARegularFile(let path):
            "call history \(path) is not a regular file"
        case .permissionDenied(let path, let reason):
            "cannot open call history \(path): \(reason)"
        case .notADatabase(let path, let reason):
            "call history \(path) is not an SQLite database (\(reason)); it was left untouched"
        case .notAHistoryDatabase(let path):
            "\(path) is an SQLite database of another application, not a Dialtone call history; it was left untouched"
        case .corrupt(let path, let detail):
            "call history \(path) is damaged (\(detail)); it was left untouched"
        case .futureSchema(let path, let unknown):
            "call history \(path) was upgraded by a newer Dialtone (unknown migrations: "
                + unknown.joined(separator: ", ") + "); it was left untouched, update Dialtone to use it"
        case .invalidRow(let path, let table, let id, let detail):
            "call history \(path): row \(id) of table \(table) cannot be read: \(detail)"
        case .database(let path, let code, let message):
            "call history \(path): SQLite error \(code): \(message)"
        }
    }
}
