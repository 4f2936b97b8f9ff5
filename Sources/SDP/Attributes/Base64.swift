/// Base64 (RFC 4648 §4) for `inline:` SRTP keys (RFC 4568 §6.1), written here so the module
/// needs no Foundation. Keys are 28–46 bytes, so clarity matters more than speed.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group: UInt32 = 0
            for (offset, byte) in chunk.enumerated() { group |= UInt32(byte) << (16 - 8 * offset) }
            for position in 0..<4 {
                let sextet = Int(group >> (18 - 6 * position) & 0x3F)
                output.append(position <= chunk.count ? alphabet[sextet] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The decoded bytes, or `nil` for a character outside the alphabet, misplaced padding or
    /// a length no encoder produces. Padding may be omitted (some peers strip it).
    static func decode(_ text: SDPBytes) -> [UInt8]? {
        let body = text.prefix { $0 != UInt8(ascii: "=") }
        let padding = text.count - body.count
        guard padding <= 2, text.suffix(padding).allSatisfy({ $0 == UInt8(ascii: "=") }) else { return nil }
        guard body.count % 4 != 1, padding == 0 || text.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(body.count * 3 / 4)
        var group: UInt32 = 0
        var bits = 0
        for character in body {
            guard let value = sextet(character) else { return nil }
            group = group << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: group >> UInt32(bits)))
            }
        }
        return output
    }

    private static func sextet(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
