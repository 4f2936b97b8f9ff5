import Foundation

/// Bytes to text for files written by other programs, which is never allowed to fail: a
/// contact with a wrongly decoded accent is better than a contact lost.
enum TextDecoding {
    /// The bytes in the named charset (vCard 2.1 `CHARSET`, or the caller's guess); with no
    /// charset, UTF-8. Whatever does not decode falls back to Latin-1, where every byte is a character.
    static func string<Bytes: Collection<UInt8>>(from bytes: Bytes, charset: String? = nil) -> String {
        let encoding = charset.map(encoding(named:)) ?? .utf8
        if encoding == .utf8, let text = String(validating: bytes, as: UTF8.self) { return text }
        if encoding != .utf8, let text = String(bytes: bytes, encoding: encoding) { return text }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(text)
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
}
