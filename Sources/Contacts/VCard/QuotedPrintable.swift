/// Quoted-printable decoding (RFC 2045 §6.7) for vCard 2.1 values and the 3.0 files that old phones
/// still write with `ENCODING=QUOTED-PRINTABLE`. Read-only: Dialtone writes 8-bit UTF-8 text.
enum QuotedPrintable {
    /// Decodes `=XX` octets and interprets the bytes in `charset` (UTF-8 when absent or unknown).
    /// Soft line breaks were already joined by the line reader. A malformed `=` sequence is kept
    /// literally rather than failing the card: the value is still readable to a human.
    static func decode(_ raw: String, charset: String?) -> String {
        TextDecoding.string(from: ASCII.decodingHexEscapes(raw.utf8, introducer: UInt8(ascii: "=")), charset: charset)
    }
}
