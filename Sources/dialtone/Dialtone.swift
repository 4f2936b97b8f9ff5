import ArgumentParser
import Foundation

/// The `dialtone` executable: argument parsing and wiring only (STYLE.md).
///
/// Exit codes follow the sip-lint contract: 0 valid, 1 invalid, 2 usage error — so argument
/// errors, which ArgumentParser would report as 64, are mapped to 2 here.
@main
struct Dialtone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dialtone",
        abstract: "A full-screen terminal softphone for SIP.",
        subcommands: [SIPLintCommand.self, HistoryCommand.self])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(SIPLintCommand.usageError.rawValue)
        }
    }
}
