import Foundation
import MediaCore
import Testing

/// ITU-T G.711 bit-exactness: decoded values, code round trips, reference encoder boundaries, SNR.
@Suite struct G711Tests {
    @Test func knownDecodedValues() {
        #expect(G711.decodeMuLaw(0xFF) == 0)
        #expect(G711.decodeMuLaw(0x7F) == 0)
        #expect(G711.decodeMuLaw(0x00) == -32124)
        #expect(G711.decodeMuLaw(0x80) == 32124)
        #expect(G711.decodeMuLaw(0xFE) == 8)
        #expect(G711.decodeMuLaw(0x7E) == -8)
        #expect(G711.decodeALaw(0xD5) == 8)
        #expect(G711.decodeALaw(0x55) == -8)
        #expect(G711.decodeALaw(0xAA) == 32256)
        #expect(G711.decodeALaw(0x2A) == -32256)
        #expect(G711.decodeALaw(0xD4) == 24)
    }

    /// Each law's 128 magnitudes form G.711's segments: 16 steps per segment, the step doubling
    /// from one segment to the next (µ-law: 8, 16, … 1024 at 16 bits; A-law: 16, 16, 32, … 1024).
    @Test func decodedMagnitudesFollowTheSegmentLaw() {
        let muLaw = (0...127).map { Int(G711.decodeMuLaw(0xFF - UInt8($0))) }
        let aLaw = (0...127).map { Int(G711.decodeALaw(UInt8($0) ^ 0xD5)) }
        for segment in 0..<8 {
            for step in 1..<16 {
                let index = segment * 16 + step
                #expect(muLaw[index] - muLaw[index - 1] == 8 << segment)
                #expect(aLaw[index] - aLaw[index - 1] == 16 << max(segment - 1, 0))
            }
        }
        for code in 0...127 {
            #expect(G711.decodeMuLaw(UInt8(code)) == -G711.decodeMuLaw(UInt8(code) | 0x80))
            #expect(G711.decodeALaw(UInt8(code)) == -G711.decodeALaw(UInt8(code) | 0x80))
        }
    }

    @Test func everyCodeSurvivesDecodeThenEncode() {
        for code in 0...255 {
            let byte = UInt8(code)
            if byte != 0x7F {  // µ-law's negative zero encodes as positive zero, 0xFF
                #expect(G711.encodeMuLaw(G711.decodeMuLaw(byte)) == byte, "µ-law \(code)")
            }
            #expect(G711.encodeALaw(G711.decodeALaw(byte)) == byte, "A-law \(code)")
        }
        #expect(G711.encodeMuLaw(G711.decodeMuLaw(0x7F)) == 0xFF)
    }

    /// The reference encoder treats negatives as one's complement, so −1 lands on the negative
    /// zero code and the extremes saturate on the last codes.
    @Test func referenceEncoderBoundaries() {
        #expect(G711.encodeMuLaw(0) == 0xFF)
        #expect(G711.encodeMuLaw(-1) == 0x7F)
        #expect(G711.encodeMuLaw(Int16.max) == 0x80)
        #expect(G711.encodeMuLaw(Int16.min) == 0x00)
        #expect(G711.encodeALaw(0) == 0xD5)
        #expect(G711.encodeALaw(-1) == 0x55)
        #expect(G711.encodeALaw(15) == 0xD5 && G711.encodeALaw(16) == 0xD4)
        #expect(G711.encodeALaw(-16) == 0x55 && G711.encodeALaw(-17) == 0x54)
        #expect(G711.encodeALaw(Int16.max) == 0xAA)
        #expect(G711.encodeALaw(Int16.min) == 0x2A)
    }

    /// Encoding picks the interval the sample falls in and decoding returns its middle, so the
    /// error is at most half the step of the chosen segment (+1 for the one's complement of
    /// negatives), except where the largest codes saturate.
    @Test func everySampleQuantisesWithinHalfAStep() {
        for value in Int(Int16.min)...Int(Int16.max) {
            let sample = Int16(value)
            let mu = G711.encodeMuLaw(sample)
            let muStep = 8 << (Int(~mu >> 4) & 7)
            let muError = abs(Int(G711.decodeMuLaw(mu)) - value)
            #expect(muError <= muStep / 2 + 1 || abs(value) > 32124, "µ-law \(value)")
            let a = G711.encodeALaw(sample)
            let aStep = 16 << max((Int(a ^ 0x55) >> 4 & 7) - 1, 0)
            let aError = abs(Int(G711.decodeALaw(a)) - value)
            #expect(aError <= aStep / 2 + 1 || abs(value) > 32256, "A-law \(value)")
        }
    }

    @Test(arguments: [G711.Law.muLaw, G711.Law.aLaw]) func sineSNRIsAbove35dB(law: G711.Law) {
        let samples = (0..<8000).map { Int16((9000 * sin(2 * Double.pi * 1004 * Double($0) / 8000)).rounded()) }
        let decoded = G711.decode(G711.encode(samples, law: law), law: law)
        #expect(decoded.count == samples.count)
        let signal = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        let noise = zip(samples, decoded).reduce(0.0) { $0 + pow(Double($1.0) - Double($1.1), 2) }
        let snr = 10 * log10(signal / noise)
        #expect(snr > 35, "SNR \(snr) dB")
        #expect(snr < 45)  // companding noise exists: a lossless "codec" would be a bug here
    }

    @Test func buffersAreReusedAndResized() {
        var samples = [Int16](repeating: 1, count: 3)
        let codes: [UInt8] = [0xFF, 0x00, 0x80, 0x7E]
        codes.withUnsafeBytes { G711.decode($0, law: .muLaw, into: &samples) }
        #expect(samples == [0, -32124, 32124, -8])
    }
}
