import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Checks on the database file made with plain POSIX calls before SQLite ever opens it.
///
/// SQLite opened read-write on a file that is not a database can still change it (switching
/// the journal mode rewrites header bytes), and its errors say "file is not a database" without
/// saying which file or why. Looking first lets us refuse a foreign file while it is untouched,
/// with an error that names it.
enum DatabaseFile {
    /// What is at the database path.
    enum State: Equatable {
        /// Nothing: a new history will be created.
        case absent
        /// A zero-length file, which SQLite treats as an empty database.
        case empty
        /// A readable, writable file that starts with the SQLite header.
        case sqlite
    }

    /// The 16 bytes every SQLite 3 database starts with ("SQLite format 3" and a NUL).
    static let header: [UInt8] = Array("SQLite format 3\0".utf8)
    /// The size of the SQLite database header (https://www.sqlite.org/fileformat.html §1.3).
    static let headerSize = 100

    /// Classifies `path` without modifying anything.
    static func inspect(_ path: String) throws(CallHistoryError) -> State {
        var info = stat()
        guard stat(path, &info) == 0 else {
            switch errno {
            case ENOENT: return .absent
            case ENOTDIR:
                throw .cannotCreateDirectory(
                    path: (path as NSString).deletingLastPathComponent,
                    reason: "part of the path is a file, not a directory")
            default: throw .permissionDenied(path: path, reason: lastErrorText())
            }
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .permissionDenied(path: path, reason: "cannot read it: " + lastErrorText())
        }
        defer { close(descriptor) }
        guard access(path, W_OK) == 0 else {
            throw .permissionDenied(path: path, reason: "cannot write it: " + lastErrorText())
        }
        if info.st_size == 0 { return .empty }
        try checkHeader(descriptor, path: path)
        return .sqlite
    }

    /// Throws `notADatabase` unless the file starts with a complete SQLite header.
    private static func checkHeader(_ descriptor: Int32, path: String) throws(CallHistoryError) {
        var bytes = [UInt8](repeating: 0, count: headerSize)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, headerSize) }
        guard count >= 0 else {
            throw .permissionDenied(path: path, reason: "cannot read it: " + lastErrorText())
        }
        guard Array(bytes.prefix(header.count)) == header else {
            throw .notADatabase(path: path, reason: "it does not start with the SQLite header")
        }
        guard count == headerSize else {
            throw .notADatabase(path: path, reason: "it is \(count) bytes long, shorter than an SQLite header")
        }
    }

    /// Creates `directory` and any missing parents with mode 0700, as the XDG Base Directory
    /// Specification asks; an existing directory is left with the mode its owner chose.
    static func createDirectory(_ directory: String) throws(CallHistoryError) {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw .cannotCreateDirectory(path: directory, reason: "a file that is not a directory is in the way")
            }
            return
        }
        let parent = (directory as NSString).deletingLastPathComponent
        if parent != directory, !parent.isEmpty { try createDirectory(parent) }
        guard mkdir(directory, 0o700) == 0 || errno == EEXIST else {
            throw .cannotCreateDirectory(path: directory, reason: lastErrorText())
        }
    }

    /// Creates an empty file with mode 0600 so that the history, and the -wal and -shm files
    /// SQLite gives the same mode, are private from the start: it holds who called whom.
    static func createEmpty(_ path: String) throws(CallHistoryError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 || errno == EEXIST else {
            throw .permissionDenied(path: path, reason: "cannot create it: " + lastErrorText())
        }
        if descriptor >= 0 { close(descriptor) }
    }

    private static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}
