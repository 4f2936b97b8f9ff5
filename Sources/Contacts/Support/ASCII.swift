/// Byte-level helpers for the ASCII syntax of vCard, CSV and URIs, shared so that each parser
/// does not carry its own copy.
enum ASCII {
    /// `A`–`Z` mapped to `a`–`z`; every other byte unchanged.
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(lowercased(byte))
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch lowercased(byte) {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: lowercased(byte) - 0x61 + 10
        default: nil
        }
    }

    /// Decodes `<introducer>XX` hex escapes: `=XX` in quoted-printable (RFC 2045 §6.7), `%XX` in
    /// URIs (RFC 3986 §2.1). A malformed escape stays as written: readable beats rejected.
    static func decodingHexEscapes<Bytes: Collection<UInt8>>(_ bytes: Bytes, introducer: UInt8) -> [UInt8] {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            if input[index] == introducer, index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(input[index])
                index += 1
            }
        }
        return output
    }
}
