import MediaCore
import TestSupport

/// Hex fixtures: whitespace and `#` comment lines ignored.
enum Hex {
    static func decode(_ text: String) -> [UInt8] {
        let digits = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined().filter(\.isHexDigit)
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex, let next = digits.index(index, offsetBy: 2, limitedBy: digits.endIndex) {
            bytes.append(UInt8(digits[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        decode(String(decoding: try Fixtures.bytes("rtp/\(name)"), as: UTF8.self))
    }

    static func string(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}

/// SplitMix64 (TestSupport): seeded, so every run draws the same values.
typealias SeededGenerator = SplitMix64
