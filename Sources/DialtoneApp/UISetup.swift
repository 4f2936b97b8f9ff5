import DialtoneConfig
import Foundation
import TerminalUI
import Themes

/// Theme and key bindings from `[ui]`: a broken theme falls back to a built-in with a notice
/// (the phone still works); broken key bindings are configuration errors with their line.
public enum UISetup {
    /// The theme named in the configuration, searched in `<config dir>/themes`, then the
    /// shipped `themes/` (next to the sources in a development build, else the system's share
    /// directories); a name with a `/` is a file. Returns the notice to show on fallback.
    public static func theme(named name: String, configPath: String?, environment: [String: String]) -> (Theme, notice: String?) {
        let configDirectory = configPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
        let result: ThemeLoadResult
        if name.contains("/") && (environment["NO_COLOR"] ?? "").isEmpty {
            let file = name.hasPrefix("/") ? URL(fileURLWithPath: name)
                : (configDirectory ?? URL(fileURLWithPath: ".")).appendingPathComponent(name)
            result = ThemeLoader.load(file: file)
        } else {
            var directories = configDirectory.map { [$0.appendingPathComponent("themes")] } ?? []
            directories += shippedThemeDirectories()
            result = ThemeSelection.resolve(configuredName: name, environment: environment, themeDirectories: directories)
        }
        guard let first = result.diagnostics.first else { return (result.theme, nil) }
        let more = result.diagnostics.count > 1 ? " (+\(result.diagnostics.count - 1) more)" : ""
        return (result.theme, "theme: \(first)\(more); falling back to the built-in theme")
    }

    public static func shippedThemeDirectories() -> [URL] {
        var directories: [URL] = []
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            let binDirectory = executable.deletingLastPathComponent()
            // A development build: .build/debug/dialtone, where .build/debug resolves to
            // .build/<triple>/debug, so the checkout's themes/ is two or three levels up.
            directories.append(binDirectory.appendingPathComponent("../../themes").standardized)
            directories.append(binDirectory.appendingPathComponent("../../../themes").standardized)
            directories.append(binDirectory.appendingPathComponent("../share/dialtone/themes").standardized)
        }
        directories.append(URL(fileURLWithPath: "/usr/share/dialtone/themes"))
        return directories
    }

    /// The default bindings with `[ui.keys]` applied; errors name the file and line.
    public static func keyMap(_ entries: [KeyBindingEntry], configPath: String?) -> Result<KeyMap, KeyBindingErrors> {
        let overrides = entries.map { KeyBindingOverride(action: $0.action, key: $0.key, line: $0.line ?? 0) }
        return KeyMap.applying(overrides)
    }
}
