import MediaCore
import Testing

/// Parsers meet hostile bytes: every truncation of every valid fixture, single-bit flips, and a
/// deterministic stream of random datagrams must come back as a value or an error, never a trap.
@Suite struct MalformedInputTests {
    static let fixtures = ["rfc7714-rtp.hex", "rfc7714-rtcp-sr.hex", "libsrtp-rtp.hex", "compound-rr-sdes-bye.hex"]

    private func parseEverything(_ bytes: [UInt8]) {
        _ = try? RTPHeader.parse(bytes)
        _ = try? RTCPCompoundPacket.parse(bytes)
        _ = try? RTCPCompoundPacket.parse(bytes, requireReportFirst: false)
        _ = try? TelephoneEventPayload.parse(bytes)
        _ = try? ComfortNoisePayload.parse(bytes)
        _ = RTPDemux.classify(bytes)
    }

    @Test(arguments: fixtures) func everyTruncationIsAnErrorOrAValue(name: String) throws {
        let bytes = try Hex.fixture(name)
        var rejected = 0
        for length in 0..<bytes.count {
            let prefix = Array(bytes.prefix(length))
            parseEverything(prefix)
            if name.contains("rtcp") || name.contains("compound") {
                if (try? RTCPCompoundPacket.parse(prefix)) == nil { rejected += 1 }
            } else if (try? RTPHeader.parse(prefix)) == nil {
                rejected += 1
            }
        }
        // RTP accepts any prefix that still holds the 12-octet header; RTCP's length fields
        // make every proper prefix invalid except those ending on a packet boundary.
        let validPrefixes = ["rfc7714-rtcp-sr.hex": 0, "compound-rr-sdes-bye.hex": 2]
        #expect(rejected == (validPrefixes[name].map { bytes.count - $0 } ?? 12))
    }

    @Test(arguments: fixtures) func everyBitFlipIsSurvived(name: String) throws {
        let bytes = try Hex.fixture(name)
        for index in bytes.indices {
            for bit in 0..<8 {
                var mutated = bytes
                mutated[index] ^= 1 << bit
                parseEverything(mutated)
            }
        }
    }

    @Test func randomDatagramsAreSurvived() {
        var generator = SeededGenerator(seed: 0x5EED)
        var parsedRTP = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...80, using: &generator)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Half of them start like RTP/RTCP so the parsers get past the version check.
            if !bytes.isEmpty, Bool.random(using: &generator) { bytes[0] = 0x80 | (bytes[0] & 0x3F) }
            parseEverything(bytes)
            if (try? RTPHeader.parse(bytes)) != nil { parsedRTP += 1 }
        }
        #expect(parsedRTP > 0)
    }

    /// The jitter buffer meets random sequence numbers, timestamps, SSRCs and clock readings.
    @Test func jitterBufferSurvivesRandomPackets() {
        var generator = SeededGenerator(seed: 77)
        var buffer = JitterBuffer()
        var now = MediaTime.zero
        for step in 0..<50_000 {
            let wild = step % 97 == 0
            let timestamp = wild ? UInt32.random(in: 0...UInt32.max, using: &generator) : UInt32(step / 2) &* 160
            let arrival = wild ? MediaTime(microseconds: Int64.random(in: Int64.min...Int64.max, using: &generator)) : now
            buffer.insert(
                sequence: UInt16.random(in: 0...UInt16.max, using: &generator), timestamp: timestamp,
                ssrc: UInt32.random(in: 0...2, using: &generator), payload: [1], arrival: arrival)
            if step % 2 == 0 {
                _ = buffer.pop(at: now)
                now += .milliseconds(20)
            }
        }
        #expect(buffer.count <= buffer.configuration.capacity)
        #expect(buffer.targetDelay <= buffer.configuration.maximumDelay)
    }
}
