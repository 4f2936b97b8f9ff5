import Foundation
import Testing

/// The built `dialtone` executable, run as a real process by the CLI, permission and kill tests.
///
/// Found through this file's path so it works from any working directory. Missing is a test
/// failure, not a skip: `scripts/test.sh` builds it first (`swift build --build-tests`), and a
/// silently skipped crash test would prove nothing.
enum DialtoneProcess {
    /// The package root: Tests/CallHistoryTests/<this file> is three levels down.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let executable = packageRoot.appendingPathComponent(".build/debug/dialtone")

    /// The executable, failing the test when it has not been built.
    static func requireExecutable() throws -> URL {
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "\(executable.path) is missing: run `swift build --product dialtone` before the tests")
        return executable
    }

    /// What a finished run printed and how it ended.
    struct Outcome {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Runs `launcher + [dialtone] + arguments` to completion. Output goes through files, not
    /// pipes, so a chatty process cannot block on a full pipe while we wait for it.
    static func run(
        _ arguments: [String], environment: [String: String]? = nil, launcher: [String] = []
    ) throws -> Outcome {
        let executable = try requireExecutable()
        return try withTemporaryDirectory { directory throws in
            let outURL = directory.appendingPathComponent("stdout")
            let errURL = directory.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let process = Process()
            if let tool = launcher.first {
                process.executableURL = URL(fileURLWithPath: tool)
                process.arguments = Array(launcher.dropFirst()) + [executable.path] + arguments
            } else {
                process.executableURL = executable
                process.arguments = arguments
            }
            if let environment { process.environment = environment }
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = try FileHandle(forWritingTo: outURL)
            process.standardError = try FileHandle(forWritingTo: errURL)
            try process.run()
            process.waitUntilExit()
            return Outcome(
                status: process.terminationStatus,
                standardOutput: try String(contentsOf: outURL, encoding: .utf8),
                standardError: try String(contentsOf: errURL, encoding: .utf8))
        }
    }
}

/// Splits what a pipe delivers into lines, handing out only complete (newline-terminated) ones.
struct LineReader {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// The next complete line without its newline, or nil at end of file. Blocks until a line
    /// or the end arrives; a partial last line (the writer killed mid-write) is dropped.
    mutating func nextLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return String(decoding: line, as: UTF8.self)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}
