import ArgumentParser
import DialtoneConfig
import Foundation

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

    /// Like `load`, but a missing default file (none given with `--config`) means the defaults
    /// with no accounts: what works without one (the `echo` test) still runs.
    static func loadOrDefaults(explicit: String?) throws -> DialtoneConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let path = ConfigLocation.resolve(explicit: explicit, environment: environment)
        if explicit == nil, !FileManager.default.fileExists(atPath: path) {
            return try InteractiveCommand.emptyConfiguration(environment)
        }
        return try load(explicit: explicit)
    }
}
