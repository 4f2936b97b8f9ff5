import SIPAuth

/// Deterministic randomness: `count` bytes counting up from `start`.
struct FixedRandom: RandomSource {
    var start: UInt8 = 0

    func randomBytes(count: Int) -> [UInt8] {
        (0..<count).map { start &+ UInt8(truncatingIfNeeded: $0) }
    }
}

/// A random source that hands back fewer bytes than asked, as a broken RNG might.
struct ShortRandom: RandomSource {
    func randomBytes(count: Int) -> [UInt8] {
        [1, 2, 3]
    }
}

/// A random source that fails outright.
struct FailingRandom: RandomSource {
    func randomBytes(count: Int) throws(DigestError) -> [UInt8] {
        throw .randomSourceFailed
    }
}
