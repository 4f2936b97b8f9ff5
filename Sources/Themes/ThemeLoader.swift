import Foundation
import TOMLKit

/// What loading a theme produced: always a usable theme, plus everything wrong with the file.
/// A broken theme must never stop a phone from starting, so problems are data, not throws.
public struct ThemeLoadResult: Sendable, Hashable {
    /// The theme to draw with: the file's valid entries over the fallback's styles.
    public var theme: Theme
    /// Every problem found, in line order.
    public var diagnostics: [ThemeDiagnostic]
    /// Roles the file did not (validly) style, which therefore use the fallback theme's style.
    public var defaultedRoles: [Role]

    public init(theme: Theme, diagnostics: [ThemeDiagnostic], defaultedRoles: [Role]) {
        self.theme = theme
        self.diagnostics = diagnostics
        self.defaultedRoles = defaultedRoles
    }
}

/// Loads and validates TOML theme files (format: `themes/dark.toml`).
public enum ThemeLoader {
    /// Reads and loads `file`. An unreadable file yields `fallback` and an `.unreadable` diagnostic.
    public static func load(file: URL, fallback: Theme = .builtinDefault) -> ThemeLoadResult {
        let fileName = file.path
        let text: String
        do {
            let data = try Data(contentsOf: file)
            guard let decoded = String(data: data, encoding: .utf8) else {
                return failed(.unreadable(reason: "not UTF-8 text"), file: fileName, fallback: fallback)
            }
            text = decoded
        } catch {
            return failed(.unreadable(reason: error.localizedDescription), file: fileName, fallback: fallback)
        }
        return load(text: text, fileName: fileName, fallback: fallback)
    }

    /// Loads a theme from `text`; `fileName` is only used to label diagnostics.
    ///
    /// Valid role entries are kept even when others are broken; a role that is missing or has
    /// any invalid field takes `fallback`'s style. A missing `name` falls back to `fileName`'s
    /// base name without extension. A TOML syntax error yields `fallback` unchanged.
    public static func load(text: String, fileName: String, fallback: Theme = .builtinDefault) -> ThemeLoadResult {
        let document: TOMLTable
        do {
            document = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let diagnostic = ThemeDiagnostic(
                file: fileName, line: error.source.begin.line, column: error.source.begin.column,
                keyPath: [], problem: .syntax(message: error.description))
            return ThemeLoadResult(theme: fallback, diagnostics: [diagnostic], defaultedRoles: Role.all)
        } catch {
            return failed(.syntax(message: "\(error)"), file: fileName, fallback: fallback)
        }
        var validator = ThemeValidator(fileName: fileName, text: text)
        let (name, roles) = validator.validate(document)
        var merged = roles
        let defaulted = Role.all.filter { roles[$0] == nil }
        for role in defaulted { merged[role] = fallback.roles[role] }
        let theme = Theme(name: name ?? baseName(fileName), roles: merged)
        let diagnostics = validator.diagnostics.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        return ThemeLoadResult(theme: theme, diagnostics: diagnostics, defaultedRoles: defaulted)
    }

    private static func failed(_ problem: ThemeProblem, file: String, fallback: Theme) -> ThemeLoadResult {
        let diagnostic = ThemeDiagnostic(file: file, line: nil, keyPath: [], problem: problem)
        return ThemeLoadResult(theme: fallback, diagnostics: [diagnostic], defaultedRoles: Role.all)
    }

    private static func baseName(_ fileName: String) -> String {
        URL(fileURLWithPath: fileName).deletingPathExtension().lastPathComponent
    }
}
