/// One problem in a theme, located well enough to fix it without guessing:
/// `mytheme.toml:12: roles."call.ringing".fg: unknown colour "magneta" (did you mean "magenta"?)`.
public struct ThemeDiagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name (or path) as given to the loader.
    public var file: String
    /// 1-based line, when known (see `KeyLineIndex` for how lines are found).
    public var line: Int?
    /// 1-based column; only TOML syntax errors have one.
    public var column: Int?
    /// The key path, outermost first, e.g. `["roles", "call.ringing", "fg"]`; empty for
    /// whole-file problems.
    public var keyPath: [String]
    public var problem: ThemeProblem

    public init(file: String, line: Int?, column: Int? = nil, keyPath: [String], problem: ThemeProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.problem = problem
    }

    /// The key path in TOML spelling: components joined by `.`, quoted when not bare keys.
    public var key: String {
        keyPath.map { component in
            let bare = !component.isEmpty && component.allSatisfy {
                $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-")
            }
            return bare ? component : "\"\(component)\""
        }.joined(separator: ".")
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return keyPath.isEmpty ? "\(location): \(problem)" : "\(location): \(key): \(problem)"
    }
}
