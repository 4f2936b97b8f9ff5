/// Byte-level helpers shared by every field parser. SDP is ASCII apart from free-text
/// fields (RFC 8866 §5), so the parser works on UTF-8 bytes and makes a `String` only for
/// values it keeps: no Foundation, no regular expressions, no per-character `String` work.
enum ASCII {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let slash = UInt8(ascii: "/")
    static let equals = UInt8(ascii: "=")
    static let pipe = UInt8(ascii: "|")
    static let dot = UInt8(ascii: ".")
    static let minus = UInt8(ascii: "-")
    static let caret = UInt8(ascii: "^")

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || byte == tab }
    static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}

/// A borrowed view of bytes: no reference counting on the hot path. It lives only inside the
/// `withUnsafeBufferPointer`/`withUTF8` scope that made it; everything kept is copied into a
/// `String` or a number before that scope ends.
typealias SDPBytes = Slice<UnsafeBufferPointer<UInt8>>

/// Runs `body` over the UTF-8 bytes of `text` (for reads of model strings, off the hot path).
func withBytes<Result>(of text: String, _ body: (SDPBytes) -> Result) -> Result {
    var text = text
    return text.withUTF8 { body($0[...]) }
}

extension Slice where Base == UnsafeBufferPointer<UInt8> {
    /// The bytes as a `String`; invalid UTF-8 in free text becomes U+FFFD rather than failing
    /// the whole body (old phones send Latin-1 session names).
    var string: String { String(decoding: UnsafeBufferPointer(rebasing: self), as: UTF8.self) }

    /// The bytes as a lowercase ASCII `String`, for matching case-insensitive keywords. Names
    /// are nearly always lowercase already, so that case decodes the bytes directly.
    var lowercasedString: String {
        guard contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return string }
        return String(decoding: map(ASCII.lowercased), as: UTF8.self)
    }

    /// Whether `keyword` (uppercase ASCII) occurs in the bytes, ignoring ASCII case.
    func containsIgnoringCase(_ keyword: StaticString) -> Bool {
        keyword.withUTF8Buffer { needle in
            guard needle.count <= count else { return false }
            var start = startIndex
            while start + needle.count <= endIndex {
                if zip(self[start...], needle).allSatisfy({ ASCII.lowercased($0) == ASCII.lowercased($1) }) { return true }
                start += 1
            }
            return false
        }
    }

    /// Whether the bytes start with `keyword`, ignoring ASCII case.
    func hasPrefixIgnoringCase(_ keyword: StaticString) -> Bool {
        count >= keyword.utf8CodeUnitCount && prefix(keyword.utf8CodeUnitCount).equalsIgnoringCase(keyword)
    }

    /// Fields separated by runs of SP or HTAB, empty ones dropped. RFC 8866 §5 uses exactly
    /// one SP, but peers send doubled or trailing spaces and nothing is lost by folding them.
    func fields() -> [Self] {
        var result: [Self] = []
        result.reserveCapacity(8)
        var index = startIndex
        while index < endIndex {
            while index < endIndex, ASCII.isWhitespace(self[index]) { index += 1 }
            guard index < endIndex else { break }
            let start = index
            while index < endIndex, !ASCII.isWhitespace(self[index]) { index += 1 }
            result.append(self[start..<index])
        }
        return result
    }

    /// Every piece between `separator`s, empty pieces kept (`"a//b"` has three).
    func pieces(separatedBy separator: UInt8) -> [Self] {
        split(separator: separator, omittingEmptySubsequences: false)
    }

    /// The part before the first `separator` and, when there is one, the part after it.
    func splitOnce(at separator: UInt8) -> (head: Self, tail: Self?) {
        guard let index = firstIndex(of: separator) else { return (self, nil) }
        return (self[startIndex..<index], self[(index + 1)...])
    }

    /// The first field and everything after the whitespace that follows it, verbatim.
    func splitFirstField() -> (head: Self, rest: Self) {
        let trimmed = trimmingLeadingWhitespace()
        let end = trimmed.firstIndex(where: ASCII.isWhitespace) ?? trimmed.endIndex
        return (trimmed[trimmed.startIndex..<end], trimmed[end...].trimmingLeadingWhitespace())
    }

    func trimmingLeadingWhitespace() -> Self {
        drop(while: ASCII.isWhitespace)
    }

    func trimmingWhitespace() -> Self {
        let head = drop(while: ASCII.isWhitespace)
        guard let last = head.lastIndex(where: { !ASCII.isWhitespace($0) }) else { return head[head.endIndex...] }
        return head[head.startIndex...last]
    }

    /// Whether the bytes equal `keyword` ignoring ASCII case.
    func equalsIgnoringCase(_ keyword: StaticString) -> Bool {
        guard count == keyword.utf8CodeUnitCount else { return false }
        return keyword.withUTF8Buffer { buffer in
            zip(self, buffer).allSatisfy { ASCII.lowercased($0) == ASCII.lowercased($1) }
        }
    }

    /// An unsigned decimal number, or `nil` when the bytes are empty, hold a non-digit or
    /// do not fit `T`. The bytes are checked before any arithmetic, so nothing can trap.
    func decimal<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type = T.self) -> T? {
        guard !isEmpty else { return nil }
        var value: T = 0
        for byte in self {
            guard ASCII.isDigit(byte) else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(T(byte &- 0x30))
            guard !overflowA, !overflowB else { return nil }
            value = sum
        }
        return value
    }

    /// A decimal number for the sub-field `name`, with the problem named when it is not one.
    func number<T: FixedWidthInteger & UnsignedInteger>(
        _ name: String, as type: T.Type = T.self
    ) throws(SDPParseError.Problem) -> T {
        guard !isEmpty else { throw .missing(name) }
        guard allSatisfy(ASCII.isDigit) else { throw .notANumber(name) }
        guard let value = decimal(T.self) else { throw .outOfRange(name) }
        return value
    }
}
