import Themes

/// Runtime theme changes (`:theme light`, or the key that cycles the shipped themes). Only
/// the screen changes: the configuration file keeps its `[ui] theme` unless the user edits it.
public struct ThemeSwitcher {
    /// The themes shipped in `themes/`, in the order the cycling key visits them.
    public static let shipped = ["dark", "light", "monochrome"]

    public private(set) var current: String
    public let configPath: String?
    public let environment: [String: String]

    public init(current: String, configPath: String?, environment: [String: String]) {
        self.current = current
        self.configPath = configPath
        self.environment = environment
    }

    /// The name the cycling key goes to next: the shipped theme after the current one.
    public var next: String {
        let index = Self.shipped.firstIndex(of: current).map { $0 + 1 } ?? 0
        return Self.shipped[index % Self.shipped.count]
    }

    /// Loads `name`; on success it becomes current. A broken or unknown theme leaves the
    /// current one on screen and says why.
    public mutating func load(_ name: String) -> Result<Theme, ThemeLoadFailure> {
        let (theme, notice) = UISetup.theme(named: name, configPath: configPath, environment: environment)
        if let notice { return .failure(ThemeLoadFailure(message: notice)) }
        current = name
        return .success(theme)
    }
}

public struct ThemeLoadFailure: Error {
    public var message: String
}
