/// One problem in the configuration file, located well enough to fix it without guessing:
/// `config.toml:14: accounts[2].transport: "tsl" is not one of udp, tcp, tls, auto (did you mean "tls"?)`.
public struct ConfigDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// Errors stop the program from starting; warnings are shown and it starts anyway.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// The path of the file as given (not resolved), so the message matches what the user typed.
    public var file: String
    /// 1-based line, when known (see `KeyLineIndex` for how lines are found).
    public var line: Int?
    /// 1-based column; only TOML syntax errors have one.
    public var column: Int?
    /// A readable key path: `accounts[2].transport`, `general.listen[1]`; empty for whole-file
    /// problems. Array entries are numbered from 1, as a person counts them.
    public var key: String
    public var message: String
    /// A likely intended spelling, shown as "did you mean …".
    public var suggestion: String?
    public var severity: Severity

    public init(
        file: String, line: Int?, column: Int? = nil, key: String, message: String,
        suggestion: String? = nil, severity: Severity = .error
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
        self.suggestion = suggestion
        self.severity = severity
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        if !key.isEmpty { text += key + ": " }
        text += message
        if let suggestion { text += " (did you mean \"\(suggestion)\"?)" }
        return text
    }
}
