/// Matching typed text against names, numbers and URIs the way a person expects: a
/// case-insensitive substring, and for a query that is a number, a substring of the field's
/// digits with punctuation ignored, so `17123` and `171 23` both find `+49 (171) 23-4`.
enum TextMatch {
    /// Case-insensitive substring, or digit-only substring when the query is a number.
    static func matches(query: String, in fields: [String]) -> Bool {
        let trimmed = query.trimmingSpaces
        if trimmed.isEmpty { return true }
        let needle = trimmed.lowercased()
        let digits = PhoneNumber.normalised(trimmed)
        return fields.contains { field in
            if field.lowercased().contains(needle) { return true }
            guard let digits, !digits.isEmpty else { return false }
            return PhoneNumber.digitsOnly(field).contains(digits)
        }
    }
}

/// Phone-number normalisation for comparing what users type with stored numbers.
enum PhoneNumber {
    /// The digits (and a leading `+`) of `text` when it looks like a phone number (only digits,
    /// spaces, `+ - ( ) . /`), else nil: `sip:bob@x` is not a number.
    static func normalised(_ text: String) -> String? {
        let allowed = Set("0123456789+-(). /")
        guard text.contains(where: \.isASCIIDigit), text.allSatisfy({ allowed.contains($0) }) else { return nil }
        let digits = text.filter(\.isASCIIDigit)
        return text.trimmingSpaces.hasPrefix("+") ? "+" + digits : digits
    }

    /// Every ASCII digit of `text`, in order (`sip:+49171@x` → `49171`).
    static func digitsOnly(_ text: String) -> String {
        text.filter(\.isASCIIDigit)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
