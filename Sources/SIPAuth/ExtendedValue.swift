/// RFC 8187 ext-value decoding, for RFC 7616 §3.4.4 `username*=UTF-8''J%C3%A4s%C3%B8n%20Doe`.
///
/// RFC 7616 uses `username*` for names a quoted-string cannot carry in HTTP. SIP can send UTF-8
/// in quoted strings (RFC 3261 §25.1), so we only read this form, never write it.
enum ExtendedValue {
    /// `ext-value = charset "'" [ language ] "'" value-chars`; only UTF-8 (case-insensitive).
    static func decode(_ text: String) -> String? {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        guard let bytes = percentDecoded(Array(pieces[2].utf8)) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// `value-chars = *( pct-encoded / attr-char )`; nil on a malformed escape.
    private static func percentDecoded(_ input: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        while index < input.count {
            guard input[index] == UInt8(ascii: "%") else {
                output.append(input[index])
                index += 1
                continue
            }
            guard index + 2 < input.count else { return nil }
            let digits = String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self)
            guard Hex.isHex(digits), let byte = UInt8(digits, radix: 16) else { return nil }
            output.append(byte)
            index += 3
        }
        return output
    }
}
