import Foundation
import TOMLKit

/// Reads and validates `config.toml` (format: `config.example.toml` at the repository's top).
public enum ConfigurationLoader {
    /// Reads `path` and parses it. `environment` supplies `HOME` and `XDG_DATA_HOME` for default
    /// paths and `~` expansion; tests pass their own so they never see the real home directory.
    public static func load(
        path: String, version: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> (DialtoneConfiguration, warnings: [ConfigDiagnostic]) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: Self.reason(error))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "not UTF-8 text")
        }
        return try parse(text: text, path: path, version: version, environment: environment)
    }

    /// Validates `text` as if read from `path`, which labels diagnostics and anchors relative
    /// file names. Returns the configuration and its warnings, or throws every error found
    /// (with the warnings) in line order.
    public static func parse(
        text: String, path: String, version: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> (DialtoneConfiguration, warnings: [ConfigDiagnostic]) {
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .invalid([ConfigDiagnostic(
                file: path, line: error.source.begin.line, column: error.source.begin.column, key: "",
                message: "TOML syntax error: \(error.description)")])
        } catch {
            throw .invalid([ConfigDiagnostic(file: path, line: nil, key: "", message: "TOML syntax error: \(error)")])
        }
        var validator = ConfigValidator(fileName: path, text: text, environment: environment)
        let configuration = validator.validate(document, version: version, sourcePath: path)
        let diagnostics = validator.diagnostics.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        guard !validator.hasErrors else { throw .invalid(diagnostics) }
        return (configuration, diagnostics)
    }

    /// The system's reason without Foundation's "The file … couldn't be opened" wrapping where
    /// it can be had: the POSIX message is what a user searches for.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
            return "no such file"
        }
        return error.localizedDescription
    }
}

extension ConfigValidator {
    static let topLevelKeys = ["general", "accounts", "ui", "audio"]

    mutating func validate(_ document: TOMLTable, version: String, sourcePath: String) -> DialtoneConfiguration {
        rejectUnknownKeys(in: document, at: .root, known: Self.topLevelKeys)
        let general = general(table(document, "general", at: .root), version: version)
        let accounts = accounts(document["accounts"])
        let ui = ui(table(document, "ui", at: .root))
        var configuration = DialtoneConfiguration(general: general, accounts: accounts, ui: ui, sourcePath: sourcePath)
        configuration.audio = audio(table(document, "audio", at: .root))
        return configuration
    }
}
