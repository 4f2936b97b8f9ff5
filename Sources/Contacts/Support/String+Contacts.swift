extension String {
    /// ASCII case-insensitive equality: vCard names, parameter names and URI schemes are ASCII
    /// tokens, and `lowercased()` on every comparison would allocate on the hot path.
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        utf8.count == other.utf8.count && zip(utf8, other.utf8).allSatisfy { ASCII.lowercased($0) == ASCII.lowercased($1) }
    }

    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }

    /// CRLF and lone CR replaced by LF.
    var replacingLineBreaks: String {
        guard utf8.contains(0x0D) else { return self }
        var text = ""
        for character in self {
            text.append(character == "\r\n" || character == "\r" ? "\n" : character)
        }
        return text
    }

    /// The string with zeros in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
