import Foundation

/// A fresh directory under the system's temporary directory, removed with its contents when
/// the object goes away: for a peer's configuration, pid file and log.
public final class TemporaryDirectory: Sendable {
    public let path: String

    public init(prefix: String) throws {
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    /// `path/name`.
    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
