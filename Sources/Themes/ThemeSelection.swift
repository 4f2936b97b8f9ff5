import Foundation

/// Chooses the theme to start with from configuration and environment. Never fails: whatever
/// goes wrong, the result holds a built-in theme and a diagnostic to show.
public enum ThemeSelection {
    /// Resolves the theme.
    ///
    /// 1. `NO_COLOR` set and non-empty (https://no-color.org) → the built-in monochrome theme.
    /// 2. No configured name → the built-in default.
    /// 3. The first `<name>.toml` found in `themeDirectories` (pass the user's directory first,
    ///    then the shipped `themes/`), loaded and validated.
    /// 4. Otherwise a built-in of that name, else the built-in default with `.themeNotFound`.
    public static func resolve(
        configuredName: String?, environment: [String: String], themeDirectories: [URL]
    ) -> ThemeLoadResult {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return ThemeLoadResult(theme: .builtinMonochrome, diagnostics: [], defaultedRoles: [])
        }
        guard let name = configuredName else {
            return ThemeLoadResult(theme: .builtinDefault, diagnostics: [], defaultedRoles: [])
        }
        guard isPlainName(name) else {
            return fallback(.invalidThemeName(name), file: name)
        }
        let candidates = themeDirectories.map { $0.appendingPathComponent(name + ".toml") }
        if let found = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0.path) }) {
            return ThemeLoader.load(file: found)
        }
        if let builtin = Theme.builtins.first(where: { $0.name == name }) {
            return ThemeLoadResult(theme: builtin, diagnostics: [], defaultedRoles: [])
        }
        return fallback(.themeNotFound(name, searched: themeDirectories.map(\.path)), file: name + ".toml")
    }

    /// A name that stays inside the theme directories: no separators, not hidden, not empty.
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    private static func fallback(_ problem: ThemeProblem, file: String) -> ThemeLoadResult {
        let diagnostic = ThemeDiagnostic(file: file, line: nil, keyPath: [], problem: problem)
        return ThemeLoadResult(theme: .builtinDefault, diagnostics: [diagnostic], defaultedRoles: Role.all)
    }
}
