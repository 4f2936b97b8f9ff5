/// Escaping of text values (RFC 6350 §3.4, RFC 2426 §5: `\\`, `\n`, `\,`, `\;`).
///
/// Splitting a list or structured value must happen before unescaping, since an escaped
/// separator is part of the component; hence `split` works on the raw text.
enum VCardText {
    /// Escapes backslash, newline, comma and semicolon. RFC 6350 §3.4 requires the comma escaped
    /// in every text value "for consistency", and the semicolon wherever it could be a separator.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n", "\r\n", "\r": escaped += "\\n"
            case ",": escaped += "\\,"
            case ";": escaped += "\\;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Undoes `escape`. A backslash before any other character is dropped and the character kept:
    /// such sequences are invalid, but exporters write `\:` and readers must not lose the text.
    static func unescape(_ raw: Substring) -> String {
        decodingEscapes(raw, escape: "\\") { $0 == "n" || $0 == "N" ? "\n" : String($0) }
    }

    /// Splits raw text on a separator that is not escaped by a backslash.
    static func split(_ raw: Substring, on separator: Character) -> [Substring] {
        var parts: [Substring] = []
        var start = raw.startIndex
        var index = raw.startIndex
        var escaping = false
        while index < raw.endIndex {
            let character = raw[index]
            if escaping {
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == separator {
                parts.append(raw[start..<index])
                start = raw.index(after: index)
            }
            index = raw.index(after: index)
        }
        parts.append(raw[start...])
        return parts
    }

    /// A URI value with stray escapes of `:` `,` `;` `\` removed (see `VCardProperty.uri`).
    static func unescapeURI(_ raw: String) -> String {
        decodingEscapes(Substring(raw), escape: "\\") { ":,;\\".contains($0) ? String($0) : "\\\($0)" }
    }

    /// Replaces each `escape`+character pair with `translate(character)`; a trailing lone escape
    /// character stays. Shared by text values (`\`), URIs and RFC 6868 parameter values (`^`).
    static func decodingEscapes(_ raw: Substring, escape: Character, translate: (Character) -> String) -> String {
        guard raw.contains(escape) else { return String(raw) }
        var text = ""
        var escaping = false
        for character in raw {
            if escaping {
                text += translate(character)
                escaping = false
            } else if character == escape {
                escaping = true
            } else {
                text.append(character)
            }
        }
        if escaping { text.append(escape) }
        return text
    }
}
