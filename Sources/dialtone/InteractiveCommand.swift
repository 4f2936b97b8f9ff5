import ArgumentParser
import DialtoneApp
import DialtoneConfig
import Foundation
import PhoneEngine
import TerminalUI
import Themes

/// `dialtone` with no subcommand: the full-screen UI (issue 7). Wiring only: configuration,
/// theme and key bindings are checked before the terminal is touched (a broken file prints
/// its file/line/key diagnostics and exits 2); then the engine starts and `InteractiveApp`
/// runs until quit, which un-registers and gives the terminal back.
struct InteractiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "The full-screen softphone (the default when no subcommand is given).",
        usage: "dialtone [--config FILE]",
        discussion: "With no configuration file, a first-run screen explains where it goes and offers to write a starter one.")

    @Option(help: ArgumentHelp("The configuration file (default $XDG_CONFIG_HOME/dialtone/config.toml).", valueName: "FILE"))
    var config: String?

    func run() throws {
        // Before any thread exists, so every thread inherits the blocked mask (see SignalWatcher).
        SignalWatcher.blockSignals()
        let environment = ProcessInfo.processInfo.environment
        let path = ConfigLocation.resolve(explicit: config, environment: environment)
        let isFirstRun = config == nil && !FileManager.default.fileExists(atPath: path)
        let configuration = try isFirstRun ? Self.emptyConfiguration(environment) : ConfigurationFile.load(explicit: config)

        let keyMap: KeyMap
        switch UISetup.keyMap(configuration.ui.keys, configPath: path) {
        case .success(let map): keyMap = map
        case .failure(let errors):
            throw ValidationError(errors.errors.map { "\(path): [ui.keys] \($0)" }.joined(separator: "\n"))
        }
        let (theme, themeNotice) = UISetup.theme(named: configuration.ui.theme, configPath: isFirstRun ? nil : path, environment: environment)

        let engine = PhoneEngine(configuration: configuration, options: ProductEngineOptions.interactive(configuration.audio))
        let engineEpoch = Date().addingTimeInterval(-Self.seconds(engine.now))
        let started = BlockingWait.run { () -> String? in
            do {
                _ = try await engine.start()
                return nil
            } catch {
                return "\(error)"
            }
        }
        if let failure = started {
            FileHandle.standardError.write(Data("dialtone: \(failure)\n".utf8))
            throw ExitCode(1)
        }

        let inbox = AppInbox()
        SignalWatcher.start(posting: inbox)
        guard let terminal = NcursesTerminal(theme: theme, environment: environment) else {
            BlockingWait.run { await engine.shutdown() }
            FileHandle.standardError.write(Data("dialtone: cannot initialise the terminal (is TERM set?)\n".utf8))
            throw ExitCode(1)
        }
        var state = UIState(now: Date())
        state.notice = themeNotice
        if isFirstRun { state.overlay = .firstRun(configPath: path) }
        let storage = StorageService(
            contactsDirectory: configuration.general.contactsDirectory, historyFile: configuration.general.historyFile)
        let parts = InteractiveApp.Parts(
            terminal: terminal, engine: engine, storage: storage, inbox: inbox, reducer: UIReducer(keyMap: keyMap),
            renderer: ScreenRenderer(keyMap: keyMap), engineEpoch: engineEpoch, latencyLog: Self.latencyLog(environment),
            alert: IncomingCallAlert(bell: configuration.ui.bell, notifyCommand: configuration.ui.notifyCommand),
            environment: environment,
            themes: ThemeSwitcher(current: configuration.ui.theme, configPath: isFirstRun ? nil : path, environment: environment))
        InteractiveApp(parts, initialState: state).run()
    }

    /// No file yet: the defaults, no accounts (direct `sip:` calls need none).
    static func emptyConfiguration(_ environment: [String: String]) throws -> DialtoneConfiguration {
        do throws(ConfigurationError) {
            return try ConfigurationLoader.parse(text: "", path: "(defaults)", version: DialtoneVersion.current, environment: environment).0
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `DIALTONE_LATENCY_LOG=FILE`: one line per key with the time to the screen update.
    static func latencyLog(_ environment: [String: String]) -> FileHandle? {
        guard let path = environment["DIALTONE_LATENCY_LOG"], !path.isEmpty else { return nil }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        return FileHandle(forWritingAtPath: path)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
