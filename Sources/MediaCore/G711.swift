/// ITU-T G.711 µ-law (PCMU) and A-law (PCMA) on 16-bit linear samples.
///
/// Encoding follows the ITU reference behaviour (G.191 STL `ulaw_compress`/`alaw_compress`):
/// negative samples are taken as their one's complement (`~x`), µ-law works on the top 14
/// bits with a bias of 33, A-law on the top 12 bits; decoding returns the segment midpoints
/// scaled to 16 bits. Decoding goes through 256-entry tables built once.
public enum G711 {
    /// Decoded values for every µ-law code.
    public static let muLawTable: [Int16] = (0...255).map { decodeMuLawArithmetic(UInt8($0)) }
    /// Decoded values for every A-law code.
    public static let aLawTable: [Int16] = (0...255).map { decodeALawArithmetic(UInt8($0)) }

    // MARK: µ-law

    public static func encodeMuLaw(_ sample: Int16) -> UInt8 {
        let negative = sample < 0
        // One's complement for negatives (as the reference does), then the 132 bias (33 << 2).
        let magnitude = min(Int(negative ? ~sample : sample) + 132, 32767)
        let exponent = highestBit(magnitude) - 7
        let mantissa = (magnitude >> (exponent + 3)) & 0x0F
        let code = UInt8(exponent << 4 | mantissa)
        return negative ? code ^ 0x7F : code ^ 0xFF
    }

    public static func decodeMuLaw(_ code: UInt8) -> Int16 {
        muLawTable[Int(code)]
    }

    static func decodeMuLawArithmetic(_ code: UInt8) -> Int16 {
        let inverted = ~code
        let exponent = Int(inverted >> 4) & 0x07
        let mantissa = Int(inverted) & 0x0F
        let magnitude = ((mantissa << 3) + 132) << exponent - 132
        return Int16(inverted & 0x80 != 0 ? -magnitude : magnitude)
    }

    // MARK: A-law

    public static func encodeALaw(_ sample: Int16) -> UInt8 {
        let negative = sample < 0
        let magnitude = Int(negative ? ~sample : sample)
        let code: Int
        if magnitude < 256 {
            code = magnitude >> 4
        } else {
            let exponent = highestBit(magnitude) - 7
            code = exponent << 4 | (magnitude >> (exponent + 3)) & 0x0F
        }
        // The sign bit is set for positive values, then even bits are inverted (G.711 §3).
        return UInt8(code | (negative ? 0 : 0x80)) ^ 0x55
    }

    public static func decodeALaw(_ code: UInt8) -> Int16 {
        aLawTable[Int(code)]
    }

    static func decodeALawArithmetic(_ code: UInt8) -> Int16 {
        let value = code ^ 0x55
        let exponent = Int(value >> 4) & 0x07
        let mantissa = Int(value) & 0x0F
        let magnitude = exponent == 0 ? mantissa << 4 + 8 : (mantissa << 4 + 0x108) << (exponent - 1)
        return Int16(value & 0x80 != 0 ? magnitude : -magnitude)
    }

    /// Position of the highest set bit of a positive value below 2^15.
    @inline(__always)
    private static func highestBit(_ value: Int) -> Int {
        Int.bitWidth - 1 - value.leadingZeroBitCount
    }

    // MARK: Buffers

    /// Which law a PCM payload uses.
    public enum Law: Hashable, Sendable {
        case muLaw
        case aLaw
    }

    /// Decodes `codes` into `samples` (resized to fit), reusing the caller's storage.
    public static func decode(_ codes: UnsafeRawBufferPointer, law: Law, into samples: inout [Int16]) {
        let table = law == .muLaw ? muLawTable : aLawTable
        if samples.count != codes.count { samples = [Int16](repeating: 0, count: codes.count) }
        samples.withUnsafeMutableBufferPointer { output in
            for index in 0..<codes.count { output[index] = table[Int(codes[index])] }
        }
    }

    /// Encodes `samples` into `codes` (resized to fit), reusing the caller's storage.
    public static func encode(_ samples: UnsafeBufferPointer<Int16>, law: Law, into codes: inout [UInt8]) {
        if codes.count != samples.count { codes = [UInt8](repeating: 0, count: samples.count) }
        codes.withUnsafeMutableBufferPointer { output in
            switch law {
            case .muLaw: for index in 0..<samples.count { output[index] = encodeMuLaw(samples[index]) }
            case .aLaw: for index in 0..<samples.count { output[index] = encodeALaw(samples[index]) }
            }
        }
    }

    public static func decode(_ codes: [UInt8], law: Law) -> [Int16] {
        var samples: [Int16] = []
        codes.withUnsafeBytes { decode($0, law: law, into: &samples) }
        return samples
    }

    public static func encode(_ samples: [Int16], law: Law) -> [UInt8] {
        var codes: [UInt8] = []
        samples.withUnsafeBufferPointer { encode($0, law: law, into: &codes) }
        return codes
    }
}
