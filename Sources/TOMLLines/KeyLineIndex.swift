import Foundation

/// Maps key paths to the line where they are written, because TOMLKit's parsed tables do not
/// remember source positions and a diagnostic without a line is hard to act on.
///
/// It is a line scanner, not a TOML parser. It understands:
/// - table headers `[a."b.c"]` and `[[a]]`. Each array-of-tables entry has its own path, with
///   `entry(n)` (1-based) after the array's name: the second `[[accounts]]` is
///   `["accounts", "#2"]` and its `aor` is `["accounts", "#2", "aor"]`; `[accounts.extra]` after
///   it is `["accounts", "#2", "extra"]`. The path without the entry component still answers,
///   with the first entry that has the key (what callers that do not number entries expect);
/// - key lines `key = …`, `"quoted.key" = …`, `'literal' = …` and dotted keys `a.b = …`,
///   recorded under the current header;
/// - multi-line strings (`"""`/`'''`), whose contents are skipped.
/// Limits: keys inside an inline table (`{ fg = "x" }`) are not indexed separately — inline
/// tables are one line in TOML 1.0, so the enclosing key's line is the right answer, and lookup
/// falls back to the nearest indexed ancestor. Only `\"` and `\\` escapes in quoted keys are
/// decoded. Only the first line of a duplicated path is kept (the TOML parser rejects those).
public struct KeyLineIndex: Sendable {
    private var lines: [[String]: Int] = [:]

    /// The path component naming entry `number` (1-based) of an array of tables.
    public static func entry(_ number: Int) -> String { "#\(number)" }

    public init(text: String) {
        var header: [String] = []
        var unnumberedHeader: [String] = []
        // Entries seen so far per array of tables, keyed by the array's resolved path: a nested
        // array (`[[a.b]]`) counts its entries per entry of its parent, as TOML nests them.
        var entryCounts: [[String]: Int] = [:]
        var inMultilineString = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            let delimiters = Self.multilineDelimiterCount(rawLine)
            defer { if delimiters % 2 == 1 { inMultilineString.toggle() } }
            if inMultilineString { continue }
            if line.hasPrefix("[") {
                let opensEntry = line.hasPrefix("[[")
                guard let (path, _) = Self.parseKey(line.dropFirst(opensEntry ? 2 : 1)) else { continue }
                header = Self.resolve(path, opensEntry: opensEntry, entryCounts: &entryCounts)
                unnumberedHeader = path
                record(header, unnumbered: path, line: offset + 1)
            } else if let (path, rest) = Self.parseKey(line), rest.first == "=" {
                record(header + path, unnumbered: unnumberedHeader + path, line: offset + 1)
            }
        }
    }

    /// The line of `path`, or of its nearest indexed ancestor.
    public func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    /// Records `path` and the same path without array entry numbers.
    private mutating func record(_ path: [String], unnumbered: [String], line: Int) {
        if lines[path] == nil { lines[path] = line }
        if lines[unnumbered] == nil { lines[unnumbered] = line }
    }

    /// A header's path with the current entry number after every array of tables it passes
    /// through; `opensEntry` (a `[[…]]` header) starts a new entry of the last component.
    private static func resolve(
        _ path: [String], opensEntry: Bool, entryCounts: inout [[String]: Int]
    ) -> [String] {
        var resolved: [String] = []
        for (position, component) in path.enumerated() {
            resolved.append(component)
            if opensEntry, position == path.count - 1 {
                let number = (entryCounts[resolved] ?? 0) + 1
                entryCounts[resolved] = number
                resolved.append(entry(number))
            } else if let number = entryCounts[resolved] {
                resolved.append(entry(number))
            }
        }
        return resolved
    }

    /// How many `"""` / `'''` delimiters a line holds (odd: a multi-line string opens or closes).
    private static func multilineDelimiterCount(_ line: Substring) -> Int {
        line.components(separatedBy: "\"\"\"").count - 1 + line.components(separatedBy: "'''").count - 1
    }

    /// A dotted key at the start of `text`: its components and the text after it (leading
    /// whitespace removed). Nil when `text` does not start with a key.
    static func parseKey(_ text: Substring) -> ([String], Substring)? {
        var rest = text
        var components: [String] = []
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let (component, after) = parseComponent(rest) else { return nil }
            components.append(component)
            rest = after.drop { $0 == " " || $0 == "\t" }
            guard rest.first == "." else { return (components, rest) }
            rest = rest.dropFirst()
        }
    }

    /// One bare, basic-quoted or literal-quoted key component.
    private static func parseComponent(_ text: Substring) -> (String, Substring)? {
        guard let first = text.first else { return nil }
        if first == "\"" || first == "'" {
            var value = ""
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let c = text[index]
                if c == first { return (value, text[text.index(after: index)...]) }
                if c == "\\", first == "\"", text.index(after: index) < text.endIndex {
                    index = text.index(after: index)
                }
                value.append(text[index])
                index = text.index(after: index)
            }
            return nil
        }
        let bare = text.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        return bare.isEmpty ? nil : (String(bare), text.dropFirst(bare.count))
    }
}
