/// A password held in memory. Every textual form is `<redacted>`, and `Mirror` shows no
/// children, so `print`, string interpolation, `String(reflecting:)`, `dump` and a debug pane
/// that reflects over settings can never leak it; only `.value`, read on purpose, can.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// Where an account's password comes from.
public enum PasswordSource: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// `password = "…"` in the file.
    case literal(Secret)
    /// `password_command = "…"`: run with `/bin/sh -c`; its first output line is the password
    /// (see `PasswordResolver`), so the file itself need not hold a secret.
    case command(String)

    /// The kind only: a command line may itself hold a secret (`--password=…`), so neither is shown.
    public var description: String {
        switch self {
        case .literal: "password <redacted>"
        case .command: "password_command <redacted>"
        }
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["source": description], displayStyle: .enum)
    }
}
