/// Byte classes of the RFC 3261 §25.1 grammar, looked up in one 256-entry table so the hot
/// loops test a bit instead of comparing against lists of characters.
struct SIPCharacterClass: OptionSet {
    let rawValue: UInt16

    static let digit = SIPCharacterClass(rawValue: 1 << 0)
    static let alpha = SIPCharacterClass(rawValue: 1 << 1)
    static let hex = SIPCharacterClass(rawValue: 1 << 2)
    /// `token` (§25.1): alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"
    static let token = SIPCharacterClass(rawValue: 1 << 3)
    /// `unreserved` (§25.1): alphanum / mark; mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"
    static let unreserved = SIPCharacterClass(rawValue: 1 << 4)
    /// `user-unreserved`: "&" / "=" / "+" / "$" / "," / ";" / "?" / "/"
    static let userUnreserved = SIPCharacterClass(rawValue: 1 << 5)
    /// password extras: "&" / "=" / "+" / "$" / ","
    static let passwordExtra = SIPCharacterClass(rawValue: 1 << 6)
    /// `param-unreserved`: "[" / "]" / "/" / ":" / "&" / "+" / "$"
    static let paramUnreserved = SIPCharacterClass(rawValue: 1 << 7)
    /// `hnv-unreserved`: "[" / "]" / "/" / "?" / ":" / "+" / "$"
    static let hnvUnreserved = SIPCharacterClass(rawValue: 1 << 8)
    /// `reserved`: ";" / "/" / "?" / ":" / "@" / "&" / "=" / "+" / "$" / ","
    static let reserved = SIPCharacterClass(rawValue: 1 << 9)
    /// `word` (Call-ID): token chars plus "(" / ")" / "<" / ">" / ":" / "\" / DQUOTE / "/" /
    /// "[" / "]" / "?" / "{" / "}"
    static let word = SIPCharacterClass(rawValue: 1 << 10)
    /// `scheme` after the first ALPHA: ALPHA / DIGIT / "+" / "-" / "."
    static let scheme = SIPCharacterClass(rawValue: 1 << 11)

    static func of(_ byte: UInt8) -> SIPCharacterClass {
        SIPCharacterClass(rawValue: table[Int(byte)])
    }

    static func isToken(_ byte: UInt8) -> Bool { table[Int(byte)] & token.rawValue != 0 }
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    static func isHex(_ byte: UInt8) -> Bool { table[Int(byte)] & hex.rawValue != 0 }
    static func isAlpha(_ byte: UInt8) -> Bool { table[Int(byte)] & alpha.rawValue != 0 }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isAlpha(byte) || isDigit(byte) }
    /// SP or HTAB (`WSP`); values are unfolded before grammar functions see them.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static let table: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 256)
        func add(_ characters: String, _ set: SIPCharacterClass) {
            for byte in characters.utf8 { table[Int(byte)] |= set.rawValue }
        }
        let digits = "0123456789"
        let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        let everywhere: SIPCharacterClass = [.token, .unreserved, .word]
        add(digits, [.digit, .hex, .scheme, everywhere])
        add(letters, [.alpha, .scheme, everywhere])
        add("abcdefABCDEF", .hex)
        add("-.!%*_+`'~", .token)
        add("-_.!~*'()", .unreserved)
        add("-.!%*_+`'~()<>:\\\"/[]?{}", .word)
        add("&=+$,;?/", .userUnreserved)
        add("&=+$,", .passwordExtra)
        add("[]/:&+$", .paramUnreserved)
        add("[]/?:+$", .hnvUnreserved)
        add(";/?:@&=+$,", .reserved)
        add("+-.", .scheme)
        return table
    }()
}
