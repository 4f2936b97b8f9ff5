import Foundation
import SIPSyntax
import TOMLKit
import TOMLLines

/// Walks the parsed file, turning valid values into settings and invalid ones into located
/// diagnostics. It never stops at the first problem: a user fixes the whole file in one go.
///
/// The typed readers return nil both when a key is absent and when it is wrong (after
/// reporting it), so callers simply keep the default; the loader throws away the result
/// when any error was reported.
struct ConfigValidator {
    let fileName: String
    let index: KeyLineIndex
    let environment: [String: String]
    /// Relative file names in the config are taken relative to the config file itself, so a
    /// config directory with its certificates can be moved as a unit.
    let baseDirectory: String
    private(set) var diagnostics: [ConfigDiagnostic] = []

    init(fileName: String, text: String, environment: [String: String]) {
        self.fileName = fileName
        self.index = KeyLineIndex(text: text)
        self.environment = environment
        self.baseDirectory = (fileName as NSString).deletingLastPathComponent
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    func line(of path: ConfigKeyPath) -> Int? { index.line(of: path.linePath) }

    mutating func report(
        _ message: String, at path: ConfigKeyPath, suggestion: String? = nil,
        severity: ConfigDiagnostic.Severity = .error, line: Int? = nil
    ) {
        diagnostics.append(ConfigDiagnostic(
            file: fileName, line: line ?? self.line(of: path), key: path.display, message: message,
            suggestion: suggestion, severity: severity))
    }

    /// Reports every key of `table` that the format does not define, with the nearest known one.
    mutating func rejectUnknownKeys(in table: TOMLTable, at path: ConfigKeyPath, known: [String]) {
        for key in table.keys where !known.contains(key) {
            report("unknown key \"\(key)\"", at: path.appending(key), suggestion: Suggestion.nearest(to: key, in: known))
        }
    }

    mutating func wrongType(_ value: TOMLValueConvertible, expected: String, at path: ConfigKeyPath) {
        report("expected \(expected), found \(value.type.description)", at: path)
    }

    // MARK: - Typed readers

    mutating func table(_ table: TOMLTable, _ key: String, at path: ConfigKeyPath) -> TOMLTable? {
        guard let value = table[key] else { return nil }
        guard let result = value.table else {
            wrongType(value, expected: "a table", at: path.appending(key))
            return nil
        }
        return result
    }

    mutating func string(_ table: TOMLTable, _ key: String, at path: ConfigKeyPath) -> String? {
        guard let value = table[key] else { return nil }
        guard let result = value.string else {
            wrongType(value, expected: "a string", at: path.appending(key))
            return nil
        }
        return result
    }

    /// A string that ends up in a SIP header or a log line: one line, no control characters.
    mutating func singleLineString(_ table: TOMLTable, _ key: String, at path: ConfigKeyPath) -> String? {
        guard let text = string(table, key, at: path) else { return nil }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            report("must not contain line breaks or control characters", at: path.appending(key))
            return nil
        }
        return text
    }

    mutating func bool(_ table: TOMLTable, _ key: String, at path: ConfigKeyPath) -> Bool? {
        guard let value = table[key] else { return nil }
        guard let result = value.bool else {
            wrongType(value, expected: "true or false", at: path.appending(key))
            return nil
        }
        return result
    }

    mutating func integer(
        _ table: TOMLTable, _ key: String, at path: ConfigKeyPath, in range: ClosedRange<Int>
    ) -> Int? {
        guard let value = table[key] else { return nil }
        guard let result = value.int else {
            wrongType(value, expected: "an integer", at: path.appending(key))
            return nil
        }
        guard range.contains(result) else {
            report("\(result) is out of range \(range.lowerBound)…\(range.upperBound)", at: path.appending(key))
            return nil
        }
        return result
    }

    /// The elements of an array with their 1-based positions; nil when absent or not an array.
    /// Callers check each element with `string(element:at:)`, so an array's problems come in
    /// element order.
    mutating func array(_ table: TOMLTable, _ key: String, at path: ConfigKeyPath) -> [(Int, TOMLValueConvertible)]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else {
            wrongType(value, expected: "an array of strings", at: path.appending(key))
            return nil
        }
        return array.enumerated().map { ($0.offset + 1, $0.element) }
    }

    mutating func string(element: TOMLValueConvertible, at path: ConfigKeyPath) -> String? {
        guard let text = element.string else {
            wrongType(element, expected: "a string", at: path)
            return nil
        }
        return text
    }

    /// One of a fixed vocabulary, with a "did you mean" for near misses.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ table: TOMLTable, _ key: String, at path: ConfigKeyPath, as type: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        guard let text = string(table, key, at: path) else { return nil }
        return choice(text, at: path.appending(key), as: type)
    }

    mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ text: String, at path: ConfigKeyPath, as type: Choice.Type
    ) -> Choice? where Choice.RawValue == String {
        if let value = Choice(rawValue: text) { return value }
        let names = Choice.allCases.map(\.rawValue)
        report("\"\(text)\" is not one of \(names.joined(separator: ", "))", at: path,
            suggestion: Suggestion.nearest(to: text, in: names))
        return nil
    }
}
