import ArgumentParser
import Foundation
import SIPLint

/// `dialtone sip-lint [FILE|-]`: reads one SIP message and prints SIPLint's breakdown.
/// Only I/O lives here; the checking is `SIPLint.lint`, the text `SIPLintRenderer.render`.
struct SIPLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sip-lint",
        abstract: "Check one SIP message against RFC 3261 strictly and show its parts.",
        discussion: "Reads FILE, or standard input when FILE is '-' or absent. LF-only text is read as CRLF. Exit status: 0 valid, 1 invalid, 2 usage error.")

    static let valid = ExitCode(0)
    static let invalid = ExitCode(1)
    static let usageError = Dialtone.usageError

    @Argument(help: "The message file, or '-' for standard input.")
    var file: String = "-"

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try read()
        } catch {
            FileHandle.standardError.write(Data("dialtone sip-lint: cannot read \(file): \(error.localizedDescription)\n".utf8))
            throw Self.usageError
        }
        let report = SIPLint.lint(bytes)
        print(SIPLintRenderer.render(report, source: file == "-" ? "standard input" : file), terminator: "")
        throw report.verdict == .valid ? Self.valid : Self.invalid
    }

    private func read() throws -> [UInt8] {
        if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
    }
}
