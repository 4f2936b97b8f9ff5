import SDP
import Testing
import TestSupport

/// Deterministic fuzzing over the real bodies (the libFuzzer target explores further): every
/// cut at a line end and a few thousand byte mutations either fail with an `SDPParseError` or parse to
/// something that round-trips, and answering whatever parses never traps.
@Suite struct MutationTests {
    /// SplitMix64 (TestSupport): seeded, so every run draws the same values.
    typealias SplitMix = SplitMix64

    /// Bytes that steer mutations towards SDP's own syntax.
    static let interesting = Array(" \r\n=:/;|^-.0123456789aAmvoctb\u{7F}".utf8) + [0x00, 0xC3, 0xFF]

    private func check(_ bytes: [UInt8], _ context: String) {
        let parsed: SessionDescription
        do {
            parsed = try SessionDescription.parse(bytes)
        } catch {
            #expect(error.lineNumber >= 0, "\(context)")
            return
        }
        let text = parsed.serialized()
        #expect((try? SessionDescription.parse(text)) == parsed, "round trip broke: \(context)")
        _ = try? OfferAnswer.makeAnswer(to: parsed, capabilities: TestSDP.capabilities(srtp: .optional), origin: TestSDP.origin)
        _ = try? OfferAnswer.processAnswer(parsed, toOffer: parsed)
    }

    /// Cut around every line end (mid-CRLF, before it, just after) and inside the first line.
    @Test(arguments: FixtureRoundTripTests.fixtureNames)
    func truncationsNeverTrap(name: String) throws {
        let bytes = try Fixtures.bytes("sdp/" + name)
        var lengths = Set(0...min(4, bytes.count))
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lengths.formUnion((index - 2...index + 1).filter { (0...bytes.count).contains($0) })
        }
        for length in lengths.sorted() { check(Array(bytes.prefix(length)), "\(name) cut at \(length)") }
    }

    @Test(arguments: FixtureRoundTripTests.fixtureNames)
    func byteMutationsNeverTrapAndRoundTrip(name: String) throws {
        let original = try Fixtures.bytes("sdp/" + name)
        var random = SplitMix(state: UInt64(original.count))
        for round in 0..<120 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[index] = Self.interesting.randomElement(using: &random)!
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(Self.interesting.randomElement(using: &random)!, at: index)
                default: bytes[index] = UInt8.random(in: 0...255, using: &random)
                }
            }
            check(bytes, "\(name) round \(round)")
        }
    }
}
