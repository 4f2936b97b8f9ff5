/// Percent-escaping of SIP URI header values (RFC 3261 §19.1.1, §25.1):
/// hvalue = *( hnv-unreserved / unreserved / escaped ), so `;`, `=`, `@`, `%` and space must
/// be escaped when a Replaces value rides in a Refer-To URI (RFC 3891 §6.1, RFC 3515 §2.1).
enum URIEscaping {
    /// unreserved = alphanum / mark; mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"
    /// hnv-unreserved = "[" / "]" / "/" / "?" / ":" / "+" / "$"
    private static let headerValueSafe = Set("-_.!~*'()[]/?:+$".utf8)

    static func escapeHeaderValue(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isAlphanumeric(byte) || headerValueSafe.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte >> 4) + hex(byte & 0x0F)
            }
        }
        return out
    }

    static func unescape(_ text: String) throws(TransferError) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .malformedEscape(text)
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .malformedEscape(text) }
        return decoded
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func hex(_ nibble: UInt8) -> String {
        String(nibble, radix: 16, uppercase: true)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
