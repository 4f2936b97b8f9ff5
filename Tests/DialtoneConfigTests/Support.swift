import Foundation
import TestSupport
@testable import DialtoneConfig

/// A fixed environment, so no test sees the real home directory.
let testEnvironment = ["HOME": "/home/tester", "XDG_DATA_HOME": "/home/tester/data"]

/// Parses `text` as `config.toml`, expecting success.
func parse(_ text: String, path: String = "config.toml") throws -> (DialtoneConfiguration, warnings: [ConfigDiagnostic]) {
    try ConfigurationLoader.parse(text: text, path: path, version: "1.2.3", environment: testEnvironment)
}

/// Parses `text` as `config.toml`, expecting `.invalid`; returns its diagnostics (empty when
/// parsing unexpectedly succeeded or failed otherwise, which the caller's expectations catch).
func problems(_ text: String, path: String = "config.toml") -> [ConfigDiagnostic] {
    do {
        _ = try parse(text, path: path)
        return []
    } catch let error as ConfigurationError {
        guard case .invalid(let diagnostics) = error else { return [] }
        return diagnostics
    } catch {
        return []
    }
}

/// The first diagnostic whose key is `key`.
func problem(_ text: String, key: String) -> ConfigDiagnostic? {
    problems(text).first { $0.key == key }
}

/// One minimal valid account, for tests about other keys.
let minimalAccount = """
    [[accounts]]
    name = "a"
    aor = "sip:alice@example.com"
    """

/// The repository's top-level directory (which holds `config.example.toml`).
let repositoryRoot = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
