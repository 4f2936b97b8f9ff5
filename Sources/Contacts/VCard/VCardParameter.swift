/// A property parameter, `NAME=value[,value…]` or, in vCard 2.1, a bare `NAME` such as the
/// `CELL` of `TEL;CELL:…` (RFC 6350 §5, RFC 2426 §4 `param`).
///
/// The text after `=` is kept exactly as written (`rawValue`, quotes included) so a parameter
/// Dialtone does not interpret is written back byte for byte; `values` is its meaning.
public struct VCardParameter: Hashable, Sendable, CustomStringConvertible {
    /// The name as written; compare with `isNamed(_:)` (names are case-insensitive, RFC 6350 §3.3).
    public var name: String
    /// The text after `=` as written, or `nil` for a bare 2.1-style parameter.
    public var rawValue: String?

    public init(name: String, rawValue: String?) {
        self.name = name
        self.rawValue = rawValue
    }

    /// A parameter holding these values, quoted where RFC 6350 §3.3 requires it (a value holding
    /// `,` `;` `:` or a control character) and with `"`, `^` and newlines escaped per RFC 6868.
    public init(_ name: String, values: [String]) {
        self.name = name
        self.rawValue = values.map(Self.encode).joined(separator: ",")
    }

    /// The values: split on commas outside quotes, quotes removed, RFC 6868 `^` escapes decoded.
    /// A bare parameter has no values.
    public var values: [String] {
        guard let rawValue else { return [] }
        return Self.splitOutsideQuotes(rawValue).map(Self.decode)
    }

    /// Whether the parameter has this name, ignoring case.
    public func isNamed(_ other: String) -> Bool {
        name.equalsIgnoringASCIICase(other)
    }

    /// The parameter as it appears in a content line, without the leading `;`.
    public var description: String {
        rawValue.map { "\(name)=\($0)" } ?? name
    }

    private static func splitOutsideQuotes(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.toggle() }
            if scalar == "," && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        parts.append(current)
        return parts
    }

    /// RFC 6868 §3: `^n` newline, `^^` caret, `^'` double quote; anything else stays as written.
    private static func decode(_ value: String) -> String {
        var text = Substring(value)
        if text.count >= 2, text.first == "\"", text.last == "\"" {
            text = text.dropFirst().dropLast()
        }
        return VCardText.decodingEscapes(text, escape: "^") { character in
            switch character {
            case "n", "N": "\n"
            case "^": "^"
            case "'": "\""
            default: "^\(character)"
            }
        }
    }

    private static func encode(_ value: String) -> String {
        var escaped = ""
        for character in value {
            switch character {
            case "^": escaped += "^^"
            case "\"": escaped += "^'"
            case "\n", "\r\n", "\r": escaped += "^n"
            default: escaped.append(character)
            }
        }
        let needsQuotes = escaped.unicodeScalars.contains { ",;:".unicodeScalars.contains($0) || $0.value < 0x20 }
        return needsQuotes ? "\"\(escaped)\"" : escaped
    }
}

extension Array where Element == VCardParameter {
    /// Every value of every parameter with this name, in order (`TYPE=a;TYPE=b,c` → a, b, c).
    public func values(_ name: String) -> [String] {
        filter { $0.isNamed(name) }.flatMap(\.values)
    }
}
