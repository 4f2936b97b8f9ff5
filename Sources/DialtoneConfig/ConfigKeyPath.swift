import TOMLLines

/// Where a value sits in the file, kept in two spellings: the readable one users see
/// (`accounts[2].extra_headers."X Bad"`, `general.listen[1]`) and the one `KeyLineIndex`
/// looks lines up by (`["accounts", "#2", "extra_headers", "X Bad"]`).
struct ConfigKeyPath: Sendable, Hashable {
    enum Component: Sendable, Hashable {
        case key(String)
        /// An `[[array]]` entry, 1-based: it has its own lines.
        case entry(Int)
        /// An element of an inline array, 1-based: it shares the array's line.
        case element(Int)
    }

    private(set) var components: [Component] = []

    static let root = ConfigKeyPath()

    func appending(_ key: String) -> ConfigKeyPath { appending(.key(key)) }

    func appending(_ component: Component) -> ConfigKeyPath {
        var path = self
        path.components.append(component)
        return path
    }

    /// The readable spelling: keys joined by `.` (quoted unless bare TOML keys), numbers in brackets.
    var display: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += Self.isBare(key) ? key : "\"\(key)\""
            case .entry(let number), .element(let number):
                text += "[\(number)]"
            }
        }
        return text
    }

    /// The path `KeyLineIndex` answers for: elements dropped (they are on the array's line).
    var linePath: [String] {
        components.compactMap { component in
            switch component {
            case .key(let key): key
            case .entry(let number): KeyLineIndex.entry(number)
            case .element: nil
            }
        }
    }

    private static func isBare(_ key: String) -> Bool {
        !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }
}
