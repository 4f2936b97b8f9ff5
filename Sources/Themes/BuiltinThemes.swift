/// Themes compiled into the program, so there is always something to draw with: when no theme
/// file is configured, when one is missing or broken, and when `NO_COLOR` asks for none.
/// Immutable values, not shared state. Tests hold them equal to `themes/dark.toml` and
/// `themes/monochrome.toml`.
extension Theme {
    /// The default theme; the same as `themes/dark.toml`.
    public static let builtinDefault = Theme(name: "dark", roles: [
        .statusBar: Style(foreground: .indexed(252), background: .indexed(236)),
        .registrationRegistering: Style(foreground: .ansi(3)),
        .registrationRegistered: Style(foreground: .ansi(2)),
        .registrationFailed: Style(foreground: .ansi(1), attributes: [.bold]),
        .voicemailWaiting: Style(foreground: .ansi(5), attributes: [.bold]),
        .callDialling: Style(foreground: .ansi(6)),
        .callRinging: Style(foreground: .ansi(3), attributes: [.bold]),
        .callEarlyMedia: Style(foreground: .ansi(6)),
        .callTalking: Style(foreground: .ansi(2), attributes: [.bold]),
        .callOnHold: Style(foreground: .indexed(244)),
        .callHeldByRemote: Style(foreground: .indexed(244), attributes: [.underline]),
        .callNoMedia: Style(foreground: .ansi(0), background: .ansi(3), attributes: [.bold]),
        .callEncrypted: Style(foreground: .ansi(2)),
        .callUnencrypted: Style(foreground: .indexed(208)),
        .historyIncoming: Style(foreground: .default),
        .historyOutgoing: Style(foreground: .default),
        .historyMissed: Style(foreground: .ansi(1)),
        .listSelected: Style(foreground: .ansi(0), background: .ansi(6)),
        .debugRequest: Style(foreground: .ansi(6)),
        .debugResponseOK: Style(foreground: .ansi(2)),
        .debugResponseError: Style(foreground: .ansi(1)),
        .debugDiagnosis: Style(foreground: .ansi(3), attributes: [.bold]),
        .prompt: Style(foreground: .default, attributes: [.bold]),
    ])

    /// Attributes only, no colour: what `NO_COLOR` selects; the same as `themes/monochrome.toml`.
    public static let builtinMonochrome = Theme(name: "monochrome", roles: [
        .statusBar: Style(attributes: [.reverse]),
        .registrationRegistering: Style(attributes: [.dim]),
        .registrationRegistered: Style(),
        .registrationFailed: Style(attributes: [.bold, .underline]),
        .voicemailWaiting: Style(attributes: [.bold]),
        .callDialling: Style(attributes: [.dim]),
        .callRinging: Style(attributes: [.bold]),
        .callEarlyMedia: Style(attributes: [.dim]),
        .callTalking: Style(attributes: [.bold]),
        .callOnHold: Style(attributes: [.dim]),
        .callHeldByRemote: Style(attributes: [.dim, .underline]),
        .callNoMedia: Style(attributes: [.bold, .reverse]),
        .callEncrypted: Style(),
        .callUnencrypted: Style(attributes: [.underline]),
        .historyIncoming: Style(),
        .historyOutgoing: Style(),
        .historyMissed: Style(attributes: [.bold]),
        .listSelected: Style(attributes: [.reverse]),
        .debugRequest: Style(),
        .debugResponseOK: Style(),
        .debugResponseError: Style(attributes: [.bold]),
        .debugDiagnosis: Style(attributes: [.bold, .underline]),
        .prompt: Style(attributes: [.bold]),
    ])

    /// The built-ins by name, for selection when no file of that name exists.
    public static let builtins: [Theme] = [builtinDefault, builtinMonochrome]
}
