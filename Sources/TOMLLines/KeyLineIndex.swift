import Foundation

/// Maps key paths to the line where they are written, because TOMLKit's parsed tables do not
/// remember source positions and a diagnostic without a line is hard to act on.
///
/// It is a line scanner, not a TOML parser. It understands:
/// - table headers `[a."b.c"]` and `[[a]]` (array-of-tables entries share one path: the first
///   entry's line is reported);
/// - key lines `key = …`, `"quoted.key" = …`, `'literal' = …` and dotted keys `a.b = …`,
///   recorded under the current header;
/// - multi-line strings (`"""`/`'''`), whose contents are skipped.
/// Limits: keys inside an inline table (`{ fg = "x" }`) are not indexed separately — inline
/// tables are one line in TOML 1.0, so the enclosing key's line is the right answer, and lookup
/// falls back to the nearest indexed ancestor. Only `\"` and `\\` escapes in quoted keys are
/// decoded. Only the first line of a duplicated path is kept (the TOML parser rejects those).
public struct KeyLineIndex: Sendable {
    private var lines: [[String]: Int] = [:]

    public init(text: String) {
        var header: [String] = []
        var inMultilineString = false
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            let delimiters = Self.multilineDelimiterCount(rawLine)
            defer { if delimiters % 2 == 1 { inMultilineString.toggle() } }
            if inMultilineString { continue }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }
                guard let (path, _) = Self.parseKey(inner) else { continue }
                header = path
                record(header, line: offset + 1)
            } else if let (path, rest) = Self.parseKey(line), rest.first == "=" {
                record(header + path, line: offset + 1)
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

    private mutating func record(_ path: [String], line: Int) {
        if lines[path] == nil { lines[path] = line }
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
