import ArgumentParser
import DialtoneConfig
import Foundation
import PhoneEngine

/// `dialtone check`: register each account (or the named one), report every step and a one-line
/// diagnosis, un-register, and exit 0 only if every checked account registered. Wiring only: the
/// work lives in `PhoneEngine.RegistrationCheck`, where it is tested against kamailio.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Register each account once, show every step, diagnose failures, then un-register.",
        usage: "dialtone check [--config FILE] [--account NAME] [--json]",
        discussion: "Exit status: 0 every checked account registered, 1 at least one failed, 2 usage or configuration error.")

    @Option(help: ArgumentHelp("The configuration file (default $XDG_CONFIG_HOME/dialtone/config.toml).", valueName: "FILE"))
    var config: String?

    @Option(help: ArgumentHelp("Check only this account (even if it is disabled).", valueName: "NAME"))
    var account: String?

    @Flag(help: "Print one JSON object per account per line instead of text.")
    var json = false

    func run() throws {
        let configuration = try ConfigurationFile.load(explicit: config)
        let chosen: DialtoneConfiguration
        do throws(RegistrationCheck.Selection) {
            chosen = try RegistrationCheck.select(configuration, account: account)
        } catch {
            throw ValidationError(error.description)
        }
        let age = ProcessAge.now()
        let reports = BlockingWait.run {
            await RegistrationCheck.run(chosen, options: EngineOptions(version: DialtoneVersion.current), processAge: age)
        }
        if json {
            for report in reports { print(report.jsonLine()) }
        } else {
            print(reports.map { $0.text() }.joined(separator: "\n\n"))
        }
        if !reports.allSatisfy(\.registered) { throw ExitCode(1) }
    }
}
