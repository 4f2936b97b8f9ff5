/// Dialtone's version, shown in User-Agent and `--version`.
enum DialtoneVersion {
    static let current = "0.1.0"
}
