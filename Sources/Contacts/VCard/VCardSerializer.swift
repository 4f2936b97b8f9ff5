/// Writes vCards as RFC 6350 §3.2 asks: CRLF line ends, lines folded so that none is longer than
/// 75 octets, a fold never splitting a UTF-8 sequence (a split sequence is invalid UTF-8 in the
/// file, which many readers reject even though unfolding would repair it).
public enum VCardSerializer {
    /// The longest line, in octets, excluding the CRLF (RFC 6350 §3.2).
    public static let maximumLineOctets = 75

    /// Several cards, one after the other, as in an export file.
    public static func serialize(_ cards: [VCard]) -> String {
        cards.map(serialize).joined()
    }

    /// One card: BEGIN, VERSION, the properties in order, END, each line ending in CRLF.
    public static func serialize(_ card: VCard) -> String {
        var text = "BEGIN:VCARD\r\nVERSION:\(card.version.rawValue)\r\n"
        for property in card.properties {
            text += fold(property.description)
        }
        return text + "END:VCARD\r\n"
    }

    /// One logical line folded into physical lines, each ending in CRLF; continuation lines start
    /// with a space, which counts towards their 75 octets.
    static func fold(_ line: String) -> String {
        var folded = ""
        folded.reserveCapacity(line.utf8.count + line.utf8.count / 36 + 2)
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octets + width > maximumLineOctets {
                folded += "\r\n "
                octets = 1
            }
            folded.unicodeScalars.append(scalar)
            octets += width
        }
        return folded + "\r\n"
    }
}
