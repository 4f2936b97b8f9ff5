/// Where tags, Call-IDs, cnonces, SDP session ids and the glare back-off come from. Injected
/// (STYLE.md: randomness is injected) so call flows replay exactly in tests; a session keeps
/// its own copy and advances it.
public protocol CallRandomSource: Sendable {
    mutating func next() -> UInt64
}

/// The system generator, for production.
public struct SystemCallRandomSource: CallRandomSource {
    private var generator = SystemRandomNumberGenerator()
    public init() {}
    public mutating func next() -> UInt64 { generator.next() }
}

/// SplitMix64 from a seed: the same seed gives the same tags and waits, so tests and
/// simulations are repeatable. Not for secrets.
public struct SeededCallRandomSource: CallRandomSource {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension CallRandomSource {
    /// A token of lowercase hex digits: 32 bits per 8 characters. Tags need "at least 32 bits
    /// of randomness" (RFC 3261 §19.3); Call-IDs use more.
    mutating func token(hexDigits: Int = 16) -> String {
        var text = ""
        while text.count < hexDigits {
            let chunk = String(next(), radix: 16)
            text += String(repeating: "0", count: 16 - chunk.count) + chunk
        }
        return String(text.prefix(hexDigits))
    }

    /// A duration drawn uniformly from `range` with millisecond granularity (RFC 3261 §14.1
    /// asks for "units of 10 ms"; finer is allowed).
    mutating func duration(in range: ClosedRange<Duration>) -> Duration {
        let low = range.lowerBound.milliseconds, high = range.upperBound.milliseconds
        guard high > low else { return range.lowerBound }
        let span = UInt64(high - low) + 1
        return .milliseconds(low + Int64(next() % span))
    }
}

extension Duration {
    /// Whole milliseconds, truncated.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
