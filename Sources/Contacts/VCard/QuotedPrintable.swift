import Foundation

/// Quoted-printable decoding (RFC 2045 §6.7) for vCard 2.1 values and the 3.0 files that old phones
/// still write with `ENCODING=QUOTED-PRINTABLE`. Read-only: Dialtone writes 8-bit UTF-8 text.
enum QuotedPrintable {
    /// Decodes `=XX` octets and interprets the bytes in `charset` (UTF-8 when absent or unknown).
    /// Soft line breaks were already joined by the line reader. A malformed `=` sequence is kept
    /// literally rather than failing the card: the value is still readable to a human.
    static func decode(_ raw: String, charset: String?) -> String {
        let input = Array(raw.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "="), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return text(from: bytes, charset: charset)
    }

    /// Bytes as text in the named charset; invalid UTF-8 falls back to Latin-1, which cannot fail.
    static func text(from bytes: [UInt8], charset: String?) -> String {
        let encoding = charset.map(encoding(named:)) ?? .utf8
        if let text = String(bytes: bytes, encoding: encoding) { return text }
        return String(bytes: bytes, encoding: .isoLatin1) ?? String(decoding: bytes, as: UTF8.self)
    }

    private static func encoding(named name: String) -> String.Encoding {
        switch name.uppercased() {
        case "ISO-8859-1", "LATIN1", "ISO8859-1": .isoLatin1
        case "WINDOWS-1252", "CP1252": .windowsCP1252
        case "US-ASCII", "ASCII": .ascii
        case "ISO-8859-2": .isoLatin2
        default: .utf8
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
