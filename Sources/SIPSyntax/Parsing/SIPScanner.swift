/// A read position over the bytes of one start-line element or one (unfolded) header value,
/// with the context needed to raise a `SIPParseError` that says where and in what.
///
/// Grammar functions take `inout SIPScanner`, advance it over what they recognise, and throw
/// through `failure(_:)` otherwise. Indexing is bounds-checked (`[UInt8]`), so a grammar bug is a
/// trap in tests rather than a silent out-of-bounds read in production.
struct SIPScanner {
    /// Where errors are attributed.
    enum Context: Hashable, Sendable {
        case header(String)
        case uri
        case startLine
    }

    let bytes: [UInt8]
    var position: Int
    var end: Int
    let mode: SIPParsingMode
    let context: Context
    /// Line and column of `bytes[0]`, for errors (line 0: a value parsed on its own).
    let line: Int
    let columnBase: Int

    init(bytes: [UInt8], range: Range<Int>? = nil, mode: SIPParsingMode, context: Context,
         line: Int = 0, columnBase: Int = 1) {
        self.bytes = bytes
        self.position = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
        self.mode = mode
        self.context = context
        self.line = line
        self.columnBase = columnBase
    }

    init(_ text: String, mode: SIPParsingMode, context: Context) {
        self.init(bytes: Array(text.utf8), mode: mode, context: context)
    }

    var isAtEnd: Bool { position >= end }
    var isStrict: Bool { mode == .strict }
    var current: UInt8? { position < end ? bytes[position] : nil }

    func peek(_ offset: Int) -> UInt8? {
        let index = position + offset
        return index < end && index >= 0 ? bytes[index] : nil
    }

    /// Runs `body` on this scanner narrowed to `range`, then restores the end (the position is
    /// left where `body` left it). Cheaper than `restricted(to:)`, which copies the scanner.
    @inline(__always)
    mutating func within<T>(_ range: Range<Int>, _ body: (inout SIPScanner) throws(SIPParseError) -> T) throws(SIPParseError) -> T {
        let savedEnd = end
        position = range.lowerBound
        end = range.upperBound
        defer { end = savedEnd }
        return try body(&self)
    }

    /// A scanner over `range` of the same bytes, same context.
    func restricted(to range: Range<Int>) -> SIPScanner {
        var copy = self
        copy.position = range.lowerBound
        copy.end = range.upperBound
        return copy
    }

    mutating func skipWhitespace() {
        while position < end, SIPCharacterClass.isWhitespace(bytes[position]) { position += 1 }
    }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard position < end, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Consumes SWS `byte` SWS (`SEMI`, `EQUAL`, `COMMA`, `SLASH`, `COLON` of §25.1) if present.
    mutating func consumeSeparator(_ byte: UInt8) -> Bool {
        let saved = position
        skipWhitespace()
        if consume(byte) {
            skipWhitespace()
            return true
        }
        position = saved
        return false
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(SIPParseError) {
        guard consume(byte) else { throw failure("expected \(what)") }
    }

    /// Advances over bytes satisfying `predicate`; returns the range covered.
    mutating func scan(while predicate: (UInt8) -> Bool) -> Range<Int> {
        let start = position
        while position < end, predicate(bytes[position]) { position += 1 }
        return start..<position
    }

    /// Advances over bytes of `set`, also accepting `%HH` escapes when `escapes` is set.
    mutating func scan(_ set: SIPCharacterClass, escapes: Bool = false) throws(SIPParseError) -> Range<Int> {
        let start = position
        while position < end {
            let byte = bytes[position]
            if set.contains(byte) {
                position += 1
            } else if escapes && byte == UInt8(ascii: "%") {
                guard let high = peek(1), let low = peek(2),
                      SIPCharacterClass.isHex(high), SIPCharacterClass.isHex(low) else {
                    throw failure("'%' not followed by two hex digits (RFC 3261 §25.1 escaped)")
                }
                position += 3
            } else {
                break
            }
        }
        return start..<position
    }

    /// A `token` (§25.1); throws if none is present.
    mutating func token(_ what: String) throws(SIPParseError) -> String {
        let range = scan { SIPCharacterClass.isToken($0) }
        guard !range.isEmpty else { throw failure("expected \(what)") }
        return text(range)
    }

    /// A `Method` token (§25.1); common methods come back without building a String.
    mutating func method(_ what: String) throws(SIPParseError) -> SIPMethod {
        let range = scan { SIPCharacterClass.isToken($0) }
        guard !range.isEmpty else { throw failure("expected \(what)") }
        return bytes[range].withUnsafeBufferPointer(SIPMethod.common) ?? SIPMethod(text(range))
    }

    /// 1*DIGIT as a value no larger than `maximum`.
    mutating func number(_ what: String, maximum: UInt64) throws(SIPParseError) -> UInt64 {
        let start = position
        let range = scan { SIPCharacterClass.isDigit($0) }
        guard !range.isEmpty else { throw failure("expected \(what) (digits)") }
        var value: UInt64 = 0
        for index in range {
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(bytes[index] &- 0x30))
            guard !overflow1, !overflow2, sum <= maximum else {
                throw failure("\(what) \(text(range)) exceeds \(maximum)", at: start)
            }
            value = sum
        }
        return value
    }

    /// A quoted-string (§25.1) starting at the current DQUOTE; returns the raw range including
    /// the quotes. quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F).
    mutating func quotedString() throws(SIPParseError) -> Range<Int> {
        let start = position
        guard consume(UInt8(ascii: "\"")) else { throw failure("expected '\"'") }
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return start..<position
            }
            if byte == UInt8(ascii: "\\") {
                guard let next = peek(1), next != 0x0A, next != 0x0D, next < 0x80 else {
                    throw failure("invalid escape in quoted string")
                }
                position += 2
                continue
            }
            if byte < 0x20 && byte != 0x09 || byte == 0x7F {
                throw failure("control character in quoted string (escape it with '\\')")
            }
            position += 1
        }
        throw failure("unterminated quoted string", at: start)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The rest of the scanner's range as text.
    var remainingText: String { text(position..<max(position, end)) }

    func failure(_ reason: String, at index: Int? = nil) -> SIPParseError {
        let column = (index ?? position) + columnBase
        let kind: SIPParseError.Kind = switch context {
        case .header(let name): .invalidHeader(name: name, reason: reason)
        case .uri: .invalidURI(reason: reason)
        case .startLine: .invalidStartLine(reason: reason)
        }
        return SIPParseError(kind, line: line, column: column)
    }
}
