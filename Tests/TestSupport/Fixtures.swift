import Foundation

/// Test fixtures live as plain files under `Tests/Fixtures/` (copied from `../shared/reference/`),
/// located through this file's own path so every test target shares one copy.
public enum Fixtures {
    /// The `Tests/Fixtures` directory.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The repository's top directory (where Package.swift is).
    public static var repositoryRoot: URL {
        root.deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The URL of `Tests/Fixtures/<relativePath>`.
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The exact bytes of a fixture file.
    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relativePath)))
    }

    /// The names of the files in a fixture directory with the given extension, sorted.
    public static func files(in directory: String, withExtension ext: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url(directory).path)
            .filter { $0.hasSuffix("." + ext) }
            .sorted()
    }

    /// Rows of a tab-separated file, header row first; fields are split on TAB only (no quoting).
    public static func tsv(_ relativePath: String) throws -> [[String]] {
        let text = String(decoding: try bytes(relativePath), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            }
        }
    }
}
