import Foundation

/// Where the history database lives by default (XDG Base Directory Specification 0.8).
///
/// Takes the environment as a dictionary instead of reading the process environment, so tests
/// and a second `Phone` in the same process can point elsewhere.
public enum HistoryLocation {
    /// The file name inside the data directory.
    public static let fileName = "history.sqlite"

    /// `$XDG_DATA_HOME/dialtone/history.sqlite`, falling back to
    /// `$HOME/.local/share/dialtone/history.sqlite`.
    ///
    /// The spec says a relative `XDG_DATA_HOME` is invalid and must be ignored, and so is an
    /// empty one; an empty `HOME` is treated as unset rather than as the current directory.
    public static func defaultDatabaseURL(environment: [String: String]) throws(CallHistoryError) -> URL {
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return URL(fileURLWithPath: dataHome, isDirectory: true)
                .appendingPathComponent("dialtone", isDirectory: true)
                .appendingPathComponent(fileName)
        }
        guard let home = environment["HOME"], !home.isEmpty else { throw .noDataDirectory }
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/dialtone", isDirectory: true)
            .appendingPathComponent(fileName)
    }
}
