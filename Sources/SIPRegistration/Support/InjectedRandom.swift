/// The caller's random number generator behind a concrete type, so the machines can be value
/// types that store it and still call the standard library's `random(in:using:)`.
///
/// STYLE.md: randomness is injected. Tags, Call-IDs and timer jitter come from here; digest
/// cnonces do not (they come from a `RandomSource`, by default the system CSPRNG, RFC 7616 §5.11).
struct InjectedRandom: RandomNumberGenerator, Sendable {
    private var base: any RandomNumberGenerator & Sendable

    init(_ base: any RandomNumberGenerator & Sendable) {
        self.base = base
    }

    mutating func next() -> UInt64 { base.next() }

    /// `byteCount` random bytes as lowercase hex: the From tag (RFC 3261 §19.3 asks for at least
    /// 32 random bits) and the Call-ID (§8.1.1.4: globally unique over space and time).
    mutating func token(byteCount: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(byteCount * 2)
        for _ in 0..<byteCount {
            let byte = UInt8.random(in: .min ... .max, using: &self)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A duration drawn uniformly from `low...high`, to the millisecond.
    mutating func duration(between low: Duration, and high: Duration) -> Duration {
        let lowMS = low.wholeMilliseconds, highMS = high.wholeMilliseconds
        guard highMS > lowMS else { return .milliseconds(lowMS) }
        return .milliseconds(Int64.random(in: lowMS...highMS, using: &self))
    }
}

extension Duration {
    /// The duration truncated to whole milliseconds.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
