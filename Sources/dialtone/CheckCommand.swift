import ArgumentParser
import DialtoneConfig
import Dispatch
import Foundation
import PhoneEngine
import Synchronization

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

/// Loads the configuration for a command; problems become a usage-class error (exit 2) that
/// lists every diagnostic with its file, line and key.
enum ConfigurationFile {
    static func load(explicit: String?) throws -> DialtoneConfiguration {
        let path = ConfigLocation.resolve(explicit: explicit, environment: ProcessInfo.processInfo.environment)
        do throws(ConfigurationError) {
            let (configuration, warnings) = try ConfigurationLoader.load(path: path, version: DialtoneVersion.current)
            for warning in warnings {
                FileHandle.standardError.write(Data((warning.description + "\n").utf8))
            }
            return configuration
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// Dialtone's version, shown in User-Agent and `--version`.
enum DialtoneVersion {
    static let current = "0.1.0"
}

/// Runs async work to completion from a synchronous command: the main thread waits on a
/// semaphore while the work runs on the concurrency pool, which the main thread is not part of.
enum BlockingWait {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let done = DispatchSemaphore(value: 0)
        let shared = ResultBox<T>()
        Task {
            let value = await work()
            shared.value.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return shared.value.withLock { $0 }!
    }
}

private final class ResultBox<T: Sendable>: Sendable {
    let value = Mutex<T?>(nil)
}
