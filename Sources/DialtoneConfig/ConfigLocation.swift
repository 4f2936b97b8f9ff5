/// Where the configuration file is, following the XDG Base Directory Specification so a user's
/// dotfiles work as they do for other programs.
public enum ConfigLocation {
    /// `--config FILE` when given; else `$XDG_CONFIG_HOME/dialtone/config.toml`; else
    /// `$HOME/.config/dialtone/config.toml`. The XDG spec says to ignore an empty or relative
    /// `XDG_CONFIG_HOME`, so those fall through to `$HOME` too.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        return configHome(environment) + "/dialtone/config.toml"
    }

    /// `$XDG_CONFIG_HOME`, else `$HOME/.config` (`/.config` with no `HOME` at all, which only a
    /// broken environment has; the load then fails with a clear "cannot read" message).
    static func configHome(_ environment: [String: String]) -> String {
        absolute(environment["XDG_CONFIG_HOME"]) ?? (home(environment) + "/.config")
    }

    /// `$XDG_DATA_HOME`, else `$HOME/.local/share`: where contacts and history live by default.
    static func dataHome(_ environment: [String: String]) -> String {
        absolute(environment["XDG_DATA_HOME"]) ?? (home(environment) + "/.local/share")
    }

    static func home(_ environment: [String: String]) -> String {
        var home = environment["HOME"] ?? ""
        while home.count > 1, home.hasSuffix("/") { home.removeLast() }
        return home == "/" ? "" : home
    }

    private static func absolute(_ value: String?) -> String? {
        guard var value, value.hasPrefix("/") else { return nil }
        while value.count > 1, value.hasSuffix("/") { value.removeLast() }
        return value
    }
}
