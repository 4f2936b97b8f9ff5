import Foundation
import Testing
import TestSupport

/// Runs the real `dialtone sip-lint` binary: exit 0 valid, 1 invalid, 2 usage error.
/// The binary comes from `swift build` (debug); a missing binary fails these tests.
@Suite struct CLIExitCodeTests {
    static let binary = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent(".build/debug/dialtone")

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    static func run(_ arguments: [String], stdin: [UInt8] = []) throws -> Run {
        #expect(FileManager.default.isExecutableFile(atPath: binary.path), "build dialtone first: \(binary.path)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), error = Pipe()
        (process.standardInput, process.standardOutput, process.standardError) = (input, output, error)
        try process.run()
        input.fileHandleForWriting.write(Data(stdin))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err, as: UTF8.self))
    }

    @Test func validMessageExitsZero() throws {
        let run = try Self.run(["sip-lint", Fixtures.url("rfc4475/bext01.dat").path])
        #expect(run.status == 0)
        #expect(run.output.contains("Verdict: VALID"))
        #expect(run.output.contains("A phone would answer: 420 Bad Extension"))
    }

    @Test func invalidMessageExitsOne() throws {
        let run = try Self.run(["sip-lint", Fixtures.url("rfc4475/lwsstart.dat").path])
        #expect(run.status == 1)
        #expect(run.output.contains("error   line 1, column 8"))
    }

    @Test func missingUnreadableAndSurplusArgumentsExitTwo() throws {
        let missing = try Self.run(["sip-lint", "/nonexistent/message.sip"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("cannot read /nonexistent/message.sip"))
        let directory = try Self.run(["sip-lint", Fixtures.url("rfc4475").path])
        #expect(directory.status == 2)
        let surplus = try Self.run(["sip-lint", "a.sip", "b.sip"])
        #expect(surplus.status == 2)
        let unknown = try Self.run(["sip-lint", "--no-such-option"])
        #expect(unknown.status == 2)
    }

    @Test func standardInputTakesPastedLFText() throws {
        let text = "OPTIONS sip:a@example.com SIP/2.0\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\nTo: <sip:a@example.com>\n"
            + "From: <sip:b@example.com>;tag=1\nCall-ID: x\nCSeq: 1 OPTIONS\nMax-Forwards: 70\nContent-Length: 0\n\n"
        let run = try Self.run(["sip-lint", "-"], stdin: Array(text.utf8))
        #expect(run.status == 0)
        #expect(run.output.contains("note: input has LF line ends only"))
        let absent = try Self.run(["sip-lint"], stdin: Array(text.utf8))
        #expect(absent.status == 0)
    }

    @Test func helpExitsZero() throws {
        let run = try Self.run(["sip-lint", "--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("Exit status: 0 valid, 1 invalid, 2 usage error"))
    }
}
