import ArgumentParser
import Foundation

/// The `dialtone` executable: argument parsing and wiring only (STYLE.md).
///
/// One exit-code convention for every subcommand: 0 success, 1 the command failed (an invalid
/// message, an unreadable file, …), 2 a usage error. ArgumentParser reports usage errors as 64
/// (EX_USAGE); they are mapped to 2 here, as grep and most Unix tools do.
@main
struct Dialtone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dialtone",
        abstract: "A full-screen terminal softphone for SIP.",
        version: DialtoneVersion.current,
        subcommands: [
            InteractiveCommand.self, CheckCommand.self, CallCommand.self, AgentCommand.self, SIPLintCommand.self,
            OptionsCommand.self, ContactsCommand.self, HistoryCommand.self, DevicesCommand.self,
        ],
        defaultSubcommand: InteractiveCommand.self)

    /// The exit status of a usage error (bad option, missing file argument, …).
    static let usageError = ExitCode(2)

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
            let code = exitCode(for: error)
            Foundation.exit(code == .validationFailure ? usageError.rawValue : code.rawValue)
        }
    }
}
