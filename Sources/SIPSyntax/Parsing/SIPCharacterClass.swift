/// A set of ASCII bytes from the RFC 3261 §25.1 grammar, held as two 64-bit masks (bytes 0–63
/// and 64–127) built from literal constants: membership is a select, a shift and an AND, with
/// no table to load and no branch, so the byte loops of the parser stay tight. Bytes ≥ 0x80 are
/// in no set. (The masks were generated from the character lists in each comment.)
struct SIPCharacterClass {
    let low: UInt64
    let high: UInt64

    @inline(__always)
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// The union of two sets.
    @inline(__always)
    static func | (lhs: SIPCharacterClass, rhs: SIPCharacterClass) -> SIPCharacterClass {
        SIPCharacterClass(low: lhs.low | rhs.low, high: lhs.high | rhs.high)
    }

    /// Branch-free: names and values mix bytes from both halves, so a branch on the half
    /// mispredicts often enough to dominate the parser's byte loops.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let word = byte & 0x40 == 0 ? low : high
        let isASCII = UInt64(~byte >> 7)
        return (word >> UInt64(byte & 0x3F)) & isASCII != 0
    }

    /// DIGIT
    @inline(__always) static var digit: SIPCharacterClass { SIPCharacterClass(low: 0x03FF000000000000, high: 0x0000000000000000) }
    /// ALPHA
    @inline(__always) static var alpha: SIPCharacterClass { SIPCharacterClass(low: 0x0000000000000000, high: 0x07FFFFFE07FFFFFE) }
    /// HEXDIG (either case)
    @inline(__always) static var hex: SIPCharacterClass { SIPCharacterClass(low: 0x03FF000000000000, high: 0x0000007E0000007E) }
    @inline(__always) static var alphanumeric: SIPCharacterClass { SIPCharacterClass(low: 0x03FF000000000000, high: 0x07FFFFFE07FFFFFE) }
    /// `token`: alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"
    @inline(__always) static var token: SIPCharacterClass { SIPCharacterClass(low: 0x03FF6CA200000000, high: 0x47FFFFFF87FFFFFE) }
    /// `unreserved`: alphanum / mark; mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"
    @inline(__always) static var unreserved: SIPCharacterClass { SIPCharacterClass(low: 0x03FF678200000000, high: 0x47FFFFFE87FFFFFE) }
    /// `user-unreserved`: "&" / "=" / "+" / "$" / "," / ";" / "?" / "/"
    @inline(__always) static var userUnreserved: SIPCharacterClass { SIPCharacterClass(low: 0xA800985000000000, high: 0x0000000000000000) }
    /// the extras of `password`: "&" / "=" / "+" / "$" / ","
    @inline(__always) static var passwordExtra: SIPCharacterClass { SIPCharacterClass(low: 0x2000185000000000, high: 0x0000000000000000) }
    /// `param-unreserved`: "[" / "]" / "/" / ":" / "&" / "+" / "$"
    @inline(__always) static var paramUnreserved: SIPCharacterClass { SIPCharacterClass(low: 0x0400885000000000, high: 0x0000000028000000) }
    /// `hnv-unreserved`: "[" / "]" / "/" / "?" / ":" / "+" / "$"
    @inline(__always) static var hnvUnreserved: SIPCharacterClass { SIPCharacterClass(low: 0x8400881000000000, high: 0x0000000028000000) }
    /// `reserved`: ";" / "/" / "?" / ":" / "@" / "&" / "=" / "+" / "$" / ","
    @inline(__always) static var reserved: SIPCharacterClass { SIPCharacterClass(low: 0xAC00985000000000, high: 0x0000000000000001) }
    /// `word` (Call-ID): token characters plus "(" / ")" / "<" / ">" / ":" / "\" / DQUOTE /
    /// "/" / "[" / "]" / "?" / "{" / "}"
    @inline(__always) static var word: SIPCharacterClass { SIPCharacterClass(low: 0xD7FFEFA600000000, high: 0x6FFFFFFFBFFFFFFE) }
    /// `scheme` after its first ALPHA: ALPHA / DIGIT / "+" / "-" / "."
    @inline(__always) static var scheme: SIPCharacterClass { SIPCharacterClass(low: 0x03FF680000000000, high: 0x07FFFFFE07FFFFFE) }

    /// user / password characters (escapes aside): unreserved / user-unreserved / password extras
    @inline(__always) static var userInfo: SIPCharacterClass { unreserved | userUnreserved | passwordExtra }
    /// `password` characters (escapes aside)
    @inline(__always) static var password: SIPCharacterClass { unreserved | passwordExtra }
    /// `paramchar` (escapes aside): param-unreserved / unreserved
    @inline(__always) static var paramChar: SIPCharacterClass { unreserved | paramUnreserved }
    /// `hname` / `hvalue` characters (escapes aside): hnv-unreserved / unreserved
    @inline(__always) static var headerChar: SIPCharacterClass { unreserved | hnvUnreserved }
    /// `uric` (escapes aside): reserved / unreserved
    @inline(__always) static var uric: SIPCharacterClass { reserved | unreserved }

    @inline(__always) static func isToken(_ byte: UInt8) -> Bool { token.contains(byte) }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    @inline(__always) static func isHex(_ byte: UInt8) -> Bool { hex.contains(byte) }
    @inline(__always) static func isAlpha(_ byte: UInt8) -> Bool { alpha.contains(byte) }
    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool { alphanumeric.contains(byte) }
    /// SP or HTAB (`WSP`); values are unfolded before grammar functions see them.
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
}
