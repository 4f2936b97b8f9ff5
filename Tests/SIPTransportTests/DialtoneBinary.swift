import Foundation
import Testing
import TestSupport

/// The built `dialtone` executable, run as a real process off the cooperative pool.
enum DialtoneBinary {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/dialtone").path

    struct Outcome: Sendable {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs `dialtone arguments…` to completion. Missing is a failure, not a skip: the test
    /// scripts build it first.
    static func run(_ arguments: [String]) async throws -> Outcome {
        try #require(FileManager.default.isExecutableFile(atPath: path), "\(path) is missing: run `swift build --build-tests` first")
        let directory = try TemporaryDirectory(prefix: "dialtone-run")
        return try await OffPool.run {
            let out = directory.file("stdout"), err = directory.file("stderr")
            _ = FileManager.default.createFile(atPath: out, contents: nil)
            _ = FileManager.default.createFile(atPath: err, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
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
    static func json(_ outcome: Outcome) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(outcome.output.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(outcome.output)")
    }
}
