import Foundation

/// The built `dialtone` executable, run as a real process off the cooperative pool.
public enum DialtoneBinary {
    public static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/dialtone").path

    public struct Outcome: Sendable {
        public let status: Int32
        public let output: String
        public let errors: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `dialtone arguments…` to completion. Missing is a failure, not a skip: the test
    /// scripts build it first.
    public static func run(_ arguments: [String], environment: [String: String]? = nil) async throws -> Outcome {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Failure(description: "\(path) is missing: run `swift build --build-tests` first")
        }
        let directory = try TemporaryDirectory(prefix: "dialtone-run")
        return try await OffPool.run {
            let out = directory.file("stdout"), err = directory.file("stderr")
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            _ = FileManager.default.createFile(atPath: err, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            if let environment { process.environment = environment }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
            try process.run()
            process.waitUntilExit()
            return Outcome(
                status: process.terminationStatus,
                output: try String(contentsOfFile: out, encoding: .utf8),
                errors: try String(contentsOfFile: err, encoding: .utf8))
        }
    }

    /// The JSON object a `--json` run printed.
    public static func json(_ outcome: Outcome) throws -> [String: Any] {
        try jsonObject(outcome.output)
    }

    /// Each line of a `--json` run that prints one object per line.
    public static func jsonLines(_ outcome: Outcome) throws -> [[String: Any]] {
        try outcome.output.split(separator: "\n").map { try jsonObject(String($0)) }
    }

    private static func jsonObject(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else { throw Failure(description: "not a JSON object: \(text)") }
        return dictionary
    }
}
