/// Measuring, clipping and padding text by display columns, never by character count: a CJK
/// name or an emoji takes two columns and must not push a table's columns out of line.
public enum TextLayout {
    public enum Alignment: Sendable, Hashable {
        case left, right, center
    }

    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    public static func clipped(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// `text` clipped and then padded with spaces to exactly `width` columns.
    public static func padded(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let clippedText = clipped(text, to: width)
        let gap = max(0, width - DisplayWidth.of(clippedText))
        switch alignment {
        case .left: return clippedText + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + clippedText
        case .center:
            return String(repeating: " ", count: gap / 2) + clippedText + String(repeating: " ", count: gap - gap / 2)
        }
    }

    /// `text` split into lines (LF or CRLF), each at most `width` columns, wrapping long lines
    /// at the column limit: raw SIP messages must be readable in full, never cut.
    public static func wrapped(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        // Swift keeps CRLF as one Character, so SIP's line ends need their own separator case.
        let rawLines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for rawLine in rawLines {
            var line = String(rawLine)
            repeat {
                var piece = ""
                var used = 0
                while let character = line.first, used + DisplayWidth.of(character) <= width {
                    piece.append(character)
                    used += DisplayWidth.of(character)
                    line.removeFirst()
                }
                if piece.isEmpty, let character = line.first {
                    piece.append(character)
                    line.removeFirst()
                }
                lines.append(piece)
            } while !line.isEmpty
        }
        return lines
    }
}
