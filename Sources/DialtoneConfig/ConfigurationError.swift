/// Why there is no configuration: the program does not start half-configured, so every problem
/// found is reported at once rather than one per attempt.
public enum ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read (missing, permissions, not UTF-8).
    case unreadable(path: String, reason: String)
    /// The file was read but has errors; warnings found alongside are included, in line order.
    case invalid([ConfigDiagnostic])

    /// One line per diagnostic, ready to print.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read configuration: \(reason)"
        case .invalid(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
        }
    }
}
