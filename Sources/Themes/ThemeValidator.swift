import TOMLLines
import TOMLKit

/// Walks a parsed theme document, turning every valid entry into the model and every invalid
/// one into a located diagnostic. One pass collects *all* problems, so a user fixes a file in
/// one go instead of one error per start-up.
struct ThemeValidator {
    let fileName: String
    let index: KeyLineIndex
    private(set) var diagnostics: [ThemeDiagnostic] = []

    init(fileName: String, text: String) {
        self.fileName = fileName
        self.index = KeyLineIndex(text: text)
    }

    /// Records a problem at `keyPath`, locating it through the line index.
    mutating func report(_ problem: ThemeProblem, at keyPath: [String]) {
        diagnostics.append(
            ThemeDiagnostic(file: fileName, line: index.line(of: keyPath), keyPath: keyPath, problem: problem))
    }

    /// The theme's name and its valid role styles; missing ones are the caller's to fill.
    mutating func validate(_ document: TOMLTable) -> (name: String?, roles: [Role: Style]) {
        var name: String?
        var roles: [Role: Style] = [:]
        for key in document.keys {
            guard let value = document[key] else { continue }
            switch key {
            case "name": name = validateName(value)
            case "roles": roles = validateRoles(value)
            default:
                report(.unknownKey(key, suggestion: Suggestion.nearest(to: key, in: ["name", "roles"])), at: [key])
            }
        }
        if name == nil, document["name"] == nil { report(.missingName, at: []) }
        return (name, roles)
    }

    private mutating func validateName(_ value: TOMLValueConvertible) -> String? {
        guard let name = value.string else {
            report(.wrongType(expected: "string", found: value.type.description), at: ["name"])
            return nil
        }
        if name.isEmpty { report(.missingName, at: ["name"]) }
        return name.isEmpty ? nil : name
    }

    private mutating func validateRoles(_ value: TOMLValueConvertible) -> [Role: Style] {
        guard let table = value.table else {
            report(.wrongType(expected: "table", found: value.type.description), at: ["roles"])
            return [:]
        }
        var roles: [Role: Style] = [:]
        for key in table.keys {
            guard let entry = table[key] else { continue }
            guard let role = Role(name: key) else {
                let suggestion = Suggestion.nearest(to: key, in: Role.all.map(\.name))
                report(.unknownRole(key, suggestion: suggestion), at: ["roles", key])
                continue
            }
            if let style = validateStyle(entry, at: ["roles", key]) { roles[role] = style }
        }
        return roles
    }

    /// A role's `{ fg, bg, attrs }`. All of its problems are reported; any problem makes the
    /// whole entry invalid (nil) so the role falls back as a unit rather than mixing two themes.
    private mutating func validateStyle(_ value: TOMLValueConvertible, at path: [String]) -> Style? {
        guard let table = value.table else {
            report(.wrongType(expected: "inline table", found: value.type.description), at: path)
            return nil
        }
        let before = diagnostics.count
        var style = Style()
        for key in table.keys {
            guard let field = table[key] else { continue }
            switch key {
            case "fg": style.foreground = validateColor(field, at: path + [key]) ?? .default
            case "bg": style.background = validateColor(field, at: path + [key]) ?? .default
            case "attrs": style.attributes = validateAttributes(field, at: path + [key])
            default:
                let suggestion = Suggestion.nearest(to: key, in: ["fg", "bg", "attrs"])
                report(.unknownKey(key, suggestion: suggestion), at: path + [key])
            }
        }
        return diagnostics.count == before ? style : nil
    }

    private mutating func validateColor(_ value: TOMLValueConvertible, at path: [String]) -> ThemeColor? {
        guard let text = value.string else {
            report(.wrongType(expected: "string", found: value.type.description), at: path)
            return nil
        }
        do {
            return try ThemeColor(parsing: text)
        } catch {
            report(error, at: path)
            return nil
        }
    }

    private mutating func validateAttributes(_ value: TOMLValueConvertible, at path: [String]) -> Set<TextAttribute> {
        guard let array = value.array else {
            report(.wrongType(expected: "array of strings", found: value.type.description), at: path)
            return []
        }
        var attributes: Set<TextAttribute> = []
        for element in array {
            guard let name = element.string else {
                report(.wrongType(expected: "string", found: element.type.description), at: path)
                continue
            }
            guard let attribute = TextAttribute(rawValue: name) else {
                let suggestion = Suggestion.nearest(to: name, in: TextAttribute.allCases.map(\.rawValue))
                report(.unknownAttribute(name, suggestion: suggestion), at: path)
                continue
            }
            attributes.insert(attribute)
        }
        return attributes
    }
}
